"""Periodic jobs: running workers queue each registered task when due, once however many of them run."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs import periodic
from jobs.models import PeriodicJob

pytestmark = pytest.mark.django_db

HOURLY = {"comments.tasks.purge_spam", "comments.tasks.purge_ips"}


def queued():
    return sorted(DBTaskResult.objects.values_list("task_path", flat=True))


def test_a_task_is_queued_when_first_seen_then_once_per_interval():
    now = timezone.now()
    assert set(periodic.REGISTRY) >= HOURLY
    assert set(periodic.enqueue_due(now)) >= HOURLY
    assert set(queued()) >= HOURLY
    count = len(queued())
    assert periodic.enqueue_due(now + timedelta(minutes=59)) == []
    assert len(queued()) == count
    assert set(periodic.enqueue_due(now + timedelta(minutes=61))) >= HOURLY
    assert PeriodicJob.objects.get(name="comments.tasks.purge_ips").last_queued == now + timedelta(minutes=61)


@pytest.mark.django_db(transaction=True)
def test_workers_checking_at_the_same_moment_queue_a_run_once():
    """Each worker locks the due rows, skipping those another holds: eight at once queue each task once."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is PostgreSQL's")
    now = timezone.now()
    start = threading.Barrier(8)

    def worker():
        start.wait()
        try:
            periodic.enqueue_due(now)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    paths = queued()
    assert all(paths.count(path) == 1 for path in periodic.REGISTRY)
