"""The public source pages: the library grouped two ways, and each source's reference and links."""

import json
import re

import pytest
from django.urls import reverse

from citations.models import Source
from citations.views import SourceDetailView, SourceListView
from tests.factories import make_source


@pytest.fixture
def library(db):
    return [
        make_source(
            key="hinshaw2013",
            type="article-newspaper",
            title="Defenders Outgunned By Islamists In Desert",
            container_title="The Wall Street Journal",
            authors=[{"given": "Drew", "family": "Hinshaw"}, {"given": "Margaret", "family": "Coker"}],
            issued_year=2013,
            issued_month=2,
            issued_day=22,
            url="https://www.wsj.com/articles/defenders",
            archive_url="https://web.archive.org/web/2013/https://www.wsj.com/articles/defenders",
        ),
        make_source(
            key="mill1859",
            type="book",
            title="On Liberty",
            authors=[{"given": "John Stuart", "family": "Mill"}],
        ),
        make_source(
            key="who", type="report", title="<Report>", authors=[{"literal": "World Health Organization"}]
        ),
    ]


def test_source_list_groups_by_publication_and_by_author(client, library, django_assert_max_num_queries):
    """The list has a section by publication and one by author, each linking to every source."""
    with django_assert_max_num_queries(3):
        response = client.get(reverse("citations:source_list"))
    publications = dict(response.context["by_publication"])
    assert [source.key for source in publications["The Wall Street Journal"]] == ["hinshaw2013"]
    assert {s.key for s in publications["Books and other stand-alone works"]} == {"mill1859", "who"}
    authors = dict(response.context["by_author"])
    assert list(authors) == [
        "Coker, Margaret",
        "Hinshaw, Drew",
        "Mill, John Stuart",
        "World Health Organization",
    ]
    page = response.content.decode()
    assert 'id="by-publication"' in page and 'id="by-author"' in page
    assert page.count('href="/sources/hinshaw2013/"') == 4  # the bibliography, then the two groups
    assert "&lt;Report&gt;" in page


def test_the_sources_page_is_a_bibliography_in_the_manuals_order_across_pages(client, db, monkeypatch):
    """Entries file letter by letter on the author's family name with its particle, then the title
    (CMOS 14.66, 16.58); a dropping particle does not count; a work with no author files by its
    title without "The"; an unsigned article under its periodical (14.199). Pages continue the order."""
    monkeypatch.setattr(SourceListView, "paginate_by", 3)
    nyt = {"type": "article-newspaper", "container_title": "The New York Times", "authors": []}
    for key, fields in {
        "a": {"title": "In Texas, Ad Heats Up Race", **nyt},
        "b": {
            "title": "Democracy in America",
            "authors": [{"given": "Alexis", "family": "Tocqueville", "dropping-particle": "de"}],
        },
        "c": {"title": "On Liberty", "authors": [{"given": "John Stuart", "family": "Mill"}]},
        "d": {
            "title": "The Edge of the Sword",
            "authors": [{"given": "Charles", "family": "Gaulle", "non-dropping-particle": "de"}],
        },
        "e": {"title": "The Iliad", "type": "book", "authors": []},
        "f": {"title": "Reading in the Dark", "authors": [{"given": "Seamus", "family": "Deane"}]},
        "g": {
            "title": "Considerations on Representative Government",
            "authors": [{"given": "John Stuart", "family": "Mill"}],
        },
        "h": {"title": "A Town", "authors": [{"given": "Ann", "family": "Newark"}]},
    }.items():
        make_source(key=key, **{"type": "book", **fields})
    pages = [client.get(reverse("citations:source_list"), {"page": n}).content.decode() for n in (1, 2, 3)]
    entries = [re.findall(r'class="source-page" href="/sources/(\w)/"', page) for page in pages]
    # Deane, de Gaulle, Iliad | Mill (Considerations, On Liberty), Newark | New York Times, Tocqueville
    assert entries == [["f", "d", "e"], ["g", "c", "h"], ["a", "b"]]
    assert "<i>The New York Times</i>. “In Texas, Ad Heats Up Race.”" in pages[2]
    assert "de Gaulle, Charles. <i>The Edge of the Sword</i>." in pages[0]


def test_a_source_files_anew_when_its_fields_change(db):
    """The stored sort key follows the fields: a source given an author moves from its title to her name."""
    source = make_source(title="The Iliad", type="book", authors=[])
    assert source.sort_key.startswith("iliad ")
    source.authors = [{"given": "Ann", "family": "Zed"}]
    source.save()
    assert Source.objects.filter(pk=source.pk, sort_key__startswith="zed ann iliad").exists()


def test_empty_library_says_so(client, db):
    """An empty library shows a sentence, not empty sections."""
    assert "The library is empty." in client.get(reverse("citations:source_list")).content.decode()


def test_source_detail_shows_note_bibliography_and_links(client, library):
    """A source's page gives its full note, bibliography entry, and the archive beside the original."""
    page = client.get(library[0].get_absolute_url()).content.decode()
    assert (
        "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
        "<i>The Wall Street Journal</i>, February 22, 2013"
    ) in page
    assert "Hinshaw, Drew, and Margaret Coker. “Defenders Outgunned" in page
    assert (
        '<a href="https://www.wsj.com/articles/defenders">The original</a> · <a href="https://web.archive.org'
        in page
    )
    assert "[@hinshaw2013]" in page


def test_source_detail_escapes_titles(client, library):
    """A title with markup is shown as text on its page."""
    page = client.get(library[2].get_absolute_url()).content.decode()
    assert "<Report>" not in page
    assert "<i>&lt;Report&gt;</i>" in page


def test_unknown_source_is_a_404(client, db):
    """A key nobody has is a 404, not an error."""
    assert client.get(reverse("citations:source_detail", kwargs={"key": "nobody"})).status_code == 404


def test_detail_view_can_be_extended_with_more_context(rf, library):
    """A subclass adds its own context (as the blog adds "cited in") and keeps the note."""

    class CitedInView(SourceDetailView):
        def get_context_data(self, **kwargs):
            return {**super().get_context_data(**kwargs), "cited_in": ["a post"]}

    response = CitedInView.as_view()(rf.get("/"), key="mill1859")
    assert response.context_data["cited_in"] == ["a post"]
    assert response.context_data["note"].startswith("John Stuart Mill, <i>On Liberty</i>")


def test_an_untitled_work_is_headed_by_its_description(client, admin_client):
    """A will the Manual cites by its description (CMOS 18 14.205): its page, the library's
    bibliography and the admin's list name it so."""
    from citations.services import import_file

    record = {
        "id": "shakespeare1616",
        "type": "manuscript",
        "genre": "will of William Shakespeare, gentleman of Stratford upon Avon, Warwickshire",
        "archive": "TNA",
        "archive_location": "PROB 11/127/771",
        "issued": {"date-parts": [[1616, 6, 22]]},
    }
    import_file(json.dumps([record]).encode(), "csl-json")
    source = Source.objects.get(key="shakespeare1616")
    page = client.get(source.get_absolute_url()).content.decode()
    assert "<h1>Will of William Shakespeare, gentleman of Stratford upon Avon, Warwickshire</h1>" in page
    assert "<title>Will of William Shakespeare" in page
    listing = client.get(reverse("citations:source_list")).content.decode()
    assert "PROB 11/127/771" in listing
    changelist = admin_client.get(reverse("admin:citations_source_changelist")).content.decode()
    assert "Will of William Shakespeare" in changelist
