"""Author-date and numeric styles (CITATION_STYLE=apa…) cite in the text, with references at the foot."""

import re

import pytest
from bs4 import BeautifulSoup
from citeproc import CitationStylesBibliography
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from blog import derived
from blog.models import Post
from citations import styles
from citations.models import Source
from tests.factories import make_post, make_source, make_user

BODY = (
    "Zola said it first [@zola, p. 33]. As @deane [p. 4] puts it, and again [-@deane], "
    "the paper agreed [see @times; @zola].\n\n"
    "A plain note too.[^aside]\n\n"
    "[^aside]: Which cites [@deane, p. 2].\n"
)


@pytest.fixture
def sources(db):
    make_source(
        key="zola",
        type="book",
        title="Germinal",
        authors=[{"given": "Émile", "family": "Zola"}],
        publisher="Charpentier",
        issued_year=1885,
    )
    make_source(
        key="deane",
        type="book",
        title="Reading in the dark",
        authors=[{"given": "Seamus", "family": "Deane"}],
        publisher="Jonathan Cape",
        issued_year=1996,
    )
    make_source(
        key="times",
        type="article-newspaper",
        title="In Texas, ad heats up race",
        container_title="New York Times",
        authors=[{"given": "Anne", "family": "Adams"}],
        issued_year=2002,
        issued_month=7,
        issued_day=30,
    )


def page_of(client, post):
    return client.get(post.get_absolute_url()).content.decode()


def citations(page):
    return re.findall(r'<span class="citation(?:-narrative)?">(.*?)</span>', page)


def references(page):
    section = re.search(r'<section class="works-cited".*?</section>', page, re.S)
    return section and (
        re.search(r"<h2[^>]*>(.*?)</h2>", section.group())[1],
        re.findall(r"<li>(.*?)</li>", section.group()),
    )


@override_settings(CITATION_STYLE="chicago-author-date")
def test_chicago_author_date_cites_in_the_text_and_lists_references(client, sources):
    """Under Chicago author-date a citation is "(Zola 1885, 33)" in the running text, a narrative
    one "Deane (1996, 4)", a suppressed author "(1996)"; a plain footnote keeps its number and
    its own citation reads in line; the references follow, alphabetized, whatever BLOG_WORKS_CITED says."""
    page = page_of(client, make_post(body=BODY))
    assert citations(page)[:4] == [
        "(Zola 1885, 33)",
        "Deane (1996, 4)",
        "(1996)",
        "(see Zola 1885; Adams 2002)",
    ]
    note = re.search(r'<li[^>]* id="fn-1"[^>]*>(.*?)</li>', page, re.S)[1]
    assert '<span class="citation">(Deane 1996, 2)</span>' in note
    assert 'id="fn-2"' not in page
    heading, entries = references(page)
    assert heading == "References"
    assert [entry.split(".")[0] for entry in entries] == ["Adams, Anne", "Deane, Seamus", "Zola, Émile"]


@override_settings(CITATION_STYLE="apa")
def test_apa_cites_author_and_year_with_page_label(client, sources):
    """APA 7 names author and year with a comma and labels the page: "(Zola, 1885, p. 33)"."""
    page = page_of(client, make_post(body=BODY))
    assert citations(page)[:3] == ["(Zola, 1885, p. 33)", "Deane (1996, p. 4)", "(1996)"]
    assert references(page)[1][1] == "Deane, S. (1996). <i>Reading in the dark</i>. Jonathan Cape."


@override_settings(CITATION_STYLE="vancouver")
def test_a_numeric_style_numbers_references_by_first_citation(client, sources):
    """Vancouver numbers sources in the order the post first cites them, and lists them so."""
    page = page_of(client, make_post(body=BODY))
    assert citations(page)[:4] == ["[1]", "[2]", "[2]", "[see 1,3]"]
    assert [entry[:9] for entry in references(page)[1]] == ["1. Zola É", "2. Deane ", "3. Adams "]


@override_settings(CITATION_STYLE="apa")
def test_a_source_s_page_shows_its_citation_and_reference_and_the_posts_citing_it(client, sources):
    """A source's page shows how the style cites it in the text and its reference entry, and lists the
    posts citing it in the text, as it does for notes."""
    post = make_post(body="As shown [@zola].")
    page = client.get(Source.objects.get(key="zola").get_absolute_url()).content.decode()
    assert '<dt>In the text</dt>\n      <dd class="source-note">(Zola, 1885)</dd>' in page
    assert '<dd class="source-bibliography">Zola, É. (1885). <i>Germinal</i>. Charpentier.</dd>' in page
    assert post.title in page


def test_changing_the_style_rerenders_and_sorts_again(client, sources):
    """After CITATION_STYLE changes, `manage.py rerender --stale` re-renders the posts in the new
    style and makes the sources' sort keys again for it (APA files by author, then year)."""
    post = make_post(body=BODY)
    assert "(Zola" not in page_of(client, post)
    with override_settings(CITATION_STYLE="apa"):
        assert Source.objects.exclude(sort_style="apa:" + styles.VERSION).count() == 3
        call_command("rerender", "--stale", verbosity=0)
        assert citations(page_of(client, post))[0] == "(Zola, 1885, p. 33)"
        assert set(Source.objects.values_list("sort_style", flat=True)) == {"apa:" + styles.VERSION}
        assert Source.objects.get(key="deane").sort_key.startswith("deane s 1996 reading")
        listing = client.get("/sources/").content.decode()
        assert listing.index("Adams, A. (2002") < listing.index("Deane, S. (1996)") < listing.index("Zola")


@override_settings(CITATION_STYLE="apa")
def test_an_apa_post_page_cites_in_the_text_lists_references_and_has_no_notes(client, sources):
    """Under APA a reader finds each citation in the running text and the references at the foot,
    and no list of notes, no note numbers: the citations are not notes."""
    post = make_post(body="Zola said it first [@zola, p. 33]. As @deane [p. 4] puts it [see @times; @zola].")
    page = BeautifulSoup(page_of(client, post), "html.parser")
    body = page.select_one(".post-body")
    assert [span.get_text() for span in body.select(".citation, .citation-narrative")] == [
        "(Zola, 1885, p. 33)",
        "Deane (1996, p. 4)",
        "(see Adams, 2002; Zola, 1885)",
    ]
    assert page.select("section.footnotes, sup.footnote-ref, .sidenote") == []
    works_cited = page.select_one("section.works-cited")
    assert works_cited.h2.get_text() == "References"
    assert [entry.get_text() for entry in works_cited.select("li")] == [
        "Adams, A. (2002, July 30). In Texas, ad heats up race. New York Times.",
        "Deane, S. (1996). Reading in the dark. Jonathan Cape.",
        "Zola, É. (1885). Germinal. Charpentier.",
    ]


@override_settings(CITATION_STYLE="apa")
def test_in_text_citations_are_rows_of_their_own_and_only_plain_notes_are_footnotes(sources):
    """Each citation in the text (and in a plain note's text) is an in-text citation row in reading
    order, one per source it names; the post's footnote rows are its plain notes alone."""
    post = make_post(body=BODY)
    assert list(post.in_text_citations.values_list("position", "source__key", "locator", "html")) == [
        (1, "zola", "p. 33", "(Zola, 1885, p. 33)"),
        (2, "deane", "p. 4", "Deane (1996, p. 4)"),
        (3, "deane", "", "(1996)"),
        (4, "times", "", "(see Adams, 2002; Zola, 1885)"),
        (4, "zola", "", "(see Adams, 2002; Zola, 1885)"),
        (5, "deane", "p. 2", "(Deane, 1996, p. 2)"),
    ]
    assert list(post.footnotes.values_list("number", "source")) == [(1, None)]


@override_settings(CITATION_STYLE="apa")
def test_a_source_cited_only_in_the_text_lists_the_post_and_names_it_in_its_keys(client, sources):
    """/sources/deane/ lists a post citing Deane only in its text, the post's page carries the
    source's surrogate key (so correcting the source purges it), and the admin says where."""
    post = make_post(title="Reading Deane", body="As @deane [p. 4] puts it.")
    deane = Source.objects.get(key="deane")
    source_page = BeautifulSoup(client.get(deane.get_absolute_url()).content, "html.parser")
    assert "Reading Deane" in [link.get_text() for link in source_page.select("a")]
    assert f"source-{deane.pk}" in client.get(post.get_absolute_url())["Surrogate-Key"].split()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    admin_page = client.get(reverse("admin:citations_source_change", args=[deane.pk])).content.decode()
    assert "where cited (in the text)" in admin_page.lower()
    assert "Reading Deane</a> (Published; citation 1, p. 4)" in admin_page


def test_a_change_of_style_rebuilds_the_citation_rows(sources):
    """``rerender --stale`` after a change of style turns notes into in-text citations, and back."""
    post = make_post(body="Zola said it first [@zola, p. 33].")
    assert list(post.footnotes.values_list("number", "source__key")) == [(1, "zola")]
    with override_settings(CITATION_STYLE="apa"):
        call_command("rerender", "--stale", verbosity=0)
        assert list(post.in_text_citations.values_list("position", "source__key", "locator")) == [
            (1, "zola", "p. 33")
        ]
        assert not post.footnotes.exists()
    call_command("rerender", "--stale", verbosity=0)
    assert list(post.footnotes.values_list("number", "source__key")) == [(1, "zola")]
    assert not post.in_text_citations.exists()


@override_settings(CITATION_STYLE="apa")
def test_an_import_formats_each_citation_once_and_no_entry_a_source_s_save_made(sources, monkeypatch):
    """Posts saved inside ``derived.deferred()`` (as importers save them) are rendered once each:
    citeproc-py formats every citation once, a narrative or author-suppressed one once more for its
    author alone (works by different authors are never compared, so none is formatted alone), and no
    reference entry, since each source's save made its own."""
    styles._load.cache_clear()  # a new process: nothing formatted yet
    for source in Source.objects.all():
        source.save()  # under this test's style, as the sources of a site using it were
    calls = {"cites": 0, "entries": 0}
    cite, bibliography = CitationStylesBibliography.cite, CitationStylesBibliography.bibliography

    def counted_cite(self, citation, callback):
        calls["cites"] += 1
        return cite(self, citation, callback)

    def counted_bibliography(self):
        calls["entries"] += len(self.items)
        return bibliography(self)

    monkeypatch.setattr(CitationStylesBibliography, "cite", counted_cite)
    monkeypatch.setattr(CitationStylesBibliography, "bibliography", counted_bibliography)
    author = make_user()
    with transaction.atomic(), derived.deferred():
        for number in range(3):
            Post.objects.create(
                title=f"Imported {number}", slug=f"imported-{number}", author=author, body=BODY
            )
    assert calls == {"cites": 3 * (5 + 2), "entries": 0}
    assert Post.objects.filter(works_cited_html__contains="Zola, É. (1885)").count() == 3
