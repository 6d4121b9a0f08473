"""What came from WordPress: each imported post, page, comment, author and attachment, its WordPress ID and
its old address, and each site imported from with the path it was installed under."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ImportedItemQuerySet(models.QuerySet):
    def posts(self):
        return self.filter(kind=ImportedItem.Kind.POST)

    def pages(self):
        return self.filter(kind=ImportedItem.Kind.PAGE)

    def addressed(self):
        """Items whose old page redirects to a post: posts, and attachments (to the post they belong to)."""
        return self.filter(kind__in=[ImportedItem.Kind.POST, ImportedItem.Kind.ATTACHMENT])


class ImportedItem(models.Model):
    """One WordPress post, page, comment, author or attachment and the row it became here.

    Re-running an import finds its earlier rows through these (by site and
    WordPress ID), and the old-address redirects look up ``link_path`` and
    ``wp_slug``. An author's row points at the user and keeps the login, as
    WordPress's author address spells it, in ``wp_slug``; an attachment's
    points at the post it belongs to.
    """

    class Kind(models.TextChoices):
        POST = "post", "Post"
        COMMENT = "comment", "Comment"
        AUTHOR = "author", "Author"
        ATTACHMENT = "attachment", "Attachment"
        PAGE = "page", "Page"

    kind = models.CharField("kind", max_length=10, choices=Kind.choices)
    site = models.CharField(
        "WordPress site",
        max_length=300,
        help_text="The export's base blog URL, e.g. https://example.wordpress.com.",
    )
    wp_id = models.PositiveBigIntegerField("WordPress ID")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="type")
    object_id = models.PositiveBigIntegerField("object ID")
    item = GenericForeignKey("content_type", "object_id")
    wp_slug = models.CharField(
        "WordPress slug", max_length=200, blank=True, db_index=True, help_text="As WordPress had it, decoded."
    )
    link_path = models.CharField(
        "old address",
        max_length=500,
        blank=True,
        db_index=True,
        help_text="The path of the post's WordPress permalink; it redirects here.",
    )
    fingerprint = models.CharField(
        "fingerprint",
        max_length=64,
        help_text="A digest of the item as exported; an unchanged item is skipped on the next import.",
    )
    imported = models.DateTimeField("first imported", auto_now_add=True)
    updated = models.DateTimeField("last changed by an import", auto_now=True)

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        verbose_name = "imported item"
        verbose_name_plural = "imported items"
        ordering = ["site", "kind", "wp_id"]
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="wordpress_item_unique"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="wordpress_item_target_idx")]

    def __str__(self):
        return f"WordPress {self.get_kind_display().lower()} {self.wp_id} from {self.site}"


class ImportedSite(models.Model):
    """A WordPress site imported from, and the path it was installed under ("" at the root, "/blog").

    Old addresses under that path (``/blog/?p=1``, ``/blog/category/x/``) are
    read with it stripped.
    """

    url = models.CharField(
        "WordPress site", max_length=300, unique=True, help_text="The export's base blog URL."
    )
    base_path = models.CharField(
        "installed under",
        max_length=300,
        blank=True,
        db_index=True,
        help_text="The path of the site's address, without the trailing slash; empty at the root.",
    )

    class Meta:
        verbose_name = "imported site"
        verbose_name_plural = "imported sites"
        ordering = ["url"]

    def __str__(self):
        return self.url
