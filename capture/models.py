"""Dated copies of a source's page, so quotations can be checked and found after the page moves or dies."""

from django.db import models

from citations.models import Source


class Snapshot(models.Model):
    """A source's page as fetched once: its readable text and its HTML."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="snapshots", verbose_name="source"
    )
    url = models.URLField("address asked", max_length=1000, help_text="The source's URL when it was fetched.")
    final_url = models.URLField(
        "address answered", max_length=1000, blank=True, help_text="Where redirects led, if elsewhere."
    )
    fetched = models.DateTimeField("fetched", db_index=True)
    text = models.TextField(
        "readable text", blank=True, help_text="The article's text, without menus or footers."
    )
    html = models.TextField("HTML", blank=True, help_text="The page as it was answered, decoded.")
    error = models.CharField(
        "error", max_length=500, blank=True, help_text="Why the page could not be kept, if it could not."
    )

    class Meta:
        verbose_name = "snapshot"
        verbose_name_plural = "snapshots"
        ordering = ["-fetched"]
        get_latest_by = "fetched"

    def __str__(self):
        return f"{self.source.key} on {self.fetched:%Y-%m-%d}"

    @property
    def ok(self):
        return not self.error


class QuotationCheck(models.Model):
    """Derived: an excerpt's quoted words looked up in its source's latest snapshot (``capture.checks``)."""

    class Status(models.TextChoices):
        FOUND = "found", "found"
        NOT_FOUND = "not_found", "not found"
        NO_SNAPSHOT = "no_snapshot", "no snapshot"

    post = models.ForeignKey(
        "blog.Post", on_delete=models.CASCADE, related_name="quotation_checks", verbose_name="post"
    )
    position = models.PositiveIntegerField("excerpt", help_text="The excerpt's number in the post.")
    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="quotation_checks", verbose_name="source"
    )
    snapshot = models.ForeignKey(
        Snapshot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="quotation_checks",
        verbose_name="snapshot",
        help_text="The copy of the page the words were looked up in.",
    )
    checked_at = models.DateTimeField("checked", db_index=True)
    status = models.CharField("status", max_length=20, choices=Status.choices, db_index=True)
    spans = models.JSONField(
        "spans",
        default=list,
        blank=True,
        help_text="Each span of the quote: found (with its offset) or not, with the nearest passage.",
    )

    class Meta:
        verbose_name = "quotation check"
        verbose_name_plural = "quotation checks"
        ordering = ["post", "position"]
        constraints = [
            models.UniqueConstraint(fields=["post", "position"], name="capture_one_check_per_excerpt")
        ]

    def __str__(self):
        return f"Excerpt {self.position} of post {self.post_id}: {self.get_status_display()}"


class SourceHealth(models.Model):
    """What the last re-fetch of a cited source found: the page as quoted, changed, moved or gone."""

    class State(models.TextChoices):
        OK = "ok", "as quoted"
        CHANGED = "changed", "changed where quoted"
        MOVED = "moved", "moved"
        DIED = "died", "died"

    source = models.OneToOneField(
        Source, on_delete=models.CASCADE, related_name="health", verbose_name="source"
    )
    checked_at = models.DateTimeField("checked", db_index=True)
    state = models.CharField("state", max_length=20, choices=State.choices, db_index=True)
    moved_to = models.URLField(
        "moved to", max_length=1000, blank=True, help_text="Where a redirect or the canonical link led."
    )
    detail = models.CharField("detail", max_length=500, blank=True, help_text="The error, or what changed.")

    class Meta:
        verbose_name = "source health"
        verbose_name_plural = "source health"
        ordering = ["checked_at"]

    def __str__(self):
        return f"{self.source.key}: {self.get_state_display()}"
