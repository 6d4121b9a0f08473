"""Copying a WordPress site's images: ``MediaCopier`` brings each file over once and says where it is.

A post's image URL on the old site becomes the URL of a copy stored through
Django's ``default_storage`` under the path it had below ``wp-content/uploads``
(``wp-content/uploads/2011/03/cat.jpg``). The file is downloaded with urllib,
or read from a local copy of ``wp-content/uploads`` (``source_dir``). A copy
already stored is used as it is: importing again downloads nothing, and an
import without copying still points posts at the copies an earlier one made.

Images are kept each decoded whole by Pillow within
``BLOG_IMAGE_MAX_PIXELS`` and ``WORDPRESS_IMPORT_MEDIA_MAX_BYTES``, as
the editor's upload does; documents, audio and video (``media.FILE_SIGNATURES``:
PDF, MP3, MP4, Office files…) when their first bytes are what their
extension says, within the same byte limit. Any other file is not copied.
Downloads go only to the export's own hosts (and those the importing user
names), over http or https, never to a private, loopback or link-local
address unless the user named that host; redirects are held to the same
rules. A file that cannot be copied is reported by post and URL, and the post keeps the original URL.
"""

import hashlib
import io
import ipaddress
import socket
import urllib.error
import urllib.request
import warnings
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import get_valid_filename
from PIL import Image

from blog import conf as blog_conf
from wordpress import conf, lenient, media, wxr

UPLOADS = "wp-content/uploads/"
USER_AGENT = "Commonplace WordPress importer"


class CopyError(Exception):
    """The file cannot be copied; the message says why, for the report."""


def upload_path(url: str) -> str:
    """Where the file at ``url`` sits below ``wp-content/uploads`` (``2011/03/cat.jpg``), made safe.

    WordPress.com serves uploads without the ``wp-content/uploads`` prefix; a query (a resized
    version) gets a name of its own.
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    path = path.split("/" + UPLOADS, 1)[1] if "/" + UPLOADS in path else path
    segments = [
        get_valid_filename(part) for part in PurePosixPath(path).parts if part not in ("/", ".", "..")
    ]
    segments = [segment for segment in segments if segment] or ["file"]
    if parts.query:
        name = PurePosixPath(segments[-1])
        digest = hashlib.sha256(parts.query.encode()).hexdigest()[:10]
        segments[-1] = f"{name.stem}-{digest}{name.suffix}"
    return "/".join(segments)


def check_file(url: str, data: bytes) -> None:
    """Refuse ``data`` unless it is an image Pillow reads, or the document, audio or video ``url`` names."""
    if kind := media.file_kind(url):
        if not any(
            data[offset : offset + len(magic)] == magic for offset, magic in media.FILE_SIGNATURES[kind]
        ):
            raise CopyError(f"not a .{kind} file (its first bytes say otherwise)")
        return
    _check_image(data)


def _check_image(data: bytes) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > blog_conf.get("IMAGE_MAX_PIXELS"):
                    raise CopyError(f"{width} × {height} pixels, over BLOG_IMAGE_MAX_PIXELS")
                image.load()
    except CopyError:
        raise
    except Image.DecompressionBombError:
        raise CopyError("far more pixels than BLOG_IMAGE_MAX_PIXELS allows") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise CopyError(f"not an image Pillow can read ({error})") from None


@dataclass
class MediaOptions:
    """Whether an import copies media (``copy``), from a local ``source_dir`` or the old site, and the
    ``hosts`` beyond the export's own it may download from; ``attachments`` are the export's."""

    copy: bool = False
    source_dir: str | None = None
    hosts: tuple = ()
    attachments: dict = field(default_factory=dict)

    def copier(self, report, site: str, *, dry_run: bool) -> "MediaCopier":
        hosts = {urlsplit(site).hostname} | {
            urlsplit(item.url).hostname for item in self.attachments.values()
        }
        return MediaCopier(
            report=report, hosts=hosts - {None}, trusted_hosts=self.hosts, source_dir=self.source_dir,
            copy=self.copy and not dry_run,
        )  # fmt: skip


class MediaCopier:
    """The copies of one import run: ``url(original, wp_id)`` is the URL a post should use."""

    def __init__(self, *, report, hosts=(), trusted_hosts=(), source_dir=None, copy=True):
        self.report = report
        self.hosts = {host.lower() for host in hosts if host}
        # Hosts the importing user named: allowed even on private addresses (a test server, an intranet).
        self.trusted = {host.lower() for host in trusted_hosts if host}
        self.source_dir = Path(source_dir).resolve() if source_dir else None
        self.copy = copy
        self.urls = {}  # original URL → the copy's URL, or None when it could not be copied

    def is_old_site(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and (parts.hostname or "") in self.hosts | self.trusted

    def url(self, original: str, wp_id) -> str:
        """The copy's URL for ``original``, copying it first if asked; else ``original`` (reported)."""
        if not self.is_old_site(original):
            return original
        if original not in self.urls:
            self.urls[original] = self._copy(original, wp_id)
        return self.urls[original] or original

    def _copy(self, original: str, wp_id) -> str | None:
        path = UPLOADS + upload_path(original)
        if default_storage.exists(path):
            self.report.count("media", "already here")
            return default_storage.url(path)
        if not self.copy:
            return None
        try:
            data = self._read_local(original) if self.source_dir else self._download(original)
            check_file(original, data)
        except CopyError as error:
            self.report.count("media", "missing")
            self.report.problem(
                "post", wp_id, f"media {original} not copied: {error}; the original URL is kept"
            )
            return None
        path = default_storage.save(path, ContentFile(data))
        self.report.count("media", "copied")
        return default_storage.url(path)

    def _read_local(self, original: str) -> bytes:
        file = (self.source_dir / upload_path(original)).resolve()
        if not file.is_relative_to(self.source_dir) or not file.is_file():
            raise CopyError(f"no file {upload_path(original)} in {self.source_dir}")
        if file.stat().st_size > conf.get("IMPORT_MEDIA_MAX_BYTES"):
            raise CopyError("larger than WORDPRESS_IMPORT_MEDIA_MAX_BYTES")
        return file.read_bytes()

    def check_address(self, url: str) -> None:
        """Refuse ``url`` unless it is http(s) on an allowed host resolving to allowed addresses."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or host not in self.hosts | self.trusted:
            raise CopyError(f"{url} is not on the old site's hosts")
        if host in self.trusted:
            return
        try:
            addresses = {
                info[4][0] for info in socket.getaddrinfo(host, parts.port or 80, type=socket.SOCK_STREAM)
            }
        except (OSError, UnicodeError) as error:
            raise CopyError(f"{host} cannot be resolved ({error})") from None
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not (getattr(ip, "ipv4_mapped", None) or ip).is_global:
                raise CopyError(
                    f"{host} is a private address ({address}); name it with --media-host to allow it"
                )

    def _download(self, original: str) -> bytes:
        self.check_address(original)
        opener = urllib.request.build_opener(_CheckedRedirects(self))
        request = urllib.request.Request(original, headers={"User-Agent": USER_AGENT})
        limit = conf.get("IMPORT_MEDIA_MAX_BYTES")
        try:
            with opener.open(request, timeout=conf.get("IMPORT_MEDIA_TIMEOUT")) as response:
                data = response.read(limit + 1)
        except urllib.error.HTTPError as error:
            raise CopyError(f"the old site answered {error.code}") from None
        except urllib.error.URLError as error:
            reason = error.reason
            raise (
                reason if isinstance(reason, CopyError) else CopyError(f"download failed ({reason})")
            ) from None
        except (OSError, ValueError) as error:
            raise CopyError(f"download failed ({error})") from None
        if len(data) > limit:
            raise CopyError("larger than WORDPRESS_IMPORT_MEDIA_MAX_BYTES")
        return data


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to where the first request could have gone."""

    def __init__(self, copier: MediaCopier):
        self.copier = copier

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: PLR0913 (urllib's signature)
        try:
            self.copier.check_address(newurl)
        except CopyError as error:
            raise urllib.error.URLError(error) from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_attachments(source, *, max_depth: int) -> dict:
    """The export's attachments by WordPress ID, read in a first pass over ``source`` (rewound after).

    A post's gallery names attachments that the export lists after the post. A file that
    cannot be rewound gives none: its galleries are reported as having no images.
    """
    if hasattr(source, "seek") and not (hasattr(source, "seekable") and source.seekable()):
        return {}
    attachments = {}
    try:
        for record in wxr.read(source, max_depth=max_depth, repairs=lenient.Repairs()):
            if isinstance(record, wxr.Item) and record.get("wp:post_type") == "attachment":
                wp_id, parent = record.get("wp:post_id"), record.get("wp:post_parent")
                if wp_id.isdigit() and (url := record.get("wp:attachment_url")):
                    attachments[int(wp_id)] = media.Attachment(
                        url=url,
                        parent=int(parent) if parent.isdigit() and parent != "0" else None,
                        caption=record.get("excerpt:encoded"),
                        alt=record.meta.get("_wp_attachment_image_alt", ""),
                        title=record.get("title"),
                    )
    except wxr.WXRError:
        pass  # the import itself reads the file again and reports what is wrong with it
    finally:
        if hasattr(source, "seek"):
            source.seek(0)
    return attachments
