"""Workers: a job whose worker died mid-run is run again, so a restart of every process loses nothing."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from blog.models import Tag
from jobs import workers
from jobs.models import Worker
from tests.jobs import sample
from tests.queue import run_jobs


def claim(result_id, worker_id, started):
    DBTaskResult.objects.filter(pk=result_id).update(
        status=TaskResultStatus.RUNNING, worker_ids=[worker_id], started_at=started
    )


@pytest.mark.django_db
def test_the_job_of_a_worker_gone_quiet_is_run_again():
    """A job marked running by a worker not heard from for the timeout goes back in the queue and runs."""
    now = timezone.now()
    Worker.objects.create(worker_id="dead", host="web1", pid=1, started=now, seen=now - timedelta(minutes=5))
    result = sample.leave_tag.enqueue("recovered")
    claim(result.id, "dead", now - timedelta(minutes=5))
    run_jobs()
    assert Tag.objects.filter(name="recovered").exists()
    assert not Worker.objects.filter(worker_id="dead").exists()


@pytest.mark.django_db
def test_a_live_workers_job_is_left_alone():
    """Jobs of a worker that beat recently, and young jobs of workers that never beat, are not taken."""
    now = timezone.now()
    Worker.objects.create(worker_id="alive", host="web1", pid=1, started=now, seen=now)
    busy = sample.leave_tag.enqueue("busy")
    claim(busy.id, "alive", now - timedelta(hours=2))
    young = sample.leave_tag.enqueue("young")
    claim(young.id, "db_worker-without-heartbeat", now)
    old = sample.leave_tag.enqueue("old")
    claim(old.id, "db_worker-without-heartbeat", now - timedelta(hours=1))
    assert workers.requeue_abandoned() == 1
    statuses = {str(pk): status for pk, status in DBTaskResult.objects.values_list("id", "status")}
    assert statuses[busy.id] == statuses[young.id] == TaskResultStatus.RUNNING
    assert statuses[old.id] == TaskResultStatus.READY


def manage(*args, env, **options):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=120,
        **options,
    )


def job_status(database):
    """The status of the test's job (the worker also queues the periodic jobs when it starts)."""
    with sqlite3.connect(database) as db:
        row = db.execute(
            "select status from django_tasks_database_dbtaskresult"
            " where task_path like '%sleep_then_leave_tag'"
        ).fetchone()
    return row and row[0]


def test_killing_every_process_mid_job_loses_nothing(tmp_path):
    """A worker killed with SIGKILL in the middle of a job: the next worker runs the job to the end."""
    database = tmp_path / "site.sqlite3"
    marker = tmp_path / "first-run"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "JOBS_HEARTBEAT_SECONDS": "1",
        "JOBS_WORKER_TIMEOUT_SECONDS": "2",
    }
    manage("migrate", "-v0", env=env)
    enqueue = (
        f"from tests.jobs.sample import sleep_then_leave_tag as t; t.enqueue('survivor', 60, {str(marker)!r})"
    )
    manage("shell", "-c", enqueue, env=env)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_tasks", "--interval", "0.1"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (marker.exists() and job_status(database) == "RUNNING"):
            assert time.monotonic() < deadline, "the worker never started the job"
            time.sleep(0.1)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait()
    assert job_status(database) == "RUNNING"
    with sqlite3.connect(database) as db:
        (unfinished,) = db.execute(
            "select count(*) from django_tasks_database_dbtaskresult where status != 'SUCCESSFUL'"
        ).fetchone()
    output = manage(
        "run_tasks", "--until-empty", "--interval", "0.2", env=env, capture_output=True, text=True
    )
    assert f"Ran {unfinished} jobs." in output.stdout
    assert job_status(database) == "SUCCESSFUL"
    with sqlite3.connect(database) as db:
        assert db.execute("select name from blog_tag").fetchall() == [("survivor",)]
    assert Path(marker).exists()
