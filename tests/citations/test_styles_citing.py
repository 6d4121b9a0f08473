"""How Chicago prints what Pandoc's citation syntax asks: locator labels, a suppressed author, the
author named in the text (CMOS 17 14.1–14.30 on notes; locator abbreviations as CMOS 10.43 lists them)."""

import pytest

from citations.styles import chicago, get_style

BOOK = {
    "type": "book",
    "title": "The Chicago Manual of Style",
    "author": [{"given": "Jane", "family": "Doe"}, {"given": "Ann", "family": "Roe"}],
    "publisher-place": "Chicago",
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[2017]]},
}
ANONYMOUS = {"type": "book", "title": "Beowulf", "issued": {"date-parts": [[1999]]}}


@pytest.mark.parametrize(
    ("label", "value", "printed"),
    [
        ("page", "33", "33."),
        ("page", "321-328", "321–28."),
        ("chapter", "2", "chap. 2."),
        ("chapter", "2-4", "chaps. 2–4."),
        ("section", "4, 6", "secs. 4, 6."),
        ("sub verbo", "“liberty”", "s.v. “liberty.”"),
        ("note", "12", "n. 12."),
        ("line", "20-25", "ll. 20–25."),
        ("volume", "2", "vol. 2."),
        ("paragraph", "4", "para. 4."),
        ("figure", "1", "fig. 1."),
        ("issue", "4", "no. 4."),
    ],
)
def test_a_locator_is_printed_with_its_abbreviated_label(label, value, printed):
    """Pages are bare numbers (14.20); other locators take their abbreviation, plural for several;
    the closing period goes inside quotation marks (6.9)."""
    note = chicago.note(BOOK, value, short=True, label=label)
    assert note == f"Doe and Roe, <i>Chicago Manual of Style</i>, {printed}"


def test_suppress_author_leaves_the_names_out_of_full_and_short_notes():
    """With the author named in the text, the note starts at the title."""
    assert chicago.note(BOOK, "5", suppress_author=True) == (
        "<i>The Chicago Manual of Style</i> (University of Chicago Press, 2017), 5."
    )
    assert chicago.note(BOOK, "5", short=True, suppress_author=True) == "<i>Chicago Manual of Style</i>, 5."


def test_narrative_names_the_authors_in_full_then_by_surname():
    """The text names authors in full at first mention and by surname after, as a note does (14.29)."""
    assert chicago.narrative(BOOK) == "Jane Doe and Ann Roe"
    assert chicago.narrative(BOOK, short=True) == "Doe and Roe"


def test_narrative_of_a_work_without_author_names_its_title():
    """A work with no author or editor is named in the text by its title, short after the first time."""
    assert chicago.narrative(ANONYMOUS) == "<i>Beowulf</i>"


def test_the_style_wrapper_passes_label_and_suppression_through():
    """``get_style()`` returns safe strings with the label and suppression applied."""
    style = get_style("chicago-18")
    assert style.note(BOOK, "2", short=True, label="chapter", suppress_author=True) == (
        "<i>Chicago Manual of Style</i>, chap. 2."
    )
    assert style.narrative(BOOK, short=True) == "Doe and Roe"
