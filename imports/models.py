"""A record of each import started in the admin: its file, who started it, its progress and its report."""

from django.conf import settings
from django.db import models

from imports.storage import PrivateStorage


class ImportRun(models.Model):
    """One uploaded file and the background job importing it.

    The file is deleted when the import finishes, done or failed; the name,
    size and report stay.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=50, db_index=True)
    file = models.FileField(storage=PrivateStorage(), upload_to="%Y/%m/%d/", max_length=255, blank=True)
    filename = models.CharField("file", max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    # What the upload form chose (JSON): the job reads them, as a command reads its options.
    options = models.JSONField(default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    # Progress while it runs: what it is doing, how far through the file (done of total, in bytes) and
    # how many items it has saved.
    phase = models.CharField(max_length=100, blank=True)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(default=0)
    items = models.PositiveIntegerField(default=0)
    summary = models.CharField(max_length=500, blank=True)
    report = models.JSONField(default=list, blank=True)
    error = models.TextField(blank=True)
    # How many times a worker took it up: more than one means it resumed after an interruption.
    attempts = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    started = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = "import"

    def __str__(self):
        return f"{self.filename} ({self.get_status_display()})"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int | None:
        return min(100, self.done * 100 // self.total) if self.total else None


class Redirect(models.Model):
    """An old address that leads permanently somewhere else, in the manner of ``django.contrib.redirects``.

    Importers fill it for old addresses whose target is not a row an app
    already redirects to by its own key (an attachment's page leads to the
    copied file, say). ``old_path`` is a path, with its query string when the
    old site answered one (``/?attachment_id=5``); ``new_path`` a path or a
    full URL (a file in the storage's own host).
    """

    old_path = models.CharField(
        "old address", max_length=500, unique=True, help_text="A path, with its query string if it had one."
    )
    new_path = models.CharField("leads to", max_length=500, help_text="A path or a full URL.")
    origin = models.CharField(
        "recorded by", max_length=50, blank=True, help_text="The import that recorded it (wordpress…)."
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = "redirect"
        verbose_name_plural = "redirects"

    def __str__(self):
        return f"{self.old_path} → {self.new_path}"
