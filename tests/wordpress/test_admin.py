"""The admin's WordPress import page: who may use it, the size limit, and the report it shows."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from blog.models import Post
from tests.factories import make_staff

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


def test_upload_imports_and_shows_the_report(editor_client, export_path):
    """An editor uploads an export; the posts are imported and the report shown."""
    response = upload(editor_client, export_path, "outgunned")
    assert response.status_code == 200
    assert "posts: 1 created, 0 updated, 0 unchanged, 0 skipped" in response.content.decode()
    assert Post.objects.filter(slug="gaddafis-arsenal-malis-war").exists()


def test_dry_run_upload_saves_nothing(editor_client, export_path):
    """The dry-run box shows the report and saves nothing."""
    response = upload(editor_client, export_path, "outgunned", dry_run="on")
    assert "Dry run: nothing was saved." in response.content.decode()
    assert not Post.objects.exists()


def test_unreadable_file_is_shown_next_to_the_field(editor_client, export_path):
    """A file that is not an export re-shows the form with the reason; no 500."""
    response = upload(editor_client, export_path, "plain-rss")
    assert response.status_code == 200
    assert "This is not a WordPress export" in response.context["form"].errors["export"][0]


@override_settings(WORDPRESS_IMPORT_MAX_UPLOAD_SIZE=1000)
def test_file_over_the_size_limit_is_refused(editor_client, export_path):
    """An upload over the limit is refused with the limit and the command to use instead."""
    response = upload(editor_client, export_path, "outgunned")
    assert "import_wxr" in response.context["form"].errors["export"][0]
    assert not Post.objects.exists()


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
