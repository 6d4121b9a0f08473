"""Workers that say they are alive, and the recovery of jobs whose worker died mid-run.

The task framework's database worker claims a job by marking it running; if
its process is killed the mark stays. Each worker here records a heartbeat,
and any worker about to look for work first queues again the jobs held by
workers that have gone quiet, so a restart of every process loses nothing.
"""

import os
import socket
import threading
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs import conf, periodic
from jobs.models import Worker


def beat(worker_id, *, started=None):
    """Record that ``worker_id`` (this process) is alive now."""
    now = timezone.now()
    Worker.objects.update_or_create(
        worker_id=worker_id,
        defaults={"host": socket.gethostname()[:255], "pid": os.getpid(), "seen": now},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "seen": now,
            "started": started or now,
        },
    )


def retire(worker_id):
    """Forget a worker that stops cleanly."""
    Worker.objects.filter(worker_id=worker_id).delete()


def requeue_abandoned(now=None):
    """Queue again every running job whose worker has gone quiet; return how many.

    A job's last worker id names who runs it. A worker with no heartbeat at all
    (one started by another command) counts as quiet once the job has run for
    longer than the timeout.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=conf.get("WORKER_TIMEOUT_SECONDS"))
    beats = dict(Worker.objects.values_list("worker_id", "seen"))
    abandoned = []
    for result in DBTaskResult.objects.running().only("pk", "worker_ids", "started_at"):
        runner = result.worker_ids[-1] if result.worker_ids else None
        if runner in beats:
            quiet = beats[runner] < cutoff
        else:
            quiet = result.started_at is None or result.started_at < cutoff
        if quiet:
            abandoned.append(result.pk)
    Worker.objects.filter(seen__lt=cutoff).delete()
    if not abandoned:
        return 0
    return DBTaskResult.objects.running().filter(pk__in=abandoned).update(status=TaskResultStatus.READY)


class Heartbeat(threading.Thread):
    """Beat for ``worker_id`` every ``JOBS_HEARTBEAT_SECONDS`` on its own connection until stopped.

    With ``schedule``, each beat also queues the periodic tasks that are due (``jobs.periodic``).
    """

    def __init__(self, worker_id, *, schedule=False):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.schedule = schedule
        self.stopped = threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(conf.get("HEARTBEAT_SECONDS")):
                beat(self.worker_id)
                requeue_abandoned()
                if self.schedule:
                    periodic.enqueue_due()
        finally:
            connection.close()

    def stop(self):
        self.stopped.set()
        self.join()
