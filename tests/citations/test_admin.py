"""The source admin: names as text, search and filters, CSRF-protected import, export downloads."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from citations.admin import SourceAdmin
from citations.models import Source
from tests.factories import make_source, make_user
from tests.imports.pages import finished_page, run_page

CHANGELIST = reverse("admin:citations_source_changelist")
IMPORT = reverse("admin:citations_source_import")
EXPORT = reverse("admin:citations_source_export")
SEED = b"""[{"id": "hinshaw2013", "type": "article-newspaper", "title": "Defenders Outgunned",
 "author": [{"given": "Drew", "family": "Hinshaw"}], "issued": {"date-parts": [[2013, 2, 22]]}}]"""


def staff_client(*codenames):
    user = make_user(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="citations", codename__in=codenames)
    )
    client = Client()
    client.force_login(user)
    return client


def upload(name, content, **fields):
    return {"file": SimpleUploadedFile(name, content), "format": "", **fields}


def form_data(**overrides):
    data = {
        "key": "coker2013",
        "type": "article-newspaper",
        "title": "A title",
        "authors": "Coker, Margaret\nvan Gogh, Vincent\nKing, Martin Luther, Jr.\nWorld Health Organization",
        "editors": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_authors_are_edited_one_a_line_and_stored_as_csl_names(admin_client):
    """Typing "Family, Given" lines stores CSL names, particles, suffixes and organisations included."""
    response = admin_client.post(reverse("admin:citations_source_add"), form_data())
    assert response.status_code == 302
    assert Source.objects.get(key="coker2013").authors == [
        {"family": "Coker", "given": "Margaret"},
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "World Health Organization"},
    ]


@pytest.mark.django_db
def test_the_change_form_shows_names_as_text(admin_client):
    """An existing source's names appear as the same one-a-line text."""
    source = make_source(authors=[{"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"}])
    response = admin_client.get(reverse("admin:citations_source_change", args=[source.pk]))
    assert "Tocqueville, Alexis de</textarea>" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"issued_year": "2013", "issued_month": "13"}, "issued_month", "Month 13 is not between 1 and 12."),
        (
            {"issued_year": "2013", "issued_month": "2", "issued_day": "29"},
            "issued_day",
            "February 2013 has no",
        ),
        ({"issued_day": "3"}, "issued_month", "A day needs a month."),
        ({"authors": ", Margaret"}, "authors", "Name 1 needs a family name or a literal name."),
        ({"key": "bad key"}, "key", "A key has no spaces, braces, commas or control characters."),
        ({"key": "{bad}"}, "key", "any other is cited in braces, as in [@{O'Hara_1999}]."),
    ],
)
def test_bad_dates_names_and_keys_are_shown_beside_the_field(admin_client, overrides, field, message):
    """Impossible dates, nameless names and bad keys re-show the form with the error, not a 500."""
    response = admin_client.post(reverse("admin:citations_source_add"), form_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_a_key_pandoc_reads_only_in_braces_is_saved_and_the_admin_says_how_to_cite_it(admin_client):
    """JabRef's ``O'Hara_1999`` is a key: Pandoc's manual, "Unless a citation key starts with a letter,
    digit, or _, and contains only alphanumerics and single internal punctuation characters […], it must
    be surrounded by curly braces"; the admin says to cite it so."""
    response = admin_client.post(
        reverse("admin:citations_source_add"), form_data(key="O'Hara_1999"), follow=True
    )
    assert Source.objects.get().key == "O'Hara_1999"
    messages = [str(message) for message in response.context["messages"]]
    assert "Posts cite this source with its key in braces: [@{O'Hara_1999}]." in messages


@pytest.mark.django_db
def test_changelist_searches_by_key_title_author_and_container(admin_client):
    """Search finds a source by its key, title, an author's name or its publication."""
    make_source(
        key="hinshaw2013",
        title="Defenders",
        container_title="The Wall Street Journal",
        authors=[{"given": "Drew", "family": "Hinshaw"}],
    )
    make_source(key="other", title="Other", authors=[{"given": "Ann", "family": "Müller"}])
    for query, expected in [("hinshaw2013", 1), ("defenders", 1), ("Drew", 1), ("street", 1), ("Müller", 1)]:
        response = admin_client.get(CHANGELIST, {"q": query})
        assert response.context["cl"].result_count == expected, query


@pytest.mark.django_db
def test_changelist_filters_by_type_and_year(admin_client):
    """The changelist filters by type and by year issued."""
    make_source(type="book", issued_year=1859)
    make_source(type="article-newspaper", issued_year=2013)
    assert admin_client.get(CHANGELIST, {"type__exact": "book"}).context["cl"].result_count == 1
    assert admin_client.get(CHANGELIST, {"issued_year": "2013"}).context["cl"].result_count == 1


def test_source_admin_offers_search_fields_for_other_admins_autocomplete():
    """Other admins can use ``autocomplete_fields`` for a foreign key to Source."""
    assert "names_text" in SourceAdmin.search_fields


@pytest.mark.django_db
def test_upload_imports_a_file_and_reports_counts(admin_client):
    """An upload answers at once with the import's page, nothing imported yet; once the worker has run,
    the page reports created, updated and skipped counts and the source has its public page."""
    response = admin_client.post(IMPORT, upload("library.json", SEED))
    assert "queued" in admin_client.get(run_page(response)).content.decode()
    assert not Source.objects.exists()
    page = finished_page(admin_client, response)
    assert "library.json: 1 created, 0 updated, 0 skipped (unchanged)." in page
    source = Source.objects.get(key="hinshaw2013")
    assert "Defenders Outgunned" in Client().get(source.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("library.json", b'[{"id": "a", "title": "T"', "Not valid JSON"),
        ("library.json", b"[{}]\x00", "NUL byte"),
        ("library.bib", b"@book{a, title={A}}\n@book{b}", "Entry 2 (line 2) (b): the record has nothing"),
        (
            "library.json",
            b'[{"id": "a", "title": "T", "issued": {"date-parts": [[2013, 2, 31]]}}]',
            "no day 31",
        ),
    ],
)
def test_a_bad_upload_is_explained_and_nothing_is_imported(admin_client, name, content, message):
    """A malformed or binary file, or (all or nothing) one with a bad record, fails its import with the
    reason on its page, and imports nothing."""
    page = finished_page(admin_client, admin_client.post(IMPORT, upload(name, content, strict="on")))
    assert "failed" in page and "Nothing was imported:" in page
    assert escape(message) in page
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_an_upload_imports_the_good_records_and_lists_the_bad_ones(admin_client):
    """Without "all or nothing", each good record is imported and each bad one named with its line;
    a second work under a key used before is imported under a key of its own, and the page says so."""
    content = b"@book{a, title={A}}\n@book{a, title={B}}\n@book{c, title={C}, year={n.d.}}\n@misc{d}\n"
    page = finished_page(admin_client, admin_client.post(IMPORT, upload("library.bib", content)))
    assert "3 created, 0 updated, 0 skipped (unchanged); 1 not imported (bad records)" in page
    assert "Entry 3 (line 4) (d): the record has nothing to cite it by" in page
    assert "Line 2 (a): the key &#x27;a&#x27; is used twice in this file, first by entry 1 (line 1)" in page
    assert "this one is imported as &#x27;aa&#x27;" in page
    assert sorted(Source.objects.values_list("key", "title")) == [("a", "A"), ("aa", "B"), ("c", "C")]


@pytest.mark.django_db
def test_a_file_of_unknown_format_is_refused_by_the_form(admin_client):
    """A file whose name says no format, with none chosen, is a 400 naming the choice; nothing is queued."""
    response = admin_client.post(IMPORT, upload("library.pdf", b"%PDF"))
    assert response.status_code == 400
    assert "Choose a format" in response.content.decode()


@pytest.mark.django_db
def test_a_huge_upload_is_refused(admin_client, settings):
    """A file over the size limit is refused before it is read."""
    settings.CITATIONS_IMPORT_MAX_BYTES = 1000
    response = admin_client.post(IMPORT, upload("library.json", b" " * 2000))
    assert response.status_code in (400, 413)
    assert "limit" in response.content.decode()
    response = admin_client.post(IMPORT, upload("library.json", b" " * 100_000))
    assert response.status_code == 413


@pytest.mark.django_db
def test_only_staff_who_keep_the_whole_library_may_import():
    """Importing updates any key, so it needs add_source and edit_others_sources; else 403."""
    assert staff_client("view_source").get(IMPORT).status_code == 403
    assert staff_client("add_source", "view_source").get(IMPORT).status_code == 403
    assert staff_client("add_source", "view_source", "edit_others_sources").get(IMPORT).status_code == 200
    assert Client().get(IMPORT).status_code == 302


@pytest.mark.django_db
def test_import_requires_a_csrf_token(admin_user):
    """A cross-site upload without the CSRF token is rejected."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(IMPORT, upload("library.json", SEED)).status_code == 403
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_export_action_downloads_the_selected_sources(admin_client):
    """The changelist action downloads just the selected sources."""
    chosen, _other = make_source(key="chosen"), make_source(key="other")
    response = admin_client.post(CHANGELIST, {"action": "export_csl_json", "_selected_action": [chosen.pk]})
    assert response["Content-Disposition"].startswith('attachment; filename="sources-')
    assert [item["id"] for item in json.loads(response.content)] == ["chosen"]
    response = admin_client.post(CHANGELIST, {"action": "export_bibtex", "_selected_action": [chosen.pk]})
    assert b"{chosen," in response.content


@pytest.mark.django_db
def test_export_url_downloads_the_whole_library(admin_client):
    """The export link downloads every source in the chosen format; an unknown format is a 400."""
    make_source(key="a")
    make_source(key="b")
    assert len(json.loads(admin_client.get(EXPORT).content)) == 2
    assert admin_client.get(EXPORT, {"format": "bibtex"}).content.count(b"@") == 2
    assert admin_client.get(EXPORT, {"format": "pdf"}).status_code == 400
    assert staff_client().get(EXPORT).status_code == 403


@pytest.mark.django_db
def test_a_panel_another_app_adds_shows_on_a_sources_page_for_that_reader(
    admin_client, admin_user, monkeypatch
):
    """A panel added with ``add_panel`` is a read-only section of the change page, rendered per request."""
    from citations import admin as citations_admin

    monkeypatch.setattr(citations_admin, "panels", {})
    citations_admin.add_panel(
        "Elsewhere", ("seen by", lambda request, source: f"{request.user} sees {source.key}")
    )
    source = make_source(key="panelled", title="Panelled")
    page = admin_client.get(reverse("admin:citations_source_change", args=[source.pk])).content.decode()
    assert '<h2 id="panel-1-heading" class="fieldset-heading">Elsewhere</h2>' in page
    assert "<label>Seen by:</label>" in page
    assert f'<div class="readonly">{admin_user.username} sees {source.key}</div>' in page
    assert "Elsewhere" not in admin_client.get(reverse("admin:citations_source_add")).content.decode()


@pytest.mark.django_db
def test_an_untitled_source_is_saved_with_an_author_and_refused_with_nothing_to_cite_it_by(admin_client):
    """An untitled letter or interview is cited by its author (CMOS 18 14.110–14.113)."""
    response = admin_client.post(reverse("admin:citations_source_add"), form_data(title=""))
    assert response.status_code == 302
    assert Source.objects.get(key="coker2013").title == ""
    response = admin_client.post(
        reverse("admin:citations_source_add"), form_data(key="nothing", title="", authors="")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give a title, or an author, editor or container to cite this work by." in page
    assert not Source.objects.filter(key="nothing").exists()
