"""What the queue knows of its workers: each one's last sign of life."""

from django.db import models


class Worker(models.Model):
    """A ``run_tasks`` process, which records itself here every ``JOBS_HEARTBEAT_SECONDS``.

    A job still marked running by a worker not heard from for
    ``JOBS_WORKER_TIMEOUT_SECONDS`` was cut off (a restart, a crash) and is queued again.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started = models.DateTimeField()
    seen = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-seen"]

    def __str__(self):
        return f"{self.host} (pid {self.pid})"


class PeriodicJob(models.Model):
    """When a periodic task (``jobs.periodic``) is next due, and when a worker last queued it."""

    name = models.CharField("task", max_length=255, primary_key=True)
    due = models.DateTimeField("next due")
    last_queued = models.DateTimeField("last queued", null=True, blank=True)

    class Meta:
        ordering = ["due"]
        verbose_name = "periodic job"
        verbose_name_plural = "periodic jobs"

    def __str__(self):
        return self.name
