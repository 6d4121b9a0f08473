"""Chicago notes-bibliography for what full records hold: translators, editions, series, report
numbers, theses, and the dates and title markup real records carry (CMOS 17 chapter 14; the 18th
edition keeps these forms)."""

import pytest

from citations import csl
from citations.styles import get_style
from tests.citations.records import person

# These examples are the 17th edition's; test_styles_editions.py has what the 18th changes.
chicago = get_style("chicago-17")


TRANSLATED = {
    "type": "book",
    "title": "In Other Words",
    "author": [person("Jhumpa", "Lahiri")],
    "translator": [person("Ann", "Goldstein")],
    "publisher": "Alfred A. Knopf",
    "publisher-place": "New York",
    "issued": {"date-parts": [["2016"]]},
}
EDITION_IN_SERIES = {
    "type": "book",
    "title": "Social Science Methodology: A Unified Framework",
    "author": [person("John", "Gerring")],
    "edition": "2",
    "collection-title": "Strategies for Social Inquiry",
    "publisher": "Cambridge University Press",
    "publisher-place": "Cambridge",
    "issued": {"date-parts": [[2012]]},
}
REPORT = {
    "type": "report",
    "title": "The Measurement of Household Wealth",
    "author": [person("Arthur B.", "Kennickell")],
    "collection-title": "NBER Working Paper",
    "number": "w12345",
    "publisher": "National Bureau of Economic Research",
    "publisher-place": "Cambridge, MA",
    "issued": {"date-parts": [[2006, 6]]},
}
THESIS = {
    "type": "thesis",
    "title": "The Cultural Life of Cotton",
    "author": [person("Ramona Kathryn", "Dinkelspiel")],
    "genre": "Ph.D. Dissertation",
    "publisher": "University of Chicago",
    "issued": {"date-parts": [[2012, 6]]},
}


@pytest.mark.parametrize(
    ("item", "locator", "note", "entry"),
    [
        (  # 14.103–5: "trans." after the title in a note, "Translated by" in the bibliography
            TRANSLATED,
            "146",
            "Jhumpa Lahiri, <i>In Other Words</i>, trans. Ann Goldstein "
            "(New York: Alfred A. Knopf, 2016), 146.",
            "Lahiri, Jhumpa. <i>In Other Words</i>. Translated by Ann Goldstein. "
            "New York: Alfred A. Knopf, 2016.",
        ),
        (  # 14.112–13 edition after the title; 14.123 the series, roman, before the facts
            EDITION_IN_SERIES,
            "12",
            "John Gerring, <i>Social Science Methodology: A Unified Framework</i>, 2nd ed., Strategies for "
            "Social Inquiry (Cambridge: Cambridge University Press, 2012), 12.",
            "Gerring, John. <i>Social Science Methodology: A Unified Framework</i>. 2nd ed. Strategies for "
            "Social Inquiry. Cambridge: Cambridge University Press, 2012.",
        ),
        (  # 14.123: a report's series and number ("NBER Working Paper w12345")
            REPORT,
            "",
            "Arthur B. Kennickell, <i>The Measurement of Household Wealth</i>, NBER Working Paper w12345 "
            "(Cambridge, MA: National Bureau of Economic Research, June 2006).",
            "Kennickell, Arthur B. <i>The Measurement of Household Wealth</i>. NBER Working Paper w12345. "
            "Cambridge, MA: National Bureau of Economic Research, June 2006.",
        ),
        (  # 14.215: a thesis's title quoted, then "PhD diss.", the university and the year
            THESIS,
            "12",
            "Ramona Kathryn Dinkelspiel, “The Cultural Life of Cotton” (PhD diss., University of Chicago, "
            "2012), 12.",
            "Dinkelspiel, Ramona Kathryn. “The Cultural Life of Cotton.” "
            "PhD diss., University of Chicago, 2012.",
        ),
    ],
)
def test_full_records_take_the_manual_s_forms(item, locator, note, entry):
    """Translator, edition, series, report number and thesis type are placed as the Manual says."""
    assert chicago.note(item, locator) == note
    assert chicago.bibliography(item) == entry


@pytest.mark.parametrize(
    ("edition", "text"),
    [("2", "2nd ed."), ("3", "3rd ed."), ("11", "11th ed."), ("21", "21st ed."), ("Rev.", "Rev. ed."),
     ("2nd ed.", "2nd ed."), ("Revised edition", "Revised ed."), ("Second edition", "2nd ed."),
     ("2nd", "2nd ed."), ("2nd ed", "2nd ed."), ("1st ed..", "1st ed."), ("3rd Edition", "3rd ed."),
     ("1996", "1996 ed."), ("1996 ed.", "1996 ed.")],
)  # fmt: skip
def test_editions_are_abbreviated_as_14_112_shows(edition, text):
    """A bare edition number, "2nd" or an English ordinal spelt out becomes "2nd ed."; other words
    are followed by "ed." once, as real records write it ("1st ed.." from a Mendeley export); a year
    names an edition ("1996 ed.", CMOS 18 14.117's tax reporter), it is no ordinal."""
    assert f"<i>T</i>, {text}" in chicago.note({"type": "book", "title": "T", "edition": edition})


def test_a_master_s_thesis_is_named_so():
    """A master's thesis says "master’s thesis" (14.215), capitalised to open a bibliography sentence."""
    item = {**THESIS, "genre": "Masters Thesis"}
    assert "(master’s thesis, University of Chicago, 2012)" in chicago.note(item)
    assert (
        "“The Cultural Life of Cotton.” Master’s thesis, University of Chicago, 2012."
        in chicago.bibliography(item)
    )


@pytest.mark.parametrize(
    ("issued", "text"),
    [
        ({"date-parts": [[1985]], "season": 1}, "(Spring 1985)"),
        ({"date-parts": [[2005, 21]]}, "(Spring 2005)"),
        ({"date-parts": [[2017, 15], [2017, 16]]}, "(Fall–Winter 2017)"),
        ({"raw": "Spring 2019"}, "(Spring 2019)"),
        ({"date-parts": [[1998], [2001]]}, "(1998–2001)"),
        ({"date-parts": [[1651]], "circa": True}, "(ca. 1651)"),
        ({"literal": "forthcoming"}, "(forthcoming)"),
        ({"literal": "n.d."}, "(n.d.)"),
    ],
)
def test_journal_dates_print_seasons_ranges_circa_and_literals(issued, text):
    """Seasons (14.171), ranges, "ca." (10.48), "forthcoming" (14.145) and "n.d." are printed as such."""
    item = {"type": "article-journal", "title": "T", "container-title": "J", "volume": "24", "issued": issued}
    assert f"<i>J</i> 24 {text}." == chicago.note(item).split("“T,” ", 1)[1]


def test_title_markup_is_formatting_and_a_title_within_an_italic_title_is_nested():
    """<i>, <sub>, <sc> and small-caps spans become HTML; nocase leaves no element; stray tags are text."""
    item = {
        "type": "book",
        "title": 'On <i>Hamlet</i>: H<sub>2</sub>O, <sc>Nasa</sc> & <span class="nocase">iPod</span> <b>',
    }
    assert chicago.note(item) == (
        '<i>On <i>Hamlet</i>: H<sub>2</sub>O, <span class="small-caps">Nasa</span> &amp; iPod &lt;b&gt;</i>'
        " (n.d.)."
    )


def test_spaces_at_a_title_s_ends_are_not_printed_even_inside_its_markup():
    """A Papers export's "{\\textbf{Sketching }}…{\\textbf{ }}" title, read as "<b>Sketching </b>…<b> </b>",
    takes its comma straight after the last word (no space before punctuation, CMOS 6.7)."""
    item = {
        "type": "book",
        "title": "<b>Sketching </b><b>User Experiences</b><b> </b>",
        "collection-title": "Getting the Design Right",
        "author": [person("Bill", "Buxton")],
        "issued": {"date-parts": [[2019]]},
    }
    item = csl.as_text(item)  # the record as a source's page reads it
    note = chicago.note(item)
    assert note.startswith("Bill Buxton, <i><b>Sketching </b><b>User Experiences</b><b></b></i>, Getting")
    assert " ," not in note and " ." not in chicago.bibliography(item)


def test_a_catalogue_s_closing_marks_after_place_and_publisher_are_left_out():
    """Library catalogues (MARC) end a place with " :" and a publisher with ",", the punctuation that
    joined them to the next field; the note prints the Manual's "(Seattle: University of Washington
    Press, 2011)" (14.30), never "Seattle :: …,, 2011"."""
    item = {
        "type": "book",
        "title": "Iceland Imagined",
        "author": [person("Karen", "Oslund")],
        "publisher-place": "Seattle :",
        "publisher": "University of Washington Press,",
        "issued": {"date-parts": [[2011]]},
    }
    item = csl.as_text(item)  # the record as a source's page reads it
    assert chicago.note(item) == (
        "Karen Oslund, <i>Iceland Imagined</i> (Seattle: University of Washington Press, 2011)."
    )
    assert chicago.bibliography(item).endswith("Seattle: University of Washington Press, 2011.")


def test_variables_a_record_keeps_in_its_note_are_read_as_its_own():
    """Zotero's "Extra" convention, which citeproc-js and Pandoc read: one CSL variable a line,
    any case, names as "Family || Given"; the record's own values win, and other lines stay."""
    record = {
        "type": "book",
        "title": "Prairie State",
        "author": [person("Paul M.", "Angle")],
        "publisher": "University of Chicago Press",
        "note": "OCLC: 429217\nTranslator: Goldstein || Ann\npublisher: Elsewhere\nissued: 1968\n"
        "type: classic",
    }
    item = csl.as_text(record)
    assert item["note"] == "OCLC: 429217\ntype: classic"
    assert chicago.bibliography(item) == (
        "Angle, Paul M. <i>Prairie State</i>. Translated by Ann Goldstein. University of Chicago Press, 1968."
    )


def test_a_note_line_that_names_no_variable_is_left_alone():
    found, rest = csl.note_variables("Reprinted: often\nnumber:\n" + "x: y" * 10_000)
    assert found == {}
    assert rest.startswith("Reprinted: often\nnumber:")
