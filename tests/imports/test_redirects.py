"""The importers' redirect table: an old address answers 301 to its new one, only where the site has none."""

import pytest

from imports import redirects
from imports.models import Redirect


@pytest.mark.django_db
def test_an_old_path_and_its_query_form_redirect_permanently(client):
    redirects.remember("/old/page/", "/new/", origin="test")
    redirects.remember("/old-archive/?id=5", "https://files.example/5.pdf")
    assert client.get("/old/page/")["Location"] == "/new/"
    assert client.get("/old/page")["Location"] == "/new/"
    response = client.get("/old-archive/?id=5")
    assert (response.status_code, response["Location"]) == (301, "https://files.example/5.pdf")
    assert client.get("/old-archive/?id=6").status_code == 404


@pytest.mark.django_db
def test_an_existing_page_is_never_redirected(client):
    redirects.remember("/", "/elsewhere/")
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_remembering_again_changes_only_a_changed_target():
    redirects.remember("/a/", "/b/")
    first = Redirect.objects.get()
    redirects.remember("/a/", "/b/")
    assert Redirect.objects.get().updated == first.updated
    redirects.remember("/a/", "/c/")
    assert Redirect.objects.get().new_path == "/c/"
    redirects.remember("/d/", "/d/")
    redirects.remember("/e/" * 300, "/f/")
    assert Redirect.objects.count() == 1
