"""Reading a page's citation metadata: best source first, each field from the best that has it."""

import time

from capture.metadata import parse_date, read_metadata
from capture.names import split_name
from tests.capture import pages

HINSHAW = {"family": "Hinshaw", "given": "Drew"}
COKER = {"family": "Coker", "given": "Margaret"}


def test_highwire_tags_give_a_journal_article():
    """Google Scholar's citation_* tags give type, names (either order), journal, date, pages and DOI."""
    found = read_metadata(pages.HIGHWIRE, "https://journal.example/a/42")
    assert (found.type, found.title, found.authors) == (
        "article-journal",
        "Quotation Accuracy in the News",
        [HINSHAW, COKER],
    )
    assert (found.container_title, found.issued, found.doi) == (
        "Journal of Verification",
        (2013, 2, 22),
        "10.1234/jv.2013.042",
    )
    assert (found.volume, found.issue, found.page, found.publisher) == ("12", "3", "189–211", "Verity Press")
    assert (found.url, found.language) == ("https://journal.example/a/42", "en")


def test_json_ld_in_a_graph_gives_the_article_not_its_page():
    """Of a @graph's WebPage and NewsArticle the article is the work; the canonical link is its address."""
    found = read_metadata(pages.JSON_LD, "https://news.example/x?utm=1")
    assert (found.type, found.title) == ("article-newspaper", "Defenders Outgunned By Islamists In Desert")
    assert found.authors == [HINSHAW, COKER]
    assert (found.container_title, found.issued) == ("The Wall Street Journal", (2013, 2, 22))
    assert (found.url, found.language) == ("https://news.example/news/defenders-outgunned", "en-US")


def test_a_json_ld_array_with_a_blog_posting():
    """A top-level array is read; a blog post's container is the blog it is part of."""
    found = read_metadata(pages.BLOG_POSTING, "https://blog.example/p")
    assert (found.type, found.title, found.container_title) == (
        "post-weblog",
        "On Commonplace Books",
        "Marginalia",
    )
    assert (found.authors, found.issued) == ([{"family": "Writer", "given": "Ann"}], (2021, 5, 4))


def test_dublin_core():
    """DC.* tags give title, creator, a year and month, publisher and language."""
    found = read_metadata(pages.DUBLIN_CORE, "https://archive.example/r")
    assert (found.title, found.authors, found.issued) == (
        "A Report on Archives",
        [{"family": "Lovelace", "given": "Ada"}],
        (1843, 9),
    )
    assert (found.publisher, found.language, found.type) == ("Royal Society", "en-GB", "webpage")


def test_open_graph_and_article_tags():
    """og:* gives title, site and address; article:published_time the date; an author URL is not a name."""
    found = read_metadata(pages.OPEN_GRAPH, "https://daily.example/links-die?ref=x")
    assert (found.title, found.container_title, found.issued) == (
        "Why Links Die",
        "The Daily Example",
        (2024, 5, 17),
    )
    assert (found.url, found.type) == ("https://daily.example/links-die", "article-newspaper")
    assert found.authors == []


def test_a_page_with_no_metadata_gives_its_title_byline_and_time():
    """Without tags, <title>, a "By …" byline (split at "and") and <time datetime> are read."""
    found = read_metadata(pages.NONE, "https://plain.example/p")
    assert (found.title, found.issued, found.url) == (
        "Just a Title",
        (2019, 11, 2),
        "https://plain.example/p",
    )
    assert found.authors == [{"family": "Jones", "given": "Sam"}, {"family": "Lee", "given": "Kim"}]
    bare = read_metadata(pages.BARE, "https://plain.example/b")
    assert (bare.title, bare.authors, bare.issued, bare.type) == ("", [], (), "webpage")


def test_conflicting_metadata_is_resolved_by_precedence():
    """Highwire, then JSON-LD, Dublin Core, OpenGraph, the title tag and byline, field by field."""
    found = read_metadata(pages.CONFLICTING, "https://c.example/")
    assert (found.title, found.issued) == ("Highwire title", (2001, 1, 1))
    assert found.authors == [{"family": "Author", "given": "Json"}]
    assert (found.publisher, found.container_title) == ("LD Publisher", "OG Site")


def test_hostile_markup_gives_text_and_takes_linear_time():
    """Markup in values stays text, nonsense dates go, deep JSON and thousands of tags cost little."""
    started = time.perf_counter()
    found = read_metadata(pages.HOSTILE, "https://h.example/")
    assert time.perf_counter() - started < 2
    assert found.title == "<img src=x onerror=alert(1)>Real & title"
    assert found.issued == ()
    assert len(found.authors[0]["literal"]) <= 2000


def test_only_web_addresses_become_the_url():
    """A canonical link to javascript: or data: is ignored; the page's own address stands."""
    html = '<link rel="canonical" href="javascript:alert(1)"><title>t</title>'
    assert read_metadata(html, "https://safe.example/p").url == "https://safe.example/p"


def test_dates_in_the_forms_pages_write_them():
    """ISO dates and times, slashes, and written dates in either order; impossible parts dropped."""
    assert parse_date("2013-02-22T19:30:00Z") == (2013, 2, 22)
    assert parse_date("February 22, 2013") == (2013, 2, 22)
    assert parse_date("22 Feb. 2013") == (2013, 2, 22)
    assert parse_date("2013-13-40") == (2013,)
    assert parse_date("yesterday") == ()


def test_names_are_split_as_csl_stores_them():
    """Either order, particles with the family name, a suffix kept, one word an organisation."""
    assert split_name("Ludwig van Beethoven") == {"family": "van Beethoven", "given": "Ludwig"}
    assert split_name("King, Martin Luther, Jr.") == {
        "family": "King",
        "given": "Martin Luther",
        "suffix": "Jr.",
    }
    assert split_name("Reuters") == {"literal": "Reuters"}
