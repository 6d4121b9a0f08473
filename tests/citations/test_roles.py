"""Roles on the source library: authors add and correct their own sources, editors keep all of it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from citations.models import Source
from tests.factories import make_source, make_team
from tests.imports.pages import finished_page

CHANGELIST = reverse("admin:citations_source_changelist")
IMPORT = reverse("admin:citations_source_import")
LIBRARY = b'[{"id": "imported", "type": "book", "title": "Imported title"}]'


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def source_form(source=None, **fields):
    data = {"key": source.key if source else "newkey", "type": "book", "title": "A title"}
    data.update(fields)
    return data


@pytest.fixture
def team(db):
    team = make_team()
    team.theirs = make_source(key="theirs", title="The editor's source", added_by=team.editor)
    return team


def change_url(source):
    return reverse("admin:citations_source_change", args=[source.pk])


@pytest.mark.django_db
class TestAuthors:
    def test_a_source_an_author_adds_is_theirs_to_correct(self, team):
        """An author adds a source, recorded as theirs, and may change its title afterwards."""
        client = client_for(team.author)
        assert client.post(reverse("admin:citations_source_add"), source_form()).status_code == 302
        source = Source.objects.get(key="newkey")
        assert source.added_by == team.author
        assert client.post(change_url(source), source_form(source, title="Corrected")).status_code == 302
        source.refresh_from_db()
        assert source.title == "Corrected"

    def test_an_author_reads_but_cannot_change_anothers_source(self, team):
        """Another's source opens read-only, and a forged POST to its change form is refused."""
        client = client_for(team.author)
        page = client.get(change_url(team.theirs))
        assert page.status_code == 200 and "title" not in page.context["adminform"].form.fields
        response = client.post(change_url(team.theirs), source_form(team.theirs, title="Vandalised"))
        assert response.status_code == 403
        team.theirs.refresh_from_db()
        assert team.theirs.title == "The editor's source"

    def test_an_author_cannot_change_the_key_others_cite_by(self, team):
        """Even on their own source the key is read-only for an author: others' posts cite by it."""
        own = make_source(key="ownkey", added_by=team.author)
        client_for(team.author).post(change_url(own), source_form(own, key="stolen", title="T"))
        own.refresh_from_db()
        assert own.key == "ownkey"

    def test_sources_from_imports_or_the_shell_belong_to_nobody(self, team):
        """A source without an adder (imported, demo, shell) is the editors' to change."""
        orphan = make_source(key="orphan")
        response = client_for(team.author).post(change_url(orphan), source_form(orphan, title="Mine"))
        assert response.status_code == 403

    def test_an_author_deletes_no_source_even_in_bulk(self, team):
        """Deleting a source, their own or another's, one at a time or by a forged bulk action, fails."""
        own = make_source(key="ownkey", added_by=team.author)
        client = client_for(team.author)
        for source in (own, team.theirs):
            url = reverse("admin:citations_source_delete", args=[source.pk])
            assert client.post(url, {"post": "yes"}).status_code == 403
        bulk = {"action": "delete_selected", "_selected_action": [own.pk, team.theirs.pk], "post": "yes"}
        client.post(CHANGELIST, bulk)
        assert Source.objects.filter(pk__in=[own.pk, team.theirs.pk]).count() == 2

    def test_an_author_cannot_import_over_the_library(self, team):
        """An import rewrites any key it names: the page and the upload are refused to authors."""
        client = client_for(team.author)
        assert client.get(IMPORT).status_code == 403
        upload = SimpleUploadedFile("library.json", LIBRARY)
        assert client.post(IMPORT, {"file": upload, "format": "csl-json"}).status_code == 403
        assert not Source.objects.filter(key="imported").exists()
        assert IMPORT not in client.get(CHANGELIST).content.decode()


@pytest.mark.django_db
class TestEditors:
    def test_editors_change_delete_and_import_anyones_sources(self, team):
        """An editor changes the author's source, deletes another, and imports a file."""
        own = make_source(key="ownkey", added_by=team.author)
        client = client_for(team.editor)
        assert client.post(change_url(own), source_form(own, title="Edited")).status_code == 302
        url = reverse("admin:citations_source_delete", args=[team.theirs.pk])
        assert client.post(url, {"post": "yes"}).status_code == 302
        upload = SimpleUploadedFile("library.json", LIBRARY)
        finished_page(client, client.post(IMPORT, {"file": upload, "format": "csl-json"}))
        own.refresh_from_db()
        assert own.title == "Edited"
        assert not Source.objects.filter(pk=team.theirs.pk).exists()
        assert Source.objects.filter(key="imported").exists()


@pytest.mark.django_db
def test_moderators_reach_no_source_page(team):
    """A moderator gets 403 on the library's list, forms, import and export."""
    client = client_for(team.moderator)
    for url in [CHANGELIST, change_url(team.theirs), IMPORT, reverse("admin:citations_source_export")]:
        assert client.get(url).status_code == 403, url
