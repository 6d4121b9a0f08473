"""Jobs that run every so often, queued by whichever worker finds them due.

An app declares a background task that takes no arguments as periodic
(``@periodic(every=timedelta(days=1))`` above ``@background``). Each running
worker (``run_tasks``, not ``--until-empty``) calls ``enqueue_due`` when it
starts and at each heartbeat: in one transaction it locks the rows of the
due tasks, skipping rows another worker holds, queues each task and moves
its next run on, so however many workers run, a run is queued once. A task
never run before is due at once.
"""

from django.db import transaction
from django.utils import timezone

from jobs.models import PeriodicJob

# Task module path → (task, interval).
REGISTRY = {}


def periodic(*, every):
    """Register a background task (``jobs.background.background``) to be queued every ``every``."""

    def register(task):
        REGISTRY[task.module_path] = (task, every)
        return task

    return register


@transaction.atomic
def enqueue_due(now=None):
    """Queue every registered task whose time has come; return their names."""
    now = now or timezone.now()
    PeriodicJob.objects.bulk_create(
        [PeriodicJob(name=name, due=now) for name in REGISTRY], ignore_conflicts=True
    )
    queued = []
    due = PeriodicJob.objects.select_for_update(skip_locked=True).filter(name__in=REGISTRY, due__lte=now)
    for job in due:
        task, every = REGISTRY[job.name]
        task.enqueue()
        job.due, job.last_queued = now + every, now
        job.save(update_fields=["due", "last_queued"])
        queued.append(job.name)
    return queued
