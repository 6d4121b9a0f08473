"""Images in the site's own storage: uploads stored clean, and their sizes for the page.

``store_image`` keeps an upload in ``default_storage`` (a folder, an S3
bucket: whatever ``STORAGES`` says) under a dated folder
(``uploads/2026/11/cat-k3x9q2vd.jpg``; the random part makes names unique on
every storage, including those that overwrite, and unguessable while the post
is a draft). The picture is re-encoded by Pillow with its EXIF orientation
applied, so no metadata (GPS position, camera, date, XMP, comments) is kept.

``stored_image_size`` gives the rendering pipeline the width and height of an
image whose URL is in the default storage, read from the file's header once
and then kept in the cache (names never change content).
"""

import hashlib
import io
import secrets
import warnings
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageOps, JpegImagePlugin

from blog import conf

# What a clean copy keeps of Pillow's ``info``: colour, transparency and animation, nothing that
# describes the photograph or its taker.
KEPT_INFO = ("icc_profile", "transparency", "background", "duration", "loop")
# EXIF orientations that turn the picture a quarter: a browser shows it with width and height swapped.
QUARTER_TURNS = {5, 6, 7, 8}
SIZE_CACHE_PREFIX = "blog:image-size:"
PROBE = "probe"


def upload_name(original_name: str, extension: str, *, now=None) -> str:
    """The storage name of a new upload: the dated folder, the original name made safe, a random part."""
    folder = timezone.localtime(now).strftime(conf.get("IMAGE_UPLOAD_DIRECTORY")).strip("/")
    stem = slugify(PurePosixPath(original_name or "").stem)[:60] or "image"
    return f"{folder}/{stem}-{secrets.token_hex(4)}.{extension}"


def clean_copy(image: Image.Image) -> bytes:
    """``image`` re-encoded in its own format, its orientation applied and its metadata left out."""
    fmt = image.format
    animated = getattr(image, "is_animated", False)
    options = {}
    if animated:
        clean = image
        options["save_all"] = True
    else:
        clean = ImageOps.exif_transpose(image)
        if fmt == "JPEG":
            # The original's quantisation keeps its quality: no visible loss from the re-encoding.
            options = {"qtables": image.quantization, "subsampling": JpegImagePlugin.get_sampling(image)}
    clean.info = {key: value for key, value in clean.info.items() if key in KEPT_INFO}
    if fmt == "WEBP" and not animated:
        options["quality"] = 90
    output = io.BytesIO()
    clean.save(output, fmt, **options)
    return output.getvalue()


def store_image(upload, image: Image.Image, *, now=None) -> str:
    """Store a clean copy of the decoded ``image`` that ``upload`` holds; returns its URL."""
    extension = {"JPEG": "jpg"}.get(image.format, image.format.lower())
    name = default_storage.save(upload_name(upload.name, extension, now=now), ContentFile(clean_copy(image)))
    return default_storage.url(name)


def storage_name(src: str) -> str | None:
    """The name in ``default_storage`` of the file at URL ``src``, or None when it is elsewhere."""
    probe_url = default_storage.url(PROBE)
    prefix = probe_url.removesuffix(PROBE)
    if prefix == probe_url:
        return None
    site = urlsplit(settings.SITE_URL)
    if src.startswith(f"{site.scheme}://{site.netloc}/") and prefix.startswith("/"):
        src = src[len(f"{site.scheme}://{site.netloc}") :]
    if not src.startswith(prefix):
        return None
    name = unquote(urlsplit(src[len(prefix) :]).path)
    if not name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    return name


def read_size(name: str) -> tuple[int, int] | None:
    """Width and height as a browser shows the stored image ``name``, from its header; None if unreadable."""
    try:
        with default_storage.open(name) as file, warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if image.getexif().get(0x0112) in QUARTER_TURNS:
                    width, height = height, width
    except (OSError, SyntaxError, ValueError, SuspiciousOperation, Image.DecompressionBombError):
        return None
    return width, height


def stored_image_size(src: str) -> tuple[int, int] | None:
    """The size of the image at URL ``src`` when it is in the site's storage (cached); else None."""
    name = storage_name(src)
    if name is None:
        return None
    key = SIZE_CACHE_PREFIX + hashlib.sha256(name.encode()).hexdigest()
    size = cache.get(key)
    if size is None:
        size = read_size(name)
        if size is None:  # perhaps not copied yet: look again next time
            return None
        cache.set(key, size, timeout=None)
    return tuple(size)
