"""What the importer records of the old site's addresses, for ``wordpress.middleware`` to redirect.

The site's install path, each author's login and each attachment's page are
stored as they are met, so that every redirect is one look-up by an indexed
key rather than a guess at the old site's permalink structure.
"""

from urllib.parse import unquote, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils.text import slugify

from blog.models import Post
from imports import redirects
from wordpress.models import ImportedItem, ImportedSite


def old_path(link: str) -> str:
    """The path of a WordPress permalink, decoded, or "" for the ``?p=`` form and the site's root."""
    parts = urlsplit(link or "")
    if parts.query or not parts.path.strip("/"):
        return ""
    return unquote(parts.path)[:500]


def author_slug(login: str) -> str:
    """The author's part of ``/author/<nicename>/``: WordPress's nicename is the login's first 50
    characters made a slug, with dots as dashes (``sanitize_title``)."""
    return slugify(login[:50].replace(".", "-"))


class OldAddresses:
    """The old addresses of one site's import."""

    def __init__(self, site: str):
        self.site = site
        base_path = unquote(urlsplit(site).path).rstrip("/")[:300]
        self.base_path = base_path
        ImportedSite.objects.update_or_create(url=site[:300], defaults={"base_path": base_path})

    def _remember(self, kind: str, wp_id: int, target, **fields) -> None:
        # Written only when something changed, so a re-import leaves the rows (and their times) alone.
        fields |= {"content_type": ContentType.objects.get_for_model(target), "object_id": target.pk}
        row = ImportedItem.objects.filter(site=self.site, kind=kind, wp_id=wp_id).first()
        if row is None:
            ImportedItem.objects.create(site=self.site, kind=kind, wp_id=wp_id, **fields)
        elif any(getattr(row, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(row, name, value)
            row.save()

    def author(self, wp_id: str, login: str, user) -> None:
        """``/author/<login>/`` and ``?author=<ID>`` now lead to ``user``'s page."""
        if wp_id.isdigit() and isinstance(user, get_user_model()):
            self._remember(ImportedItem.Kind.AUTHOR, int(wp_id), user, wp_slug=author_slug(login))

    def attachment(self, wp_id: str, link: str, post: Post) -> None:
        """The attachment's page (``?attachment_id=<ID>`` and its permalink) now leads to ``post``."""
        if wp_id.isdigit():
            self._remember(ImportedItem.Kind.ATTACHMENT, int(wp_id), post, link_path=old_path(link))

    def attachment_file(self, wp_id: str, link: str, url: str) -> None:
        """The attachment's page (``?attachment_id=<ID>`` and its permalink) now leads to its copied file."""
        if wp_id.isdigit():
            redirects.remember(f"{self.base_path}/?attachment_id={int(wp_id)}", url, origin="wordpress")
            if path := old_path(link):
                redirects.remember(path, url, origin="wordpress")
