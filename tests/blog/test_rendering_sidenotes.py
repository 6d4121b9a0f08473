"""Sidenotes: each note copied after its references for the margin, the list at the end kept whole."""

from blog.rendering import render_post, without_sidenotes
from tests.blog.rendering_helpers import SEED_NOTE, SOURCES, soup, text_of


def render(text):
    rendering = render_post(text, SOURCES)
    return rendering, soup(rendering.html)


def sidenote_texts(page):
    return [text_of(sidenote) for sidenote in page.select(".sidenote")]


def test_a_citation_has_its_note_right_after_the_reference():
    """The note follows its reference inside the paragraph, numbered, as a labelled note."""
    _rendering, page = render("A claim[@hinshaw2013] and more.")
    reference = page.select_one("p > sup#fnref-1")
    sidenote = reference.find_next_sibling()
    assert sidenote.name == "span" and "sidenote" in sidenote["class"]
    assert (sidenote["role"], sidenote["aria-label"]) == ("note", "Note 1")
    assert sidenote.select_one(".sidenote-number").text == "1"
    assert text_of(sidenote) == "1 " + text_of(soup(SEED_NOTE))
    assert sidenote.next_sibling == " and more."


def test_every_reference_to_a_note_has_it_beside_it():
    """A note referred to twice is beside both references; the list at the end holds it once."""
    _rendering, page = render("One[^a] and two[^a].\n\n[^a]: The note.")
    assert sidenote_texts(page) == ["1 The note.", "1 The note."]
    assert len(page.select("section.footnotes li")) == 1


def test_a_note_of_several_paragraphs_and_a_list_is_phrasing_content():
    """Paragraphs and lists become spans marked by their kind; ids and back-links are left out."""
    _rendering, page = render("Text[^a].\n\n[^a]: First.[^b]\n\n    - one\n    - two\n\n[^b]: Inner.")
    sidenote = page.select_one(".sidenote")
    assert {element.name for element in sidenote.find_all(True)} <= {"span", "sup", "a"}
    assert [span["class"][1] for span in sidenote.select(".sidenote-block")] == [
        "sidenote-p",
        "sidenote-ul",
        "sidenote-li",
        "sidenote-li",
    ]
    assert not sidenote.select("[id]") and not sidenote.select(".footnote-backref")
    assert len(page.select("[id]")) == len({element["id"] for element in page.select("[id]")})


def test_the_number_starts_the_first_paragraph():
    """A plain note's number is inside its first paragraph, not on a line of its own."""
    _rendering, page = render("Text[^a].\n\n[^a]: First paragraph.\n\n    Second.")
    first = page.select_one(".sidenote > .sidenote-p")
    assert first.select_one(".sidenote-number").text == "1"
    assert text_of(first) == "1 First paragraph."


def test_the_list_marks_the_notes_that_have_a_sidenote_and_numbers_every_item():
    """Items with a sidenote are marked ``sidenoted`` (and the list when all are); each has its value."""
    _rendering, page = render("A[^a] and b[^b].\n\n[^a]: One.\n\n[^b]: Two.")
    section = page.select_one("section.footnotes")
    assert section["class"] == ["footnotes", "sidenoted"]
    assert [(item["value"], item["class"]) for item in section.select("ol > li")] == [
        ("1", ["sidenoted"]),
        ("2", ["sidenoted"]),
    ]


def test_notes_called_only_from_a_table_or_a_note_stay_in_the_list():
    """A table cell is a box of its own and a note inside another has no line: those stay at the end."""
    text = (
        "Text[^a].\n\n| a | b |\n|---|---|\n| x[^t] | y |\n\n"
        "[^a]: Calls[^n].\n\n[^t]: In a table.\n\n[^n]: Nested."
    )
    _rendering, page = render(text)
    assert sidenote_texts(page) == ["1 Calls3."]
    section = page.select_one("section.footnotes")
    assert section["class"] == ["footnotes"]
    assert [item.get("class") for item in section.select("ol > li")] == [["sidenoted"], None, None]
    assert [item["value"] for item in section.select("ol > li")] == ["1", "2", "3"]


def test_a_note_holding_a_raw_html_block_stays_in_the_list():
    """A block of raw HTML cannot sit inside a paragraph, so that note gets no sidenote."""
    _rendering, page = render("Text[^a].\n\n[^a]: Before.\n\n    <div>raw</div>\n")
    assert page.select(".sidenote") == []
    assert page.select_one("section.footnotes li").get("class") is None


def test_sidenotes_change_neither_the_word_count_nor_the_stored_notes():
    """The copies come after the outline: counts and notes are those of the text alone."""
    with_notes, _page = render("Three words here[^a].\n\n[^a]: A long note of many words indeed.")
    assert with_notes.word_count == 3
    assert with_notes.footnotes[0].html == "<p>A long note of many words indeed.</p>"


def test_without_sidenotes_leaves_the_text_and_the_list():
    """Feeds and plain text drop the copies, nested spans and all, and keep everything else."""
    rendering, _page = render("A[^a] b[@hinshaw2013] c.\n\n[^a]: One *two*.\n\n    - three")
    html = without_sidenotes(rendering.html)
    page = soup(html)
    assert page.select(".sidenote") == []
    assert text_of(page.select_one("p")) == "A1 b2 c."
    assert len(page.select("section.footnotes > ol > li")) == 2
    assert without_sidenotes("<p>plain</p>") == "<p>plain</p>"


def test_links_showing_their_own_address_are_marked():
    """A link whose text is its address gets ``class="url"`` (print adds other links' addresses)."""
    _rendering, page = render("See <https://example.org/a> and [a label](https://example.org/b).")
    links = page.select("p > a")
    assert [link.get("class") for link in links] == [["url"], None]
