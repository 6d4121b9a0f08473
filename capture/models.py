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
