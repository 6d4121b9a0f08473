"""Citations and footnotes: one numbered sequence of notes, each linking back to its references."""

from blog.rendering import render_post
from tests.blog.rendering_helpers import SEED_NOTE, SEED_SHORT_NOTE, SOURCES, soup, text_of


def render(text):
    rendering = render_post(text, SOURCES)
    return rendering, soup(rendering.html)


def notes(page):
    """Each note's text, without its back-links."""
    texts = []
    for item in page.select("section.footnotes > ol > li"):
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        texts.append(text_of(item))
    return texts


def test_a_citation_is_a_numbered_note_reference():
    """``[@key]`` becomes a superscript link to the note, and the note links back."""
    rendering, page = render("A claim[@hinshaw2013].")
    ref = page.select_one("p > sup.footnote-ref")
    assert (ref["id"], ref.a["href"], ref.a.text) == ("fnref-1", "#fn-1", "1")
    note = page.select_one("section.footnotes > ol > li#fn-1")
    assert [a["href"] for a in note.select("a.footnote-backref")] == ["#fnref-1"]
    assert notes(page) == [text_of(soup(SEED_NOTE))]
    assert rendering.footnotes[0].html == SEED_NOTE


def test_prefix_and_locator_go_into_the_note():
    """``[see @key, 4]`` starts the note with "See" and ends it with the locator."""
    rendering, page = render("A claim[see @hinshaw2013, 4].")
    assert notes(page) == [text_of(soup("See " + SEED_NOTE[:-1] + ", 4."))]
    assert (rendering.footnotes[0].locator, rendering.footnotes[0].source_key) == ("4", "hinshaw2013")


def test_several_cites_in_one_bracket_make_one_note():
    """``[see @a, 4; @b, 22]`` is one note, the parts joined by a semicolon."""
    rendering, page = render("A claim[see @hinshaw2013, 4; @mill1859, 22].")
    (note,) = notes(page)
    assert note.startswith("See Drew Hinshaw and Margaret Coker")
    assert "February 22, 2013, 4; John Stuart Mill, “On Liberty,”" in note
    assert note.endswith("1859, 22.")
    assert rendering.footnotes[0].source_keys == ("hinshaw2013", "mill1859")


def test_the_same_source_and_locator_twice_is_a_new_short_note():
    """Citing the same page again makes a new note, the short one: Chicago reuses no note number (14.29)."""
    rendering, page = render("One[@hinshaw2013, 4]. Two[@hinshaw2013, 4].")
    assert [sup["id"] for sup in page.select("sup.footnote-ref")] == ["fnref-1", "fnref-2"]
    assert notes(page) == [
        text_of(soup(SEED_NOTE[:-1] + ", 4.")),
        "Hinshaw and Coker, “Defenders Outgunned,” 4.",
    ]
    assert [(note.number, note.references) for note in rendering.footnotes] == [(1, 1), (2, 1)]


def test_the_same_source_at_another_locator_is_a_second_short_note():
    """A new locator is a new note, and a source's second note is the short one."""
    _rendering, page = render("One[@hinshaw2013, 4]. Two[@hinshaw2013, 9].")
    assert notes(page) == [
        text_of(soup(SEED_NOTE[:-1] + ", 4.")),
        "Hinshaw and Coker, “Defenders Outgunned,” 9.",
    ]


def test_two_excerpts_of_one_source_give_the_full_then_the_short_note():
    """The first excerpt's note is the full note, the second excerpt's the short one."""
    text = "> One.\n>\n> — [@hinshaw2013]\n\nBetween.\n\n> Two.\n>\n> — [@hinshaw2013, 4]\n"
    rendering, page = render(text)
    assert notes(page) == [text_of(soup(SEED_NOTE)), "Hinshaw and Coker, “Defenders Outgunned,” 4."]
    assert [(e.position, e.locator) for e in rendering.excerpts] == [(1, ""), (2, "4")]


def test_a_later_note_without_locator_is_the_bare_short_note():
    """Once a source has been cited, citing it without a locator gives the short note as such."""
    _rendering, page = render("One[@hinshaw2013, 4]. Two[@hinshaw2013].")
    assert notes(page)[1] == text_of(soup(SEED_SHORT_NOTE))


def test_plain_footnotes_share_the_sequence_of_citations():
    """``[^x]`` notes and citations are numbered together, in order of first reference."""
    text = (
        "A[^later]. B[@hinshaw2013]. C[^first]. D[^later].\n\n"
        "[^first]: First defined.\n[^later]: Defined second.\n"
    )
    rendering, page = render(text)
    assert [sup.a.text for sup in page.select("p sup.footnote-ref")] == ["1", "2", "3", "1"]
    assert [a["href"] for a in page.select("li#fn-1 a.footnote-backref")] == ["#fnref-1", "#fnref-1-2"]
    assert notes(page) == ["Defined second.", text_of(soup(SEED_NOTE)), "First defined."]
    assert [(n.number, n.label, n.source_key) for n in rendering.footnotes] == [
        (1, "later", None),
        (2, None, "hinshaw2013"),
        (3, "first", None),
    ]
    assert rendering.footnotes[0].html == "<p>Defined second.</p>"


def test_a_citation_inside_a_footnote_is_written_in_the_note():
    """A plain footnote that cites a source carries the source's note in line, not a note of its own."""
    rendering, page = render("Claim[^n].\n\n[^n]: As argued in [@hinshaw2013].\n")
    assert notes(page) == [text_of(soup("As argued in " + SEED_NOTE + "."))]
    assert (rendering.footnotes[0].source_key, rendering.footnotes[0].source_keys) == (None, ("hinshaw2013",))


def test_an_unknown_key_is_an_error_and_shows_as_unknown():
    """``[@nobody]`` names the key in an error and shows ``[@nobody?]``; no note is made."""
    rendering, page = render("A claim[@nobody, 4] and [see @hinshaw2013; @nobody].")
    assert [span.text for span in page.select("span.citation-unknown")] == [
        "[@nobody?, 4]",
        "[see @hinshaw2013; @nobody?]",
    ]
    assert page.select("section.footnotes") == []
    assert len(rendering.errors) == 1
    assert "@nobody" in rendering.errors[0]


def test_an_unknown_key_in_an_attribution_is_an_error():
    """An excerpt attributed to an unknown key is still an excerpt, its caption flagged."""
    rendering, page = render("> Words.\n>\n> — [@nobody]\n")
    assert page.select_one("figcaption span.citation-unknown").text == "[@nobody?]"
    assert rendering.excerpts[0].source_key == "nobody"
    assert any("@nobody" in error for error in rendering.errors)


def test_footnote_problems_are_errors():
    """A reference with no text, a text with no reference and a label defined twice are reported."""
    rendering, page = render(
        "A[^missing]. B[^twice].\n\n[^twice]: One.\n[^twice]: Two.\n[^orphan]: Nobody.\n"
    )
    assert "[^missing]" in text_of(page.select_one("p"))
    joined = " ".join(rendering.errors)
    assert "“[^missing]” has no text" in joined
    assert "“[^twice]” is defined twice" in joined
    assert "“[^orphan]” is never referred to" in joined
    assert notes(page) == ["One.", "Nobody."]


def test_brackets_that_are_links_are_not_citations():
    """``[@key](url)`` is a link, and a citation inside a link's text stays text."""
    rendering, page = render(
        "[@hinshaw2013](https://example.org/a) and [see [@hinshaw2013]](https://example.org/b)."
    )
    assert [text_of(a) for a in page.select("p > a")] == ["@hinshaw2013", "see [@hinshaw2013]"]
    assert page.select("sup") == []
    assert rendering.footnotes == []


def test_a_source_that_fails_to_format_is_reported():
    """A source whose note() raises is an error naming it, and the page still renders."""

    class Broken:
        key = "broken"
        url = ""

        def note(self, locator="", *, short=False):
            raise ValueError("no title")

        def attribution(self):
            raise ValueError("no authors")

    rendering = render_post("> Words.\n>\n> — [@broken]\n\nAgain[@broken].", {"broken": Broken()})
    assert any("“@broken” could not format its note" in error for error in rendering.errors)
    assert any("“@broken” could not format its attribution" in error for error in rendering.errors)
    assert [note.html for note in rendering.footnotes] == ["[@broken]", "[@broken]"]
