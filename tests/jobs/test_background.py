"""Background jobs: queued with the write that asks for them, retried with backoff, shown with errors."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from blog.models import Tag
from jobs.background import ATTEMPT, backoff
from tests.jobs import sample
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def test_a_job_runs_only_in_the_worker_and_only_if_its_transaction_commits():
    """Queueing writes a row in the caller's transaction: a rolled-back write leaves no job behind."""
    sample.leave_tag.enqueue("kept")
    with pytest.raises(RuntimeError), transaction.atomic():
        sample.leave_tag.enqueue("rolled-back")
        raise RuntimeError("the write failed")
    assert not Tag.objects.exists()
    run_jobs()
    assert list(Tag.objects.values_list("name", flat=True)) == ["kept"]


def test_until_empty_also_runs_the_jobs_that_jobs_queue():
    """``run_tasks --until-empty`` returns only when the jobs queued along the way have run too."""
    sample.queue_another.enqueue("second-generation")
    run_jobs()
    assert Tag.objects.filter(name="second-generation").exists()
    assert not DBTaskResult.objects.ready().exists()


@override_settings(JOBS_BACKOFF_SECONDS=10, JOBS_BACKOFF_MAX_SECONDS=3600)
def test_backoff_grows_fourfold_up_to_its_cap():
    """Waits between attempts are 10 s, 40 s, 160 s, ... and never more than the cap."""
    assert [backoff(n).total_seconds() for n in range(1, 7)] == [10, 40, 160, 640, 2560, 3600]


def test_a_failing_job_is_retried_later_and_its_error_is_kept():
    """A job that raises stays failed with its error, and a new attempt waits for the backoff."""
    sample.calls.clear()
    sample.fail_then_leave_tag.enqueue("flaky", failures=1)
    before = timezone.now()
    run_jobs()
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    assert "attempt 1 of flaky failed" in failed.traceback
    assert failed.exception_class_path == "builtins.ConnectionError"
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"] == {"failures": 1, ATTEMPT: 2}
    assert retry.run_after >= before + timedelta(seconds=9)
    assert not Tag.objects.exists()
    # The worker leaves it for later: nothing runs before its time.
    run_jobs()
    assert not Tag.objects.exists()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_jobs()
    assert Tag.objects.filter(name="flaky").exists()


def test_a_job_that_always_fails_gives_up_after_its_attempts():
    """After the last attempt nothing more is queued; every attempt is in the admin's failed list."""
    sample.calls.clear()
    sample.fail_then_leave_tag.enqueue("hopeless", failures=99)
    for _ in range(5):
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
        run_jobs()
    assert sample.calls["hopeless"] == 3
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_failed_and_pending_jobs_show_in_the_admin_with_their_error(admin_client):
    """The admin lists jobs by status; a failed one shows its traceback."""
    sample.calls.clear()
    sample.fail_then_leave_tag.enqueue("shown", failures=1)
    run_jobs()
    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    listing = admin_client.get(
        "/admin/django_tasks_database/dbtaskresult/?status__exact=READY"
    ).content.decode()
    assert "fail_then_leave_tag" in listing
    detail = admin_client.get(
        f"/admin/django_tasks_database/dbtaskresult/{failed.pk}/change/"
    ).content.decode()
    assert "attempt 1 of shown failed" in detail


def test_the_admin_index_names_the_queue_and_its_workers(admin_client):
    """Jobs and workers appear under plain names, not the library's."""
    page = admin_client.get("/admin/").content.decode()
    assert "Background jobs" in page and "Task Results" in page
    assert "Background workers" in page and "Workers" in page
    assert "Tasks Database Backend" not in page
