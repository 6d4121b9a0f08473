"""Imports run by the worker: progress while they run, a rerun that resumes, the file deleted after."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from blog.models import Post
from comments.models import Comment
from imports import kinds, services
from imports.models import ImportRun
from tests.factories import make_staff
from tests.imports.pages import finished_page, run_page
from tests.queue import run_jobs
from tests.wordpress.test_import_batches import export

UPLOAD = reverse("admin:wordpress_import")


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_staff(groups=["Editors"]))
    return client


@pytest.fixture
def batches_of_two(settings):
    settings.WORDPRESS_IMPORT_BATCH_SIZE = 2


def upload(client, content=None):
    return client.post(UPLOAD, {"export": SimpleUploadedFile("site.xml", content or export(5))})


def test_the_page_shows_progress_while_a_multi_batch_import_runs(editor_client, batches_of_two, monkeypatch):
    """After each batch, the import's page says how many items are saved and how far through the file
    it is, and reloads itself; at the end it shows the report and stops reloading."""
    url = run_page(upload(editor_client))
    pages = []
    record = services.Progress.__call__

    def and_look(self, **values):
        record(self, **values)
        if "items" in values:
            pages.append(editor_client.get(url).content.decode())

    monkeypatch.setattr(services.Progress, "__call__", and_look)
    run_jobs()
    assert ["2 items saved" in pages[0], "4 items saved" in pages[1], "5 items saved" in pages[2]] == [
        True
    ] * 3
    assert all('<meta http-equiv="refresh" content="2">' in page and "<progress" in page for page in pages)
    assert "100% of the file read" in pages[-1]
    final = editor_client.get(url).content.decode()
    assert "posts: 5 created" in final and "<meta http-equiv" not in final


def test_a_rerun_after_an_interruption_completes_the_import_without_duplicates(
    editor_client, batches_of_two, monkeypatch
):
    """A worker killed after the first batch leaves the import running with posts 1-2 saved; when its job
    runs again, the import resumes: posts 3-5 are added, none twice, and the report says it resumed."""
    response = upload(editor_client)
    run = ImportRun.objects.get()
    record = services.Progress.__call__

    def killed_after_the_first_batch(self, **values):
        record(self, **values)
        if values.get("items") == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(services.Progress, "__call__", killed_after_the_first_batch)
    with pytest.raises(KeyboardInterrupt):
        services.run_import.func(run.pk)
    monkeypatch.undo()
    run.refresh_from_db()
    assert (run.status, run.items, Post.objects.count()) == ("running", 2, 2)
    page = finished_page(editor_client, response)
    assert "Resumed after an interruption" in page
    assert "posts: 3 created, 0 updated, 2 unchanged, 0 skipped" in page
    assert sorted(Post.objects.values_list("slug", flat=True)) == [f"post-{n}" for n in range(1, 6)]
    assert Comment.objects.count() == 5


def test_a_job_delivered_again_after_the_import_finished_changes_nothing(editor_client):
    """A second run of a finished import's job leaves its report and the posts as they are."""
    finished_page(editor_client, upload(editor_client))
    run = ImportRun.objects.get()
    before = ImportRun.objects.values().get()
    services.run_import.enqueue(run.pk)
    run_jobs()
    assert ImportRun.objects.values().get() == before
    assert "posts: 5 created" in before["summary"] and Post.objects.count() == 5


def test_the_upload_waits_outside_the_media_root_and_is_deleted_when_done(editor_client, settings):
    """The uploaded file is kept under IMPORTS_UPLOAD_DIR, not MEDIA_ROOT, until the import finishes."""
    upload(editor_client)
    run = ImportRun.objects.get()
    path = Path(run.file.path)
    assert path.is_relative_to(Path(settings.IMPORTS_UPLOAD_DIR).resolve()) and path.exists()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    run_jobs()
    run.refresh_from_db()
    assert (run.status, run.file.name, path.exists()) == ("done", "", False)
    assert (run.filename, run.size) == ("site.xml", len(export(5)))


def test_a_failed_import_deletes_its_file_and_is_not_retried(editor_client):
    """A file that is not an export fails once, with the reason; nothing is queued to try it again."""
    response = upload(editor_client, b"<rss><channel></channel></rss>")
    path = Path(ImportRun.objects.get().file.path)
    page = finished_page(editor_client, response)
    assert "This is not a WordPress export" in page
    assert not path.exists()
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_an_unexpected_error_is_shown_on_the_page_and_kept_with_the_job(editor_client, monkeypatch):
    """An importer that crashes fails the import with a readable error (no 500, no retry); the job's
    traceback is kept among the failed background jobs."""
    crashing = kinds.Kind(**{**kinds.get("wordpress").__dict__, "run": lambda run, progress: 1 / 0})
    monkeypatch.setitem(kinds.KINDS, "wordpress", crashing)
    page = finished_page(editor_client, upload(editor_client))
    assert "unexpected error (ZeroDivisionError: division by zero)" in page
    assert "uploading the file again finishes it without duplicates" in page
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
