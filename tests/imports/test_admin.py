"""The list of imports and each import's page: who sees which, and what the pages cost."""

import pytest
from django.core.checks import run_checks
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from imports.models import ImportRun
from tests.factories import make_staff, make_team

LIST = reverse("admin:imports_importrun_changelist")


def page(run):
    return reverse("admin:imports_importrun_change", args=[run.pk])


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def runs(db):
    team = make_team()
    wordpress = ImportRun.objects.create(kind="wordpress", filename="blog.xml", started_by=team.editor)
    sources = ImportRun.objects.create(kind="sources", filename="library.bib", started_by=team.editor)
    return team, wordpress, sources


def test_editors_list_past_imports_of_both_kinds_with_the_way_to_start_one(runs):
    """An editor's list shows every import, and links to both upload pages."""
    team, wordpress, sources = runs
    content = client_for(team.editor).get(LIST).content.decode()
    assert "blog.xml" in content and "library.bib" in content
    assert (
        reverse("admin:wordpress_import") in content and reverse("admin:citations_source_import") in content
    )


def test_those_who_import_only_sources_see_only_source_imports(runs):
    """Staff who keep the source library but may not import from WordPress see only the source imports;
    a WordPress import's page is not found for them."""
    _, wordpress, sources = runs
    librarian = client_for(
        make_staff(
            permissions=["citations.add_source", "citations.edit_others_sources", "citations.view_source"]
        )
    )
    content = librarian.get(LIST).content.decode()
    assert "library.bib" in content and "blog.xml" not in content
    assert reverse("admin:wordpress_import") not in content
    assert librarian.get(page(sources)).status_code == 200
    assert librarian.get(page(wordpress)).status_code == 404


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_authors_and_moderators_reach_no_import(runs, role):
    """Who may import nothing gets 403 from the list and from every import's page, and no menu entry."""
    team, wordpress, sources = runs
    client = client_for(getattr(team, role))
    assert client.get(LIST).status_code == 403
    assert client.get(page(wordpress)).status_code == 403
    assert client.get(page(sources)).status_code == 403
    assert LIST not in client.get(reverse("admin:index")).content.decode()


def test_imports_cannot_be_added_or_edited_in_the_admin(runs):
    """An import is started only by uploading a file; its record is read-only, even for a superuser."""
    team, wordpress, _ = runs
    client = client_for(team.admin)
    assert client.get(reverse("admin:imports_importrun_add")).status_code == 403
    assert client.post(page(wordpress), {"status": "done"}).status_code == 405
    wordpress.refresh_from_db()
    assert wordpress.status == "queued"


def test_a_failed_import_shows_its_error_and_partial_report(runs):
    """A failed import's page shows the error in an alert and what was saved before."""
    team, wordpress, _ = runs
    ImportRun.objects.filter(pk=wordpress.pk).update(
        status="failed", error="The file breaks off.", report=["posts: 100 created"]
    )
    content = client_for(team.editor).get(page(wordpress)).content.decode()
    assert 'role="alert"><p>The file breaks off.</p>' in content and "posts: 100 created" in content


def test_the_pages_cost_a_fixed_number_of_queries(runs, django_assert_num_queries):
    """The import page and the list cost the same however many imports there are."""
    team, wordpress, _ = runs
    client = client_for(team.editor)
    client.get(page(wordpress))
    with django_assert_num_queries(5):
        assert client.get(page(wordpress)).status_code == 200
    for number in range(20):
        ImportRun.objects.create(kind="wordpress", filename=f"{number}.xml", started_by=team.editor)
    client.get(LIST)
    with django_assert_num_queries(8):
        assert client.get(LIST).status_code == 200


def test_an_upload_directory_inside_the_media_root_fails_the_system_check(settings, tmp_path):
    """IMPORTS_UPLOAD_DIR under MEDIA_ROOT, where files are served, is an error of `manage.py check`."""
    settings.MEDIA_ROOT = tmp_path
    settings.IMPORTS_UPLOAD_DIR = tmp_path / "imports"
    assert [error.id for error in run_checks()] == ["imports.E001"]
    settings.IMPORTS_UPLOAD_DIR = tmp_path.parent / "elsewhere"
    assert run_checks() == []


def test_a_file_name_with_a_path_is_stored_by_its_name_alone(runs, client):
    """An upload named with directories is stored under its base name in the upload directory."""
    team, _, _ = runs
    client.force_login(team.editor)
    upload = SimpleUploadedFile("../../etc/library.json", b"[]")
    client.post(reverse("admin:citations_source_import"), {"file": upload, "format": "csl-json"})
    run = ImportRun.objects.get(filename__endswith="library.json")
    assert run.filename == "library.json" and ".." not in run.file.name
