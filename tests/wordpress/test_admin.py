"""The admin's WordPress import page: who may use it, the size limit, and the import it starts."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from blog.models import Post
from tests.factories import make_staff
from tests.imports.pages import finished_page, run_page

URL = reverse("admin:wordpress_import")


@pytest.fixture
def editor_client(client, db):
    client.force_login(make_staff(groups=["Editors"]))
    return client


def upload(client, export_path, name, **data):
    with open(export_path(name), "rb") as export:
        return client.post(URL, {"export": export, **data})


@pytest.mark.django_db
def test_staff_without_import_permission_is_refused(client, export_path):
    """Staff who may not import get 403, on the page and on upload."""
    client.force_login(make_staff(permissions=["blog.add_post"]))
    assert client.get(URL).status_code == 403
    assert upload(client, export_path, "outgunned").status_code == 403
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_anonymous_is_sent_to_the_login_page(client):
    """The page is behind the admin login."""
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_upload_answers_at_once_and_the_worker_imports(editor_client, export_path):
    """An upload is answered with the import's page before anything is imported; the worker imports it,
    and the page then shows the report and the post is on the public site."""
    response = upload(editor_client, export_path, "outgunned")
    page = editor_client.get(run_page(response)).content.decode()
    assert "queued" in page and '<meta http-equiv="refresh"' in page
    assert not Post.objects.exists()
    page = finished_page(editor_client, response)
    assert "posts: 1 created, 0 updated, 0 unchanged, 0 skipped" in page
    assert '<meta http-equiv="refresh"' not in page
    post = Post.objects.get(slug="gaddafis-arsenal-malis-war")
    assert Client().get(post.get_absolute_url()).status_code == 200


def test_dry_run_upload_saves_nothing(editor_client, export_path):
    """The dry-run box gives the report and saves nothing."""
    page = finished_page(editor_client, upload(editor_client, export_path, "outgunned", dry_run="on"))
    assert "Dry run: nothing was saved." in page
    assert not Post.objects.exists()


def test_unreadable_file_is_a_readable_error_on_the_import_page(editor_client, export_path):
    """A file that is not an export fails its import with the reason on its page; no 500."""
    page = finished_page(editor_client, upload(editor_client, export_path, "plain-rss"))
    assert "failed" in page and "This is not a WordPress export" in page
    assert "Nothing was imported." in page
    assert not Post.objects.exists()


@override_settings(WORDPRESS_IMPORT_MAX_UPLOAD_SIZE=1000)
def test_file_over_the_size_limit_is_refused(editor_client, export_path):
    """An upload over the limit is refused with the limit and the command to use instead."""
    response = upload(editor_client, export_path, "outgunned")
    assert "import_wxr" in response.context["form"].errors["export"][0]
    assert not Post.objects.exists()


@override_settings(REQUEST_MAX_BYTES=1000)
def test_staff_may_upload_exports_larger_than_other_requests(editor_client, export_path):
    """The import page takes an export over REQUEST_MAX_BYTES from an editor (up to its own limit);
    other pages, and anonymous senders, still get 413."""
    assert upload(editor_client, export_path, "outgunned").status_code == 302
    assert upload(Client(), export_path, "outgunned").status_code == 413
    with open(export_path("outgunned"), "rb") as export:
        other = editor_client.post(reverse("admin:blog_post_add"), {"body": export})
    assert other.status_code == 413


def test_upload_needs_the_csrf_token(export_path, db):
    """A POST without the CSRF token is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_staff(groups=["Editors"]))
    assert upload(client, export_path, "outgunned").status_code == 403
    assert not Post.objects.exists()


def test_imported_items_list_links_to_the_import_page(editor_client):
    """Editors see the imported items list, with the way to the import page."""
    response = editor_client.get(reverse("admin:wordpress_importeditem_changelist"))
    assert response.status_code == 200 and URL in response.content.decode()
