"""Footnotes that cite keep their page and the writer's remark (pure functions, no database)."""

import pytest

from importing.references import parse_citation
from wordpress.convert import convert_post

MILL = "John Stuart Mill, <em>On Liberty</em> (London: John W. Parker, 1859)"
HINSHAW = "Drew Hinshaw, “Defenders Outgunned,” The Wall Street Journal, February 22, 2013"


def convert(html):
    return convert_post(html, resolve=lambda reference: f"{reference.first_family().lower()}{reference.year}")


@pytest.mark.parametrize(
    ("note", "citation"),
    [
        (f"{MILL}, 22.", "[@mill1859, p. 22]"),
        (f"{MILL}, pp. 22-24.", "[@mill1859, pp. 22–24]"),
        (f"{HINSHAW}, A1.", "[@hinshaw2013, p. A1]"),
        (f"{HINSHAW}.", "[@hinshaw2013]"),
    ],
)
def test_citation_footnote_keeps_its_page_as_the_locator(note, citation):
    """The page after a Chicago citation becomes the citation's locator; a year is no page."""
    html = f"<p>Liberty is fragile<sup>1</sup>.</p><hr><p><sup>1</sup> {note}</p>"
    assert convert(html).markdown == f"Liberty is fragile{citation}.\n"


def test_remark_after_a_citation_stays_in_the_note_with_the_citation():
    """The writer's remark after the citation is kept, formatting and all, in a note that cites."""
    html = (
        "<p>Liberty is fragile<sup>1</sup>.</p><hr>"
        f"<p><sup>1</sup> {MILL}, 22. He <em>softened</em> this later; see "
        '<a href="https://example.com/letters">his letters</a>.</p>'
    )
    assert convert(html).markdown == (
        "Liberty is fragile[^1].\n\n"
        "[^1]: [@mill1859, p. 22]. He *softened* this later; see [his letters](https://example.com/letters).\n"
    )


def test_remark_naming_a_second_work_stays_a_remark():
    """The first work a note names is the citation; "See also …" after it is the writer's text."""
    html = f"<p>Outgunned[ref]{HINSHAW}. See also Jane Doe, “Other Views,” The Times, May 1, 2014.[/ref].</p>"
    markdown = convert(html).markdown
    assert markdown == (
        "Outgunned[^1].\n\n[^1]: [@hinshaw2013]. See also Jane Doe, “Other Views,” The Times, May 1, 2014.\n"
    )


def test_quote_is_attributed_only_to_a_citation_without_a_remark():
    """A quote's note with a remark stays a note, so the remark is not dropped for an attribution."""
    html = (
        "<blockquote>Words quoted.*</blockquote><p>Mine.</p><hr>"
        f"<p>* {HINSHAW}, 4. Quoted with his permission.</p>"
    )
    assert convert(html).markdown == (
        "> Words quoted.[^1]\n\nMine.\n\n[^1]: [@hinshaw2013, p. 4]. Quoted with his permission.\n"
    )


def test_parse_citation_reads_no_citation_into_an_explanation():
    """A note that only explains is no citation, however it is punctuated."""
    assert parse_citation("I mean the second one, of course. Not the first, 12.") is None


@pytest.mark.parametrize(
    ("note", "citation"),
    [
        (f"{MILL}, 22.", "[@{O'Mill_1859}, p. 22]"),
        (f"{MILL}, 22. A remark.", "[^1]: [@{O'Mill_1859}, p. 22]. A remark."),
    ],
)
def test_a_library_key_that_needs_braces_is_written_in_braces(note, citation):
    """A note resolved to a key Pandoc reads whole only in braces ("O'Mill_1859") is written
    ``[@{O'Mill_1859}]``: Pandoc's manual, "Unless a citation key starts with a letter, digit, or _, and
    contains only alphanumerics and single internal punctuation characters […], it must be surrounded by
    curly braces"."""
    html = f"<p>Liberty is fragile<sup>1</sup>.</p><hr><p><sup>1</sup> {note}</p>"
    markdown = convert_post(html, resolve=lambda reference: "O'Mill_1859").markdown
    assert citation in markdown
    assert "@O'Mill" not in markdown
