"""``manage.py run_tasks``: the worker that runs background jobs, or ``--until-empty`` to drain the queue."""

import logging
import os
import time

from django.core.management.base import BaseCommand
from django.db import OperationalError, close_old_connections, connection
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django.utils.crypto import get_random_string
from django_tasks.base import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from jobs import periodic, signals, workers


class BeatingWorker(Worker):
    """The task framework's database worker, which records a heartbeat after each job.

    Its loop is its own so that, inside a test's transaction, it leaves the
    connection open (the library's loop closes connections it finds in a
    transaction, as a web request would).
    """

    def __init__(self, **options):
        super().__init__(**options)
        self.ran = 0
        self.failed = 0

    def run(self):
        """Run ready jobs until stopped or, in batch mode, until none is ready."""
        while self.running:
            if not connection.in_atomic_block:
                close_old_connections()
            claimed, job = self.claim_next()
            if job is not None:
                self.run_task(job)
            elif claimed and self.batch:
                return
            elif self.running:
                time.sleep(self.interval)

    def claim_next(self):
        """(whether the queue could be read, the job this worker claimed or None)."""
        ready = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            ready = ready.filter(queue_name__in=self.queue_names)
        try:
            with exclusive_transaction(ready.db):
                job = ready.get_locked()
                if job is not None:
                    job.claim(self.worker_id)
                return True, job
        except OperationalError as error:
            # SQLite answers "database is locked" while another process writes: look again shortly.
            if is_locked_database_exception(error):
                return False, None
            raise

    def run_task(self, db_task_result):
        try:
            super().run_task(db_task_result)
        finally:
            self.ran += 1
            self.failed += db_task_result.status == TaskResultStatus.FAILED
            workers.beat(self.worker_id)


class Command(BaseCommand):
    help = (
        "Run background jobs. Without options, work until stopped (run one or more beside the web "
        "server); with --until-empty, run what is queued, wait for jobs other workers are running, and exit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--until-empty",
            action="store_true",
            help="Exit once no job is queued or running (jobs waiting to retry later are left for later).",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at an empty queue (default 1)."
        )
        parser.add_argument(
            "--queue", default="*", help="Comma-separated queues to work on (default: all of them)."
        )
        parser.add_argument(
            "--reload",
            action="store_true",
            default=False,
            help="Restart when the code changes (for development; `make run` uses it).",
        )

    def handle(self, *, until_empty, interval, queue, reload, verbosity, **options):
        self.verbosity = verbosity
        logging.getLogger("django_tasks").setLevel(logging.WARNING if verbosity < 2 else logging.DEBUG)
        logging.getLogger("django_tasks_db").setLevel(logging.WARNING if verbosity < 2 else logging.DEBUG)
        worker_id = get_random_string(32)
        worker = BeatingWorker(
            queue_names=queue.split(","),
            interval=interval,
            batch=until_empty,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        if until_empty:
            self.drain(worker)
        elif reload:
            # The reloader runs the worker in a thread of its child process; signals go to the main thread.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(self.work, worker)
        else:
            worker.configure_signals()
            self.work(worker)

    def work(self, worker):
        """Run jobs, queueing periodic ones when due, until SIGINT or SIGTERM (which end the job in hand)."""
        workers.beat(worker.worker_id)
        workers.requeue_abandoned()
        periodic.enqueue_due()
        signals.worker_started.send(sender=self.__class__, worker_id=worker.worker_id)
        heartbeat = workers.Heartbeat(worker.worker_id, schedule=True)
        heartbeat.start()
        if self.verbosity:
            self.stdout.write(f"Worker {worker.worker_id[:8]} runs background jobs. Stop it with CONTROL-C.")
        try:
            worker.run()
        finally:
            heartbeat.stop()
            workers.retire(worker.worker_id)

    def drain(self, worker):
        """Run queued jobs, including those they queue, until none is ready or running; then report."""
        # Inside a test's transaction another connection could not see the queued jobs: no heartbeat thread.
        heartbeat = None if connection.in_atomic_block else workers.Heartbeat(worker.worker_id)
        workers.beat(worker.worker_id)
        if heartbeat:
            heartbeat.start()
        try:
            while True:
                workers.requeue_abandoned()
                worker.run()
                if not DBTaskResult.objects.running().exists() and not DBTaskResult.objects.ready().exists():
                    break
                time.sleep(worker.interval)
        finally:
            if heartbeat:
                heartbeat.stop()
            workers.retire(worker.worker_id)
        if self.verbosity:
            self.report(worker)

    def report(self, worker):
        if worker.ran:
            failed = f" ({worker.failed} failed: see Background jobs in the admin)" if worker.failed else ""
            self.stdout.write(f"Ran {worker.ran} job{'s' if worker.ran != 1 else ''}{failed}.")
        later = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("run_after")
        first = later.values_list("run_after", flat=True).first()
        if first is not None:
            count = later.count()
            self.stdout.write(
                f"{count} job{'s' if count != 1 else ''} waiting to run later, the first at "
                f"{timezone.localtime(first):%Y-%m-%d %H:%M:%S}."
            )
