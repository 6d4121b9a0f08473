"""Pandoc's citation syntax, all of it: suppress-author, narrative citations, prefixes, suffixes,
locator labels, and an error naming whatever the pipeline cannot read."""

import pytest

from blog.rendering.cites import LOCATOR_TERMS, CitationError, parse_citation, parse_narrative
from tests.blog.rendering_helpers import render_with_notes, text_of


def render(text):
    """The rendering, its HTML as a list reader (no sidenote copies) sees it, and its notes' text."""
    return render_with_notes(text)


FULL = "“Defenders Outgunned By Islamists In Desert,” The Wall Street Journal, February 22, 2013"


def test_suppress_author_leaves_the_author_out_of_the_note():
    """``[-@key]`` gives the note without the author, for a text that has named them already."""
    rendering, page, notes = render("Hinshaw and Coker report it[-@hinshaw2013, p. 3].")
    assert notes == [f"{FULL}, 3."]
    assert rendering.errors == []


def test_a_narrative_citation_names_the_author_in_the_text_and_the_rest_in_a_note():
    """``@key`` puts the author's full name in the text, then a note reference; the note omits the author."""
    rendering, page, notes = render("As @hinshaw2013 report, it is so.")
    assert text_of(page.select_one("p")) == "As Drew Hinshaw and Margaret Coker1 report, it is so."
    assert page.select_one("span.citation-narrative sup.footnote-ref a")["href"] == "#fn-1"
    assert notes == [f"{FULL}."]
    assert [(note.source_key, note.locator) for note in rendering.footnotes] == [("hinshaw2013", "")]


def test_a_later_narrative_citation_gives_the_surnames_and_a_short_note():
    """Once cited, a source's authors are named by surname in the text and its note is the short one."""
    _rendering, page, notes = render("[@hinshaw2013] Then @hinshaw2013 [p. 33] add more.")
    assert "Then Hinshaw and Coker2 add more." in text_of(page.select_one("p"))
    assert notes[1] == "“Defenders Outgunned,” 33."


def test_a_narrative_citation_takes_a_locator_and_a_suffix_in_its_bracket():
    """``@key [pp. 4-5, emphasis added]``: locator and suffix go into the note, the comma inside quotes."""
    rendering, _page, notes = render("[@hinshaw2013] @hinshaw2013 [pp. 4-5, emphasis added] say so.")
    assert notes[1] == "“Defenders Outgunned,” 4-5, emphasis added."
    assert rendering.footnotes[1].locator == "pp. 4-5"


def test_prefixes_suffixes_and_labels_in_one_bracket():
    """``[see @a, pp. 33-35; also @b, ch. 1]``: each part's prefix, locator and label, one note."""
    text = "Claim[see @hinshaw2013, pp. 33-35; also @mill1859, ch. 1, and passim]."
    _rendering, _page, notes = render(text)
    assert notes == [
        "See Drew Hinshaw and Margaret Coker, " + FULL + ", 33-35; also John Stuart Mill, “On Liberty,” "
        "John W. Parker and Son, 1859, chapter 1, and passim."
    ]


def test_every_later_citation_is_a_new_note():
    """Three citations of one source make three notes, full then short, each linking back once."""
    rendering, page, notes = render("A[@mill1859]. B[@mill1859]. C[@mill1859].")
    assert [sup.a.text for sup in page.select("sup.footnote-ref")] == ["1", "2", "3"]
    assert notes[1:] == ["Mill, “On Liberty.”"] * 2
    assert "Ibid" not in rendering.html


@pytest.mark.parametrize(
    ("written", "label", "value"),
    [
        ("bk. 3", "book", "3"),
        ("chap. 2", "chapter", "2"),
        ("ch. 2", "chapter", "2"),
        ("chapters 2-4", "chapter", "2-4"),
        ("col. 5", "column", "5"),
        ("fig. 1", "figure", "1"),
        ("fol. 12r", "folio", "12r"),
        ("no. 4", "issue", "4"),
        ("l. 20", "line", "20"),
        ("ll. 20–25", "line", "20–25"),
        ("n. 12", "note", "12"),
        ("op. 27", "opus", "27"),
        ("p. 33", "page", "33"),
        ("pp. 33, 35", "page", "33, 35"),
        ("page xiv", "page", "xiv"),
        ("para. 4", "paragraph", "4"),
        ("¶ 4", "paragraph", "4"),
        ("pt. II", "part", "II"),
        ("sec. 3", "section", "3"),
        ("§§ 4 and 6", "section", "4 and 6"),
        ("s.v. liberty", "sub verbo", "liberty"),
        ("sub verbo “monad”", "sub verbo", "“monad”"),
        ("v. 7", "verse", "7"),
        ("vol. 2", "volume", "2"),
        ("Volume 2", "volume", "2"),
        ("{iv, vi–xi}", "page", "iv, vi–xi"),
        ("{chap. A}", "chapter", "A"),
        ("33", "page", "33"),
    ],
)
def test_every_locator_label_pandoc_knows_is_read(written, label, value):
    """Each label of Pandoc's (long, short, plural, symbol) and a bare or braced value is read."""
    (cite,) = parse_citation(f"@mill1859, {written}")
    assert (cite.label, cite.value, cite.suffix) == (label, value, "")


def test_the_labels_are_csl_s_locator_names():
    """The parser's labels are the sixteen CSL 1.0 locators Pandoc reads."""
    assert set(LOCATOR_TERMS) == {
        *("book", "chapter", "column", "figure", "folio", "issue", "line", "note", "opus", "page"),
        *("paragraph", "part", "section", "sub verbo", "verse", "volume"),
    }


@pytest.mark.parametrize(
    ("after_key", "locator", "suffix"),
    [
        (", 33, emphasis added", "33", ", emphasis added"),
        (", line of argument", "", ", line of argument"),
        (" emphasis mine", "", "emphasis mine"),
        (", loc. 345", "", ", loc. 345"),
        (" p. 33", "p. 33", ""),
        (", {iv} and after", "iv", "and after"),
    ],
)
def test_what_is_not_a_locator_is_the_suffix(after_key, locator, suffix):
    """Text after the key that is no locator (or after the locator) is kept as the suffix, as Pandoc does."""
    (cite,) = parse_citation(f"@mill1859{after_key}")
    assert (cite.locator, cite.suffix) == (locator, suffix)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("A [@mill1859, p.] b.", "The locator “p.” in “[@mill1859, p.]” has no number after it."),
        ("A [@mill1859, {iv] b.", "The locator in “[@mill1859, {iv]” opens a brace “{” that is never"),
        ("A [see @mill1859, p. 4 and on.", "The citation “[see @mill1859, p. 4 and on.” is never closed"),
        ("A [@mill1859 @hinshaw2013] b.", "“[@mill1859 @hinshaw2013]” looks like a citation"),
        ("A @mill1859 [vol.] b.", "The locator “vol.” in “@mill1859 [vol.]” has no number after it."),
        ("As @nobody says.", "Unknown source “@nobody”"),
    ],
)
def test_what_cannot_be_read_is_an_error_naming_it(text, named):
    """An unreadable locator, an unclosed bracket or brace, or an unknown key is an error naming it;
    the text shows as written, makes no note, and its keys are not read again as narrative citations."""
    rendering, page, notes = render(text)
    assert any(error.startswith(named) for error in rendering.errors), rendering.errors
    assert notes == []
    assert page.select("sup") == []


def test_an_at_sign_that_cites_nothing():
    """``\\@name``, an email address and an address's ``/@name`` are text, not citations."""
    rendering, page, _notes = render(
        r"Write to a@example.org, or \@mill1859 at https://example.social/@mill1859."
    )
    assert text_of(page) == "Write to a@example.org, or @mill1859 at https://example.social/@mill1859."
    assert (rendering.errors, rendering.footnotes) == ([], [])


def test_a_narrative_citation_inside_a_footnote_reads_author_then_note_in_parentheses():
    """In a plain footnote, ``@key [p. 3]`` is written in line as "Author (the note)"."""
    _rendering, _page, notes = render("Claim[^n].\n\n[^n]: As @mill1859 [p. 3] says.\n")
    assert notes == ["As John Stuart Mill (“On Liberty,” John W. Parker and Son, 1859, 3) says."]


def test_a_narrative_citation_with_its_bracket_inside_an_excerpt_is_one_citation():
    """``@key [p. 2]`` quoted inside an excerpt is a citation, not a key followed by an interpolation."""
    rendering, page, notes = render("> As @mill1859 [p. 2] wrote.\n>\n> — [@hinshaw2013]\n")
    assert page.select("span.interpolation") == []
    assert notes[0] == "“On Liberty,” John W. Parker and Son, 1859, 2."
    assert rendering.errors == []


def test_parse_narrative_without_a_bracket():
    """A bare ``@key`` is a narrative cite with no locator or suffix."""
    cite = parse_narrative("mill1859", None)
    assert (cite.key, cite.narrative, cite.locator, cite.suffix) == ("mill1859", True, "", "")
    with pytest.raises(CitationError):
        parse_narrative("mill1859", "p.")
