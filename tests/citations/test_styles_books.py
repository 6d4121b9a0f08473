"""Chicago notes-bibliography for books, their parts, reference entries and unpublished papers, as the
18th edition's examples show them (CMOS 18 14.5–14.58, 14.76, 14.115–14.116, 14.130–14.132, 14.155;
the records are those of ``bench/data/cmos18-examples.json``, cut to what each rule reads)."""

import re

import pytest

from citations import csl
from citations.styles import get_style
from tests.citations.records import person

chicago = get_style("chicago-18")
chicago_17 = get_style("chicago-17")


def text(html):
    return re.sub(r"<[^>]+>", "", html)


def forms(record, style=chicago):
    """(full note, short note, bibliography entry) as text, the record read as the site reads it."""
    item = csl.as_text(record)
    return text(style.note(item)), text(style.note(item, short=True)), text(style.bibliography(item))


def test_a_compiler_stands_in_the_author_s_place():
    """18th 14.5: "Rosemary Gray, comp., <i>London</i>" (the record's note holds Zotero's "compiler:")."""
    record = {
        "type": "book",
        "title": "London: An Illustrated Literary Companion",
        "title-short": "London",
        "note": "compiler: Gray || Rosemary",
        "publisher": "Macmillan Collector's Library",
        "issued": {"date-parts": [[2017]]},
    }
    full, short, entry = forms(record)
    assert (
        full
        == "Rosemary Gray, comp., London: An Illustrated Literary Companion (Macmillan Collector’s Library,"
        " 2017)."
    )
    assert short == "Gray, London."
    assert (
        entry
        == "Gray, Rosemary, comp. London: An Illustrated Literary Companion. Macmillan Collector’s Library,"
        " 2017."
    )


PAPERS_OF_KING = {
    "type": "book",
    "title": "The Papers of Martin Luther King, Jr.",
    "title-short": "Papers of Martin Luther King, Jr.",
    "volume": "7",
    "volume-title": "To Save the Soul of America, January 1961–August 1962",
    "collection-editor": [person("Clayborne", "Carson")],
    "editor": [person("Tenisha", "Armstrong")],
    "publisher": "University of California Press",
    "issued": {"date-parts": [[2014]]},
}


def test_a_multivolume_work_s_general_editor_stands_in_the_author_s_place_the_volume_s_follows_it():
    """18th 14.21: the work listed under its general editor; the volume's editor after the volume."""
    full, short, entry = forms(PAPERS_OF_KING)
    assert full == (
        "Clayborne Carson, ed., The Papers of Martin Luther King, Jr., vol. 7, To Save the Soul of America,"
        " January 1961–August 1962, ed. Tenisha Armstrong (University of California Press, 2014)."
    )
    assert short == "Carson, Papers of Martin Luther King, Jr., vol. 7."
    assert entry == (
        "Carson, Clayborne, ed. The Papers of Martin Luther King, Jr. Vol. 7, To Save the Soul of America,"
        " January 1961–August 1962, edited by Tenisha Armstrong. University of California Press, 2014."
    )


def test_a_general_editor_follows_the_author_s_title_and_a_multivolume_work_counts_its_volumes():
    """18th 14.19 and 14.24: "ed. Leon Edel" after the general title; the work cited whole, "12 vols."."""
    record = {
        "type": "book",
        "title": "The Complete Tales of Henry James",
        "author": [person("Henry", "James")],
        "collection-editor": [person("Leon", "Edel")],
        "number-of-volumes": "12",
        "publisher": "Rupert Hart-Davis",
        "issued": {"date-parts": [[1962], [1964]]},
    }
    full, _short, entry = forms(record)
    assert (
        full
        == "Henry James, The Complete Tales of Henry James, ed. Leon Edel (Rupert Hart-Davis, 1962–1964)."
    )
    assert entry == (
        "James, Henry. The Complete Tales of Henry James. Edited by Leon Edel. 12 vols. Rupert Hart-Davis,"
        " 1962–1964."
    )
    assert "vols." not in forms({**record, "volume": "5"})[2]  # one volume cited: "Vol. 5"


def test_a_series_editor_follows_the_series():
    """18th 14.25: "Women in Culture and Society, ed. Catharine R. Stimpson"; a series numbered as a
    journal is, "Middle American Research Records, vol. 1, no. 14"."""
    record = {
        "type": "book",
        "title": "The Feminism of Charlotte Perkins Gilman",
        "author": [person("Judith A.", "Allen")],
        "collection-title": "Women in Culture and Society",
        "collection-editor": [person("Catharine R.", "Stimpson")],
        "publisher": "University of Chicago Press",
        "issued": {"date-parts": [[2009]]},
    }
    assert forms(record)[0] == (
        "Judith A. Allen, The Feminism of Charlotte Perkins Gilman, Women in Culture and Society, ed."
        " Catharine R. Stimpson (University of Chicago Press, 2009)."
    )
    numbered = {**record, "collection-editor": [], "collection-title": "Middle American Research Records"}
    numbered |= {"collection-number": "1", "note": "issue: 14"}
    assert "Middle American Research Records, vol. 1, no. 14 (" in forms(numbered)[0]


def test_the_same_people_edit_and_translate_and_an_illustrator_is_named():
    """18th 14.6: "ed. and trans. G. P. Goold", "Edited and translated by"; "ill. Tanya Gupta"."""
    record = {
        "type": "book",
        "title": "Elegies",
        "author": [{"literal": "Propertius"}],
        "editor": [person("G. P.", "Goold")],
        "translator": [person("G. P.", "Goold")],
        "note": "illustrator: Gupta || Tanya",
        "publisher": "Harvard University Press",
        "issued": {"date-parts": [[1990]]},
    }
    full, _short, entry = forms(record)
    assert (
        full == "Propertius, Elegies, ed. and trans. G. P. Goold, ill. Tanya Gupta (Harvard University Press,"
        " 1990)."
    )
    assert entry == (
        "Propertius. Elegies. Edited and translated by G. P. Goold. Illustrated by Tanya Gupta. Harvard"
        " University Press, 1990."
    )


def test_an_audiobook_names_its_narrator_and_running_time():
    """18th 14.58: "narrated by the author (Random House Audio, 2018), 19 hr., 4 min."."""
    record = {
        "type": "book",
        "title": "Becoming",
        "author": [person("Michelle", "Obama")],
        "note": "narrator: the author\ndimensions: 19 hr., 4 min.",
        "publisher": "Random House Audio",
        "issued": {"date-parts": [[2018]]},
    }
    full, _short, entry = forms(record)
    assert (
        full == "Michelle Obama, Becoming, narrated by the author (Random House Audio, 2018), 19 hr., 4 min."
    )
    assert (
        entry == "Obama, Michelle. Becoming. Narrated by the author. Random House Audio, 2018. 19 hr., 4 min."
    )


INVISIBLE_MAN = {
    "type": "book",
    "title": "Invisible Man",
    "author": [person("Ralph", "Ellison")],
    "original-publisher": "Random House",
    "original-publisher-place": "New York",
    "original-date": {"date-parts": [[1952]]},
    "publisher": "Vintage Books",
    "publisher-place": "New York",
    "issued": {"date-parts": [[1995]]},
}


def test_a_reprint_gives_its_first_publication_first():
    """18th 14.16: "(Random House, 1952; repr., Vintage Books, 1995)", "Reprint, …" in a bibliography;
    the 17th with the places (14.114)."""
    full, _short, entry = forms(INVISIBLE_MAN)
    assert full == "Ralph Ellison, Invisible Man (Random House, 1952; repr., Vintage Books, 1995)."
    assert entry == "Ellison, Ralph. Invisible Man. Random House, 1952. Reprint, Vintage Books, 1995."
    assert forms(INVISIBLE_MAN, chicago_17)[0] == (
        "Ralph Ellison, Invisible Man (New York: Random House, 1952; repr., New York: Vintage Books, 1995)."
    )


def test_a_translation_names_the_title_it_was_first_published_under():
    """18th 13.101: "originally published as <i>Hisoyaka na kesshō</i> (Kodansha, 1994)", the title as
    its language writes it."""
    record = {
        "type": "book",
        "title": "The Memory Police",
        "author": [person("Yoko", "Ogawa")],
        "translator": [person("Stephen", "Snyder")],
        "note": "original-title: Hisoyaka na kesshō",
        "original-publisher": "Kodansha",
        "original-date": {"date-parts": [[1994]]},
        "publisher": "Vintage Books",
        "issued": {"date-parts": [[2020]]},
    }
    full, _short, entry = forms(record)
    assert full == (
        "Yoko Ogawa, The Memory Police, trans. Stephen Snyder (Vintage Books, 2020; originally published as"
        " Hisoyaka na kesshō (Kodansha, 1994))."
    )
    assert entry.endswith("Vintage Books, 2020. Originally published as Hisoyaka na kesshō (Kodansha, 1994).")


def test_a_forthcoming_work_says_so_in_the_date_s_place():
    """18th 14.45: "(Publisher, forthcoming)", a book's and a chapter's."""
    book = {"type": "book", "title": "Book title", "author": [person("Jane Q.", "Author")]}
    book |= {"publisher": "Publisher", "note": "status: forthcoming"}
    assert forms(book)[0] == "Jane Q. Author, Book Title (Publisher, forthcoming)."
    chapter = {**book, "type": "chapter", "title": "Contribution", "container-title": "Edited volume"}
    assert forms(chapter)[2].endswith("In Edited Volume. Publisher, forthcoming.")


def test_the_18th_names_the_place_of_a_book_whose_publisher_is_unknown():
    """18th 14.44 and 14.31: "(Boston, n.d.)", "(Brooklyn, 1855)"; a publisher's name, quotation marks
    and all, as printed (6.9): "Izdatel’stvo “Nauka,” 1977"."""
    record = {"type": "book", "title": "Title of second work", "author": [person("John", "Smith")]}
    record["publisher-place"] = "Boston"
    assert forms(record)[0] == "John Smith, Title of Second Work (Boston, n.d.)."
    named = {**record, "publisher": 'Izdatel’stvo "Nauka"', "issued": {"date-parts": [[1977]]}}
    assert forms(named)[0] == "John Smith, Title of Second Work (Izdatel’stvo “Nauka,” 1977)."


def test_a_foreword_is_cited_by_what_it_is_and_the_book_by_its_author():
    """18th 14.12: "Harvey C. Mansfield and Delba Winthrop, introduction to <i>Democracy in America</i>,
    by Alexis de Tocqueville, ed. and trans. …"; the bibliography sets the book's author apart."""
    record = {
        "type": "chapter",
        "author": [person("Harvey C.", "Mansfield"), person("Delba", "Winthrop")],
        "container-title": "Democracy in America",
        "container-author": [person("Alexis", "Tocqueville", **{"dropping-particle": "de"})],
        "editor": [person("Harvey C.", "Mansfield"), person("Delba", "Winthrop")],
        "translator": [person("Harvey C.", "Mansfield"), person("Delba", "Winthrop")],
        "note": "genre: introduction",
        "publisher": "University of Chicago Press",
        "issued": {"date-parts": [[2000]]},
    }
    full, _short, entry = forms(record)
    assert full == (
        "Harvey C. Mansfield and Delba Winthrop, introduction to Democracy in America, by Alexis de"
        " Tocqueville, ed. and trans. Harvey C. Mansfield and Delba Winthrop (University of Chicago Press,"
        " 2000)."
    )
    assert entry == (
        "Mansfield, Harvey C., and Delba Winthrop. Introduction to Democracy in America, by Alexis de"
        " Tocqueville. Edited and translated by Harvey C. Mansfield and Delba Winthrop. University of Chicago"
        " Press, 2000."
    )


def test_a_work_published_in_another_is_cited_as_a_part_of_it():
    """18th 14.11: "<i>A Party for Boris</i>, in <i>Histrionics: Three Plays</i>, trans. …"; 18th 14.24: a
    chapter in one volume, "in <i>The Cambridge History…</i>, ed. Mark Philip Bradley, vol. 3,
    <i>1900–1945</i>, ed. Brooke L. Blower and Andrew Preston"."""
    play = {
        "type": "book",
        "title": "A Party for Boris",
        "author": [person("Thomas", "Bernhard")],
        "note": "container-title: Histrionics: Three Plays",
        "translator": [person("Peter", "Jansen")],
        "publisher": "University of Chicago Press",
        "issued": {"date-parts": [[1990]]},
    }
    assert forms(play)[0] == (
        "Thomas Bernhard, A Party for Boris, in Histrionics: Three Plays, trans. Peter Jansen (University of"
        " Chicago Press, 1990)."
    )
    chapter = {
        "type": "chapter",
        "title": "Worlds of International Development",
        "author": [person("David", "Ekbladh")],
        "container-title": "The Cambridge History of America and the World",
        "volume": "3",
        "note": "volume-title: 1900–1945",
        "collection-editor": [person("Mark Philip", "Bradley")],
        "editor": [person("Brooke L.", "Blower"), person("Andrew", "Preston")],
        "publisher": "Cambridge University Press",
        "issued": {"date-parts": [[2021]]},
    }
    assert forms(chapter)[0] == (
        "David Ekbladh, “Worlds of International Development,” in The Cambridge History of America and the"
        " World, ed. Mark Philip Bradley, vol. 3, 1900–1945, ed. Brooke L. Blower and Andrew Preston"
        " (Cambridge University Press, 2021)."
    )


def test_an_editor_cited_for_another_s_book_names_its_author_after_the_title():
    """18th 14.6: "T. S. Eliot, ed., <i>Literary Essays</i>, by Ezra Pound"."""
    record = {
        "type": "book",
        "title": "Literary essays",
        "editor": [person("T. S.", "Eliot")],
        "note": "container-author: Pound || Ezra",
        "publisher": "New Directions",
        "issued": {"date-parts": [[1968]]},
    }
    full, _short, entry = forms(record)
    assert full == "T. S. Eliot, ed., Literary Essays, by Ezra Pound (New Directions, 1968)."
    assert entry == "Eliot, T. S., ed. Literary Essays. By Ezra Pound. New Directions, 1968."


def test_a_score_is_described_after_its_title_and_a_distributor_closes_the_entry():
    """18th 14.155: "<i>Il corsaro</i> (<i>melodramma tragico</i> in three acts)"; 18th 14.40: "Distributed
    by the University of Virginia Press." after the facts of publication."""
    record = {
        "type": "book",
        "title": "Il corsaro",
        "language": "it",
        "author": [person("Giuseppe", "Verdi")],
        "genre": "<i>melodramma tragico</i> in three acts",
        "note": "references: Distributed by the University of Virginia Press",
        "publisher": "University of Chicago Press",
        "issued": {"date-parts": [[1998]]},
    }
    full, _short, entry = forms(record)
    assert (
        full == "Giuseppe Verdi, Il corsaro (melodramma tragico in three acts) (University of Chicago Press,"
        " 1998)."
    )
    assert entry.endswith(
        "University of Chicago Press, 1998. Distributed by the University of Virginia Press."
    )


def test_a_name_s_suffix_held_after_a_comma_follows_the_name():
    """18th 14.38 (and 13.78): "Henry Louis Gates Jr.", from Zotero's "Henry Louis, Jr."."""
    record = {"type": "book", "title": "Who’s Black and Why?", "publisher": "Belknap Press"}
    record |= {"author": [person("Henry Louis, Jr.", "Gates")], "issued": {"date-parts": [[2022]]}}
    full, short, entry = forms(record)
    assert full.startswith("Henry Louis Gates Jr., Who’s Black and Why?")
    assert short.startswith("Gates, ")
    assert entry.startswith("Gates, Henry Louis, Jr. Who’s Black and Why?")


ENCYCLOPAEDIA = {
    "type": "entry-encyclopedia",
    "title": "salvation",
    "container-title": "Encyclopaedia Britannica",
    "edition": "15",
    "issued": {"date-parts": [[1980]]},
}


def test_an_unsigned_entry_in_a_printed_reference_work_is_cited_under_its_heading():
    """18th 14.130: "<i>Encyclopaedia Britannica</i>, 15th ed. (1980), under “salvation.”"; the 17th's
    "s.v." (14.232)."""
    full, short, _entry = forms(ENCYCLOPAEDIA)
    assert full == "Encyclopaedia Britannica, 15th ed. (1980), under “salvation.”"
    assert short == "Encyclopaedia Britannica, under “salvation.”"
    assert (
        forms(ENCYCLOPAEDIA, chicago_17)[0] == "Encyclopaedia Britannica, 15th ed. (1980), s.v. “salvation.”"
    )


def test_an_entry_online_is_dated_in_full_as_its_page_dates_it():
    """18th 14.131: "“Hootenanny, n.,” in <i>Oxford English Dictionary</i>, last modified June 2025";
    undated, by when it was seen, "accessed February 8, 2024"; a signed entry's publisher in
    parentheses with the whole date (14.132)."""
    record = {
        "type": "entry-dictionary",
        "title": "hootenanny, n.",
        "container-title": "Oxford English Dictionary",
        "DOI": "10.1093/OED/7402752672",
        "note": "status: last modified",
        "issued": {"date-parts": [[2025, 6]]},
    }
    full, _short, entry = forms(record)
    assert full == (
        "“Hootenanny, n.,” in Oxford English Dictionary, last modified June 2025, https://doi.org/10.1093/OED/7402752672."
    )
    assert "Last modified June 2025." in entry
    undated = {**record, "note": "", "issued": None, "accessed": {"date-parts": [[2024, 2, 8]]}}
    assert ", accessed February 8, 2024, https://" in forms(undated)[0]
    signed = {**record, "author": [person("Marcello", "Piras")], "publisher": "Oxford University Press"}
    signed |= {"note": "", "issued": {"date-parts": [[2013, 10, 16]]}}
    assert "(Oxford University Press, October 16, 2013)" in forms(signed)[0]


def test_a_preprint_names_its_repository_and_a_working_paper_what_it_is():
    """18th 14.76: "“Title,” PsyArXiv, September 4, 2022"; 18th 14.116: "working paper 2022-120 (Becker
    Friedman Institute…, August 30, 2022)"."""
    preprint = {
        "type": "article",
        "title": "The influence of auditory processing difficulties on perceptual learning",
        "author": [person("Kathy", "Fiallo")],
        "publisher": "PsyArXiv",
        "issued": {"date-parts": [[2022, 9, 4]]},
    }
    assert forms(preprint)[0] == (
        "Kathy Fiallo, “The Influence of Auditory Processing Difficulties on Perceptual Learning,” PsyArXiv,"
        " September 4, 2022."
    )
    paper = {
        **preprint,
        "genre": "working paper",
        "number": "2022-120",
        "publisher": "Becker Friedman Institute",
    }
    full, _short, entry = forms(paper)
    assert full.endswith("Learning,” working paper 2022-120 (Becker Friedman Institute, September 4, 2022).")
    assert entry.endswith("Learning.” Working paper 2022-120. Becker Friedman Institute, September 4, 2022.")


@pytest.mark.parametrize("style", [chicago, chicago_17])
def test_a_paper_given_at_a_meeting_says_where(style):
    """18th 14.115 (17th 14.217): "paper presented at the Society for Cinema and Media Studies annual
    conference (virtual), March 20, 2021"."""
    record = {
        "type": "paper-conference",
        "title": "Documentary operationality: beyond representation",
        "author": [person("Toby", "Lee")],
        "event-title": "the Society for Cinema and Media Studies annual conference (virtual)",
        "issued": {"date-parts": [[2021, 3, 20]]},
    }
    assert forms(record, style)[0] == (
        "Toby Lee, “Documentary Operationality: Beyond Representation,” paper presented at the Society for"
        " Cinema and Media Studies annual conference (virtual), March 20, 2021."
    )


OTHELLO = {
    "type": "book",
    "title": "Othello",
    "author": [person("William", "Shakespeare")],
    "editor": [person("Stanley", "Wells"), person("Gary", "Taylor"), person("John", "Jowett")],
    "edition": "2",
    "publisher": "Clarendon Press",
    "publisher-place": "Oxford",
    "issued": {"date-parts": [[2005]]},
}


def test_the_18th_names_a_book_s_edition_before_its_editors():
    """18th 14.2 and 14.15, as CSL styles PR #7424 gives the 18th's order of a book's elements ("author,
    title, edition, editor/translator, volume, series, facts of publication") and its 14.15 ("edition
    placement to appear before contributors"): "<i>Othello</i>, 2nd ed., ed. Stanley Wells et al."."""
    full, _short, entry = forms(OTHELLO)
    assert full == "William Shakespeare, Othello, 2nd ed., ed. Stanley Wells et al. (Clarendon Press, 2005)."
    assert entry == (
        "Shakespeare, William. Othello. 2nd ed. Edited by Stanley Wells, Gary Taylor, and John Jowett."
        " Clarendon Press, 2005."
    )


def test_the_17th_names_a_book_s_editors_before_its_edition():
    """17th 14.100's order of elements, editor before edition, as the official 17th style printed it before
    PR #7424: "<i>Othello</i>, ed. Stanley Wells, Gary Taylor, and John Jowett, 2nd ed."."""
    full, _short, entry = forms(OTHELLO, chicago_17)
    assert full == (
        "William Shakespeare, Othello, ed. Stanley Wells, Gary Taylor, and John Jowett, 2nd ed. (Oxford:"
        " Clarendon Press, 2005)."
    )
    assert "Edited by Stanley Wells, Gary Taylor, and John Jowett. 2nd ed. Oxford" in entry


def test_an_edition_statement_naming_the_edition_is_not_given_a_second_ed():
    """Windy City's swanson1999 (CMOS 17 14.113, ``edition = {updated edition by Arlene O'Sean and
    Antoinette Schleyer}``): a statement that already says "edition" is printed as written, not
    followed by "ed." ("… Schleyer ed."); "Revised edition" is still "Revised ed."."""
    book = {
        "type": "book",
        "title": "Mathematics into Type",
        "author": [person("Ellen", "Swanson")],
        "edition": "updated edition by Arlene O’Sean and Antoinette Schleyer",
        "publisher": "American Mathematical Society",
        "publisher-place": "Providence, RI",
        "issued": {"date-parts": [[1999]]},
    }
    assert chicago_17.note(book) == (
        "Ellen Swanson, <i>Mathematics into Type</i>, updated edition by Arlene O’Sean and Antoinette "
        "Schleyer (Providence, RI: American Mathematical Society, 1999)."
    )
    assert "<i>T</i>, Revised ed." in chicago_17.note(
        {"type": "book", "title": "T", "edition": "Revised edition"}
    )


def test_a_publisher_ending_in_an_escaped_character_keeps_it_whole():
    """A piece ending in "&", "<" or ">" ends in an HTML entity ("&amp;"), whose semicolon is not the
    piece's punctuation for a comma or period to replace: "Smith &amp;." would otherwise show "&amp"."""
    entry = chicago_17.bibliography(
        {"type": "webpage", "title": "T", "publisher": "Smith <", "URL": "https://example.org/"}
    )
    assert entry.startswith("Smith &lt;. “T.”")
