"""Each row of the dialect table: excerpts, asides, interpolations and omissions."""

import pytest

from blog.rendering import render_post
from tests.blog.rendering_helpers import MILL, SOURCES, soup, text_of


def render(text):
    rendering = render_post(text, SOURCES)
    return rendering, soup(rendering.html)


@pytest.mark.parametrize(
    ("attribution", "locator", "prefix"),
    [
        ("— [@hinshaw2013]", "", ""),
        ("-- [@hinshaw2013]", "", ""),
        ("--- [@hinshaw2013]", "", ""),
        ("—[@hinshaw2013]", "", ""),
        ("— [@hinshaw2013, p. 4]", "p. 4", ""),
        ("— [see @hinshaw2013, 3–5]", "3–5", "see"),
    ],
)
def test_an_attributed_blockquote_is_an_excerpt(attribution, locator, prefix):
    """Every accepted way of writing the attribution makes an excerpt of that source and locator."""
    rendering, page = render(f"> The quoted words.\n>\n> {attribution}\n")
    assert len(page.select("figure.excerpt > blockquote > p")) == 1
    assert page.select_one("figure.excerpt > figcaption sup.footnote-ref a")["href"] == "#fn-1"
    (excerpt,) = rendering.excerpts
    assert (excerpt.source_key, excerpt.locator, excerpt.prefix) == ("hinshaw2013", locator, prefix)
    assert (excerpt.text, excerpt.word_count) == ("The quoted words.", 3)
    assert rendering.errors == []


def test_an_attribution_on_the_last_line_of_the_quote_is_cut_off():
    """``— [@key]`` on the line right under the quote still attributes it, without a blank line."""
    rendering, page = render("> The quoted words.\n> — [@hinshaw2013]\n")
    assert text_of(page.select_one("figure.excerpt blockquote")) == "The quoted words."
    assert rendering.excerpts[0].source_key == "hinshaw2013"


def test_the_excerpt_cites_the_source_url():
    """The blockquote cites the source's URL; the caption links to the passage in it, by a text fragment."""
    _rendering, page = render(
        "> Over himself, over his own body and mind, the individual is sovereign.\n>\n> — [@mill1859, 22]"
    )
    assert page.select_one("figure.excerpt > blockquote")["cite"] == MILL.url
    assert page.select_one("figcaption a[href]")["href"] == (
        MILL.url + "#:~:text=Over%20himself%2C%20over%20his%20own,mind%2C%20the%20individual%20is%20sovereign"
    )
    _rendering, page = render("> Words.\n>\n> — [@hinshaw2013]")
    assert not page.select_one("figure.excerpt > blockquote").has_attr("cite")


def test_a_blockquote_without_attribution_stays_plain():
    """No attribution: a plain blockquote, not recorded, with brackets and ellipses left as written."""
    rendering, page = render("> Someone said [sic] this ... and [Comment: that].\n")
    assert page.select("figure") == []
    assert page.select("span.interpolation, span.omission") == []
    assert text_of(page.select_one("blockquote")).startswith("Someone said [sic] this … and")
    assert rendering.excerpts == []
    assert rendering.quoted_word_count == 0


def test_blockquotes_apart_are_separate_excerpts():
    """A blank line without ``>`` ends a blockquote, so two quotes in a row stay two excerpts."""
    rendering, page = render("> One.\n>\n> — [@hinshaw2013]\n\n> Two.\n>\n> — [@mill1859]\n")
    assert len(page.select("figure.excerpt")) == 2
    assert [excerpt.source_key for excerpt in rendering.excerpts] == ["hinshaw2013", "mill1859"]


def test_an_empty_attribution_is_an_error():
    """``—`` with nothing after it is reported; the quote still shows as an excerpt without a source."""
    rendering, page = render("> The quoted words.\n>\n> — \n")
    assert "attribution is empty" in " ".join(rendering.errors)
    assert text_of(page.select_one("figure.excerpt blockquote")) == "The quoted words."
    assert page.select("figcaption") == []
    assert rendering.excerpts[0].source_key is None


def test_a_free_text_attribution_makes_an_excerpt_without_a_source():
    """``— Oscar Wilde`` captions the quote but names no source, and is not an error."""
    rendering, page = render("> Be yourself.\n>\n> — Oscar *Wilde*\n")
    assert text_of(page.select_one("figure.excerpt figcaption")) == "— Oscar Wilde"
    assert page.select_one("figcaption em").text == "Wilde"
    assert (rendering.excerpts[0].source_key, rendering.errors) == (None, [])


def test_an_attribution_that_is_not_a_citation_is_an_error():
    """``— @key`` without brackets is reported with the correct form."""
    rendering, _page = render("> Words.\n>\n> — @hinshaw2013\n")
    assert any("— @hinshaw2013" in error and "— [@key]" in error for error in rendering.errors)


@pytest.mark.parametrize("label", ["Comment", "Note", "Aside", "Update"])
def test_an_aside_is_labelled_and_bracketed(label):
    """Each aside label gives a span.aside with visible brackets and a labelled span for the label."""
    rendering, page = render(f"> Quoted [{label}: my own words] more.\n>\n> — [@hinshaw2013]\n")
    aside = page.select_one("figure.excerpt blockquote span.aside")
    assert text_of(aside) == f"[{label}: my own words]"
    assert aside["role"] == "note"
    assert aside.select_one("span.aside-label").text == f"{label}:"
    assert [(a.label, a.text, a.excerpt_position) for a in rendering.asides] == [(label, "my own words", 1)]
    assert rendering.excerpts[0].text == "Quoted more."


def test_an_aside_holds_markdown_and_citations():
    """``[Comment: see *this* [@key]]`` keeps its emphasis and gives the citation a note."""
    rendering, page = render("> Quoted [Comment: see *this* [@mill1859, 12]] text.\n>\n> — [@hinshaw2013]\n")
    aside = page.select_one("span.aside")
    assert aside.select_one("em").text == "this"
    assert aside.select_one("sup.footnote-ref a")["href"] == "#fn-1"
    assert [note.source_key for note in rendering.footnotes] == ["mill1859", "hinshaw2013"]
    assert rendering.asides[0].text == "see this"


def test_an_aside_outside_an_excerpt_belongs_to_no_excerpt():
    """An aside in the author's own prose is still an aside, with no excerpt."""
    rendering, page = render("Text. [Update: the ministry replied.]\n")
    assert text_of(page.select_one("p span.aside")) == "[Update: the ministry replied.]"
    assert [(a.label, a.excerpt_position) for a in rendering.asides] == [("Update", None)]


def test_an_unclosed_aside_is_an_error_and_shows_as_written():
    """``[Comment:`` never closed is reported and left as literal text."""
    rendering, page = render("> Quoted [Comment: never closed.\n>\n> — [@hinshaw2013]\n")
    assert page.select("span.aside") == []
    assert "[Comment: never closed." in text_of(page.select_one("blockquote"))
    assert any("[Comment: never closed" in error and "never closed" in error for error in rendering.errors)


def test_interpolations_are_marked_as_the_authors():
    """``[the militants]`` and ``[sic]`` inside an excerpt keep their brackets and are marked."""
    rendering, page = render("> It appeared [the militants] had won [sic].\n>\n> — [@hinshaw2013]\n")
    spans = page.select("figure.excerpt span.interpolation")
    assert [(span.text, span["title"]) for span in spans] == [
        ("[the militants]", "Inserted by the author"),
        ("[sic]", "Inserted by the author"),
    ]
    assert rendering.interpolations == ["the militants", "sic"]
    assert rendering.excerpts[0].interpolations == 2


def test_links_are_not_interpolations():
    """Inline and reference links in an excerpt stay links."""
    text = "> See [the report](https://example.org/r) and [the other][r].\n>\n> — [@hinshaw2013]\n\n[r]: https://example.org/o\n"
    rendering, page = render(text)
    assert [a["href"] for a in page.select("blockquote a")] == [
        "https://example.org/r",
        "https://example.org/o",
    ]
    assert page.select("span.interpolation") == []
    assert rendering.interpolations == []


@pytest.mark.parametrize(("written", "shown"), [("…", "…"), ("...", "…"), ("[…]", "[…]"), ("[...]", "[…]")])
def test_omissions_in_an_excerpt_are_marked(written, shown):
    """Every way of writing an ellipsis in an excerpt is an omission with an accessible name."""
    rendering, page = render(f"> Before {written} after.\n>\n> — [@hinshaw2013]\n")
    (span,) = page.select("figure.excerpt span.omission")
    assert (span.text, span["title"], span["aria-label"]) == (shown, "text omitted", "text omitted")
    assert rendering.excerpts[0].omissions == 1


def test_ellipses_outside_excerpts_are_plain_text():
    """An ellipsis in the author's prose is typeset but not marked."""
    _rendering, page = render("Well... we shall see …\n")
    assert page.select("span") == []
    assert text_of(page) == "Well… we shall see …"


def test_code_gets_no_dialect():
    """In code spans and fenced code, asides, citations and ellipses are literal."""
    text = (
        "> Run `[Comment: x] [@hinshaw2013] [sic] ...` now.\n>\n> — [@hinshaw2013]\n\n"
        "```\n[Note: y] [@mill1859] ...\n```\n"
    )
    rendering, page = render(text)
    assert page.select_one("blockquote code").text == "[Comment: x] [@hinshaw2013] [sic] ..."
    assert page.select_one("pre code").text == "[Note: y] [@mill1859] ...\n"
    assert page.select("span.aside, span.interpolation, span.omission") == []
    assert len(page.select("sup.footnote-ref")) == 1
    assert rendering.asides == []


def test_email_addresses_are_not_citations():
    """``someone@example.com``, bare or bracketed, is text, with no note and no error."""
    rendering, page = render("Write to someone@example.com [or office@example.org].\n")
    assert page.select("sup, .citation-unknown") == []
    assert rendering.errors == []


def test_an_excerpt_quoted_inside_another_is_its_own_excerpt():
    """A quote within a quote, each attributed, gives two excerpts; the inner caption is not quoted text."""
    text = "> Outer words.\n>\n> > Inner words.\n> >\n> > — [@mill1859]\n>\n> — [@hinshaw2013]\n"
    rendering, page = render(text)
    assert len(page.select("figure.excerpt figure.excerpt")) == 1
    assert [(e.position, e.source_key, e.text) for e in rendering.excerpts] == [
        (1, "hinshaw2013", "Outer words.\n\nInner words."),
        (2, "mill1859", "Inner words."),
    ]
    assert rendering.quoted_word_count == 4
    assert [note.source_key for note in rendering.footnotes] == ["mill1859", "hinshaw2013"]
