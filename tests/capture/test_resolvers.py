"""Adding a source by DOI (Crossref), ISBN (Open Library) or address (the page), through one interface."""

import json

import pytest
from django.urls import reverse

from capture import resolvers
from citations.models import Source
from tests.capture import pages
from tests.factories import make_source, make_staff

pytestmark = pytest.mark.django_db

# Crossref's answer for a DOI, cut down from https://api.crossref.org/works/10.1038/nature14539.
CROSSREF_WORK = {
    "status": "ok",
    "message-type": "work",
    "message-version": "1.0.0",
    "message": {
        "indexed": {
            "date-parts": [[2024, 3, 1]],
            "date-time": "2024-03-01T10:11:12Z",
            "timestamp": 1709287872000,
        },
        "reference-count": 103,
        "publisher": "Springer Science and Business Media LLC",
        "issue": "7553",
        "short-container-title": ["Nature"],
        "published-print": {"date-parts": [[2015, 5, 28]]},
        "DOI": "10.1038/nature14539",
        "type": "journal-article",
        "created": {
            "date-parts": [[2015, 5, 27]],
            "date-time": "2015-05-27T16:32:06Z",
            "timestamp": 1432744326000,
        },
        "page": "436-444",
        "source": "Crossref",
        "title": ["Deep learning"],
        "prefix": "10.1038",
        "volume": "521",
        "author": [
            {"given": "Yann", "family": "LeCun", "sequence": "first", "affiliation": []},
            {"given": "Yoshua", "family": "Bengio", "sequence": "additional", "affiliation": []},
            {"given": "Geoffrey", "family": "Hinton", "sequence": "additional", "affiliation": []},
        ],
        "member": "297",
        "published-online": {"date-parts": [[2015, 5, 27]]},
        "container-title": ["Nature"],
        "language": "en",
        "issued": {"date-parts": [[2015, 5, 27]]},
        "URL": "https://doi.org/10.1038/nature14539",
        "ISSN": ["0028-0836", "1476-4687"],
        "published": {"date-parts": [[2015, 5, 27]]},
    },
}
# Open Library's edition (https://openlibrary.org/isbn/9780140449136.json redirects to it) and its author.
OPENLIBRARY_EDITION = {
    "publishers": ["Penguin Books"],
    "number_of_pages": 671,
    "covers": [8231856],
    "physical_format": "Paperback",
    "key": "/books/OL7353617M",
    "authors": [{"key": "/authors/OL22242A"}],
    "publish_places": ["London"],
    "isbn_13": ["9780140449136"],
    "title": "Crime and Punishment",
    "isbn_10": ["0140449132"],
    "publish_date": "February 27, 2003",
    "works": [{"key": "/works/OL166894W"}],
    "type": {"key": "/type/edition"},
    "languages": [{"key": "/languages/eng"}],
    "latest_revision": 12,
    "revision": 12,
}
OPENLIBRARY_AUTHOR = {
    "key": "/authors/OL22242A",
    "name": "Фёдор Михайлович Достоевский",
    "personal_name": "Fyodor Dostoyevsky",
    "type": {"key": "/type/author"},
    "birth_date": "11 November 1821",
}


@pytest.fixture
def services(web):
    web.json("/crossref/works/10.1038/nature14539", json.dumps(CROSSREF_WORK))
    web.routes["/crossref/works/10.9999/missing"] = (
        404,
        {"Content-Type": "text/plain"},
        b"Resource not found.",
    )
    web.redirect("/openlibrary/isbn/9780140449136.json", "/openlibrary/books/OL7353617M.json")
    web.json("/openlibrary/books/OL7353617M.json", json.dumps(OPENLIBRARY_EDITION))
    web.json("/openlibrary/authors/OL22242A.json", json.dumps(OPENLIBRARY_AUTHOR))
    return web


def test_a_doi_is_resolved_by_crossref(services):
    """In any of its written forms, a DOI gives Crossref's record: names, journal, date, volume, pages."""
    for form in ("10.1038/nature14539", "doi:10.1038/nature14539", "https://doi.org/10.1038/nature14539"):
        found = resolvers.resolve(form)
        assert (found.type, found.title, found.container_title) == (
            "article-journal",
            "Deep learning",
            "Nature",
        )
    assert [name["family"] for name in found.authors] == ["LeCun", "Bengio", "Hinton"]
    assert (found.issued, found.volume, found.issue, found.page) == ((2015, 5, 27), "521", "7553", "436–444")
    assert (found.doi, found.publisher) == ("10.1038/nature14539", "Springer Science and Business Media LLC")


def test_an_isbn_is_resolved_by_open_library_with_its_authors(services):
    """ISBN-13 or ISBN-10 with or without hyphens; the edition's author records give the names."""
    found = resolvers.resolve("978-0-14-044913-6")
    assert (found.type, found.title, found.publisher, found.publisher_place) == (
        "book",
        "Crime and Punishment",
        "Penguin Books",
        "London",
    )
    assert (found.authors, found.issued, found.isbn) == (
        [{"family": "Dostoyevsky", "given": "Fyodor"}],
        (2003, 2, 27),
        "9780140449136",
    )


def test_an_address_is_resolved_by_the_page(services):
    """An http(s) address is fetched and its metadata read."""
    services.page("/wsj", pages.JSON_LD)
    assert resolvers.resolve(services.url("/wsj")).title == "Defenders Outgunned By Islamists In Desert"


def test_an_unknown_doi_or_nonsense_is_unresolved_with_the_reason(services):
    """Crossref's 404 is named; a string that is no identifier says what is accepted."""
    with pytest.raises(resolvers.Unresolved, match="answered 404"):
        resolvers.resolve("10.9999/missing")
    with pytest.raises(resolvers.Unresolved, match="Give a DOI"):
        resolvers.resolve("978-0-14-044913-7")  # a wrong check digit is no ISBN


def test_the_source_admin_adds_a_source_from_a_doi(client, services):
    """An editor pastes a DOI and lands on the new record, with a fresh key, to check it."""
    editor = make_staff(groups=["Editors"])
    client.force_login(editor)
    changelist = client.get(reverse("admin:citations_source_changelist"))
    assert reverse("capture:source") in changelist.text and reverse("capture:page") in changelist.text
    response = client.post(reverse("capture:source"), {"identifier": "10.1038/nature14539"})
    source = Source.objects.get()
    assert response["Location"] == reverse("admin:citations_source_change", args=[source.pk])
    assert (source.key, source.title, source.added_by, source.issued_year) == (
        "lecun2015",
        "Deep learning",
        editor,
        2015,
    )
    assert "Added [@lecun2015]; check the record below." in client.get(response["Location"]).text


def test_a_work_already_in_the_library_is_not_added_again(client, services):
    """The DOI finds the existing record, whatever its key."""
    existing = make_source(key="deep", doi="10.1038/NATURE14539")
    client.force_login(make_staff(groups=["Editors"]))
    response = client.post(reverse("capture:source"), {"identifier": "https://doi.org/10.1038/nature14539"})
    assert response["Location"] == reverse("admin:citations_source_change", args=[existing.pk])
    assert Source.objects.count() == 1


def test_an_identifier_that_cannot_be_resolved_is_a_400_keeping_it(client, services):
    """The form says why and keeps what was typed."""
    client.force_login(make_staff(groups=["Editors"]))
    response = client.post(reverse("capture:source"), {"identifier": "10.9999/missing"})
    assert response.status_code == 400
    assert "answered 404" in response.text and 'value="10.9999/missing"' in response.text
    response = client.post(reverse("capture:source"), {"identifier": "hello"})
    assert response.status_code == 400 and "Give a DOI" in response.text


def test_a_moderator_may_not_add_sources(client):
    """Adding sources needs the library's add permission."""
    client.force_login(make_staff(groups=["Moderators"]))
    assert client.get(reverse("capture:source")).status_code == 403
