"""Starting an import from an upload, and the background job that runs it.

The upload view stores the file (``imports.storage``), records an
``ImportRun`` and queues ``run_import`` in the same transaction, and answers
at once. The worker runs the kind's importer, the one its command runs,
writing progress to the run as it goes, then the report (or the error), and
deletes the file.

A job may run twice (a worker that died mid-import is queued again): the
importers are idempotent, so a second run resumes, finding what the first
saved unchanged. A run already finished is left alone. A failing import is
not retried: a bad file fails the same way every time, and the person
watching the page should read the reason at once, not after retries; the
error says what was saved, and uploading the file again resumes.
"""

import logging

from django.db.models import F
from django.utils import timezone

from imports import kinds
from imports.models import ImportRun
from jobs.background import background

logger = logging.getLogger(__name__)


def start(kind: str, upload, user, options: dict) -> ImportRun:
    """Store ``upload`` where it is not served, record the run and queue its job."""
    run = ImportRun(kind=kind, filename=upload.name[:255], size=upload.size, options=options, started_by=user)
    run.file.save(upload.name, upload, save=False)
    run.save()
    run_import.enqueue(run.pk)
    return run


class Progress:
    """Called by an importer as it goes: records how far it is, for the run's page."""

    def __init__(self, run: ImportRun):
        self.pk = run.pk

    def __call__(self, *, phase=None, done=None, total=None, items=None):
        values = {"phase": phase, "done": done, "total": total, "items": items}
        values = {name: value for name, value in values.items() if value is not None}
        ImportRun.objects.filter(pk=self.pk).update(**values, updated=timezone.now())


def _finish(run: ImportRun, status, *, summary="", lines=(), error="") -> None:
    run.status, run.summary, run.error = status, summary[:500], error
    run.report = list(lines)
    if run.attempts > 1:
        run.report.insert(0, "Resumed after an interruption: what was saved before counts as unchanged.")
    run.phase, run.finished = "", timezone.now()
    name, run.file = run.file.name, None
    run.save(update_fields=["status", "summary", "error", "report", "phase", "finished", "file", "updated"])
    if name:
        run.file.storage.delete(name)


@background(attempts=1)
def run_import(run_id):
    """Run the import ``run_id`` with its kind's importer; a finished run is left as it is."""
    claimed = ImportRun.objects.filter(
        pk=run_id, status__in=[ImportRun.Status.QUEUED, ImportRun.Status.RUNNING]
    ).update(status=ImportRun.Status.RUNNING, attempts=F("attempts") + 1, started=timezone.now())
    if not claimed:
        return
    run = ImportRun.objects.get(pk=run_id)
    try:
        if not run.file:
            raise kinds.Refused("The uploaded file is gone; upload it again.")
        outcome = kinds.get(run.kind).run(run, Progress(run))
    except kinds.Refused as refusal:
        _finish(run, ImportRun.Status.FAILED, error=str(refusal), lines=refusal.lines)
    except Exception as error:
        logger.exception("Import %s (%s) failed", run.pk, run.filename)
        _finish(
            run,
            ImportRun.Status.FAILED,
            error=f"The import stopped on an unexpected error ({type(error).__name__}: {error}). "
            "What it had saved is kept; uploading the file again finishes it without duplicates.",
        )
        raise
    else:
        _finish(run, ImportRun.Status.DONE, summary=outcome.summary, lines=outcome.lines)
