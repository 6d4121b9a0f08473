"""Letters, manuscripts, archival collections and documents, software, data sets, standards, theses
and reports in the Chicago style: the full note, the short note and the bibliography entry, type by
type.

The records are the 18th edition's examples as the Citum project's library holds them
(bench/data/cmos18-examples.json, its ``license`` naming the section). "Quoted" marks a form the
Manual prints (the 17th's notes on manuscript collections, 14.229, as Turabian's Manual repeats
them); otherwise the form follows the section's rule and the 18th's Chicago CSL style, which cites
the section in its comments.
"""

import pytest

from citations import csl
from citations.styles import get_style
from tests.citations.records import link, person

EDITIONS = {17: get_style("chicago-17"), 18: get_style("chicago-18")}
BOTH = pytest.mark.parametrize("edition", [17, 18])

TELEGRAM = {
    "type": "personal_communication",
    "genre": "telegram",
    "author": [{"family": "Burton"}],
    "recipient": [{"family": "Merriam"}],
    "issued": {"date-parts": [[1923, 1, 26]]},
    "archive_location": "box 26, folder 17",
    "archive_collection": "Charles E. Merriam Papers",
    "archive": "Special Collections Research Center, University of Chicago Library",
}
CREEL = {
    "type": "personal_communication",
    "author": [person("George", "Creel")],
    "recipient": [person("Edward M.", "House")],
    "issued": {"date-parts": [[1918, 9, 25]]},
    "archive_collection": "Edward M. House Papers",
    "archive": "Yale University Library",
}
EMAIL = {
    "type": "personal_communication",
    "genre": "email message",
    "author": [person("Jane E.", "Correspondent")],
    "recipient": [{"literal": "author"}],
    "issued": {"date-parts": [[2024, 4, 23]]},
}
ADAMS = {
    "type": "personal_communication",
    "author": [person("Henry", "Adams")],
    "recipient": [person("Charles Milnes", "Gaskell")],
    "event-place": "Baden",
    "event-date": {"date-parts": [[1867, 9, 22]]},
    "container-title": "Letters of Henry Adams (1858–1891)",
    "collection-editor": [person("Worthington Chauncey", "Ford")],
    "publisher": "Houghton Mifflin",
    "publisher-place": "Boston",
    "issued": {"date-parts": [[1930]]},
}
PURCELL = {
    "type": "document",
    "title": "A map of the Southern Indian District of North America",
    "author": [person("Joseph", "Purcell")],
    "issued": "1772?",
    "archive_location": "MS 228",
    "archive_collection": "Ayer Collection",
    "archive": "Newberry Library",
    "archive-place": "Chicago",
}
KALLEN = {
    "type": "manuscript",
    "note": "type: collection",
    "title": "Papers",
    "author": [person("Horace", "Kallen")],
    "archive": "YIVO Institute for Jewish Research",
    "archive-place": "New York",
}


@BOTH
def test_a_letter_in_a_collection_names_writer_recipient_date_then_the_particular_first(edition):
    """18th 14.127 (17th 14.232, quoted): "George Creel to Edward M. House, September 25, 1918, Edward
    M. House Papers, Yale University Library"; a telegram says what it is, after its recipient's
    name in the 18th's form ("telegram to Merriam", the 18th's CSL style), then the box and folder."""
    chicago = EDITIONS[edition]
    assert chicago.note(CREEL) == (
        "George Creel to Edward M. House, September 25, 1918, Edward M. House Papers, "
        "Yale University Library."
    )
    assert chicago.note(CREEL, short=True) == "Creel to House, September 25, 1918."
    assert chicago.note(TELEGRAM) == (
        "Burton, telegram to Merriam, January 26, 1923, box 26, folder 17, Charles E. Merriam Papers, "
        "Special Collections Research Center, University of Chicago Library."
    )
    assert chicago.bibliography(TELEGRAM) == (
        "Burton. Telegram to Merriam. January 26, 1923. Box 26, folder 17. Charles E. Merriam Papers. "
        "Special Collections Research Center, University of Chicago Library."
    )


@BOTH
def test_a_personal_communication_says_what_it_was_and_to_whom(edition):
    """18th 14.111: "Jane E. Correspondent, email message to author, April 23, 2024."; with no date and
    nowhere to consult it, no "n.d." either."""
    chicago = EDITIONS[edition]
    assert chicago.note(EMAIL) == "Jane E. Correspondent, email message to author, April 23, 2024."
    assert chicago.note(EMAIL, short=True) == "Correspondent, email message to author, April 23, 2024."
    undated = {"type": "personal_communication", "author": [person("John", "Smith")]}
    assert chicago.note(undated) == "John Smith."


@BOTH
def test_a_letter_in_a_published_collection_is_dated_by_the_letter_then_the_book(edition):
    """18th 14.13 (17th 14.111): "Henry Adams to Charles Milnes Gaskell, Baden, September 22, 1867, in
    <i>Letters of Henry Adams</i>, ed. Worthington Chauncey Ford …"; the short note "Adams to Gaskell,
    Baden, September 22, 1867" (the 18th's CSL style, citing 14.13)."""
    chicago = EDITIONS[edition]
    facts = "Boston: Houghton Mifflin, 1930" if edition == 17 else "Houghton Mifflin, 1930"
    assert chicago.note(ADAMS, "133") == (
        "Henry Adams to Charles Milnes Gaskell, Baden, September 22, 1867, in <i>Letters of Henry Adams "
        f"(1858–1891)</i>, ed. Worthington Chauncey Ford ({facts}), 133."
    )
    assert chicago.note(ADAMS, short=True) == "Adams to Gaskell, Baden, September 22, 1867."


@BOTH
def test_a_guessed_at_date_is_bracketed_with_a_question_mark_after_the_title(edition):
    """18th 14.44, 14.127 (17th 14.232, quoted with "[ca. 1772]"): "Joseph Purcell, “A Map of the
    Southern Indian District of North America” [1772?], MS 228, Ayer Collection, Newberry Library,
    Chicago" — EDTF's "1772?" is a guess; "1772~" stays "ca. 1772"."""
    chicago = EDITIONS[edition]
    assert chicago.note(PURCELL) == (
        "Joseph Purcell, “A Map of the Southern Indian District of North America” [1772?], MS 228, "
        "Ayer Collection, Newberry Library, Chicago."
    )
    assert "“A Map of the Southern Indian District of North America,” ca. 1772, MS 228" in chicago.note(
        {**PURCELL, "issued": "1772~"}
    )


@BOTH
def test_a_collection_is_named_roman_and_undated(edition):
    """18th 14.120, 14.128 (17th 14.232, quoted): "Kallen, Horace. Papers. YIVO Institute for Jewish
    Research, New York." — a collection's name is neither quoted nor italic, and takes no "n.d."."""
    chicago = EDITIONS[edition]
    assert (
        chicago.bibliography(KALLEN)
        == "Kallen, Horace. Papers. YIVO Institute for Jewish Research, New York."
    )
    assert chicago.note(KALLEN) == "Horace Kallen, Papers, YIVO Institute for Jewish Research, New York."


@BOTH
def test_an_item_described_by_its_genre_gives_its_status_before_its_date(edition):
    """18th 14.118 (the 16th's example): "Samuel Henshaw, will dated June 5, 1806, proved July 5, 1809,
    no. 46, box 70, Hampshire County Registry of Probate, Northampton, MA"; an unsigned memorandum's
    genre opens the note (17th 14.229, quoted: "Memorandum, “Concerning a Court of Arbitration,”
    n.d., Philander C. Knox Papers, Manuscripts Division, Library of Congress")."""
    chicago = EDITIONS[edition]
    will = {
        "type": "document",
        "genre": "will dated June 5, 1806",
        "status": "proved",
        "author": [person("Samuel", "Henshaw")],
        "issued": {"date-parts": [[1809, 7, 5]]},
        "archive_location": "no. 46, box 70",
        "archive": "Hampshire County Registry of Probate",
        "archive-place": "Northampton, MA",
    }
    assert chicago.note(will) == (
        "Samuel Henshaw, will dated June 5, 1806, proved July 5, 1809, no. 46, box 70, Hampshire County "
        "Registry of Probate, Northampton, MA."
    )
    memorandum = {
        "type": "document",
        "genre": "memorandum",
        "title": "Concerning a court of arbitration",
        "archive_collection": "Philander C. Knox Papers, Manuscripts Division",
        "archive": "Library of Congress",
    }
    assert chicago.note(memorandum) == (
        "Memorandum, “Concerning a Court of Arbitration,” n.d., Philander C. Knox Papers, Manuscripts "
        "Division, Library of Congress."
    )


def test_a_record_keeps_its_archival_variables_in_its_note():
    """Zotero's Extra: "archive_collection:", "archive-place:" and "issued: 1761/1797" lines are read
    (18th 14.120: "Revere’s Waste and Memoranda Book …, 1761–1797, Revere Family Papers,
    Massachusetts Historical Society, Boston")."""
    record = {
        "type": "manuscript",
        "title": "Revere’s waste and memoranda book",
        "archive": "Massachusetts Historical Society",
        "note": "type: collection\nissued: 1761/1797\narchive-place: Boston\n"
        "archive_collection: Revere Family Papers",
    }
    assert EDITIONS[18].note(csl.as_text(record)) == (
        "Revere’s Waste and Memoranda Book, 1761–1797, Revere Family Papers, Massachusetts Historical "
        "Society, Boston."
    )


def test_a_given_name_with_a_suffix_after_a_comma_keeps_it_as_the_suffix():
    """ "Martin Luther, Jr." as some exporters write it: "Martin Luther King Jr.", "King, Martin
    Luther, Jr." (17th 6.43; 18th 14.22's example)."""
    assert csl.normalize_name(person("Martin Luther, Jr.", "King")) == {
        "given": "Martin Luther",
        "family": "King",
        "suffix": "Jr.",
    }


@BOTH
def test_software_names_its_version_publisher_release_and_platform(edition):
    """18th 14.169: a program's title italic, its version, its publisher, "released" and the date, the
    platform last; the bibliography lists it under its publisher (the 18th's CSL style, citing 14.169)."""
    chicago = EDITIONS[edition]
    game = {
        "type": "software",
        "title": "Angry Birds Transformers",
        "version": "2.24.0",
        "publisher": "Rovio Entertainment",
        "medium": "Android 4.4 or later",
        "issued": {"date-parts": [[2023, 6, 28]]},
    }
    assert chicago.note(game) == (
        "<i>Angry Birds Transformers</i>, version 2.24.0, Rovio Entertainment, released June 28, 2023, "
        "Android 4.4 or later."
    )
    assert chicago.bibliography(game) == (
        "Rovio Entertainment. <i>Angry Birds Transformers</i>. Version 2.24.0. Released June 28, 2023. "
        "Android 4.4 or later."
    )


@BOTH
def test_a_data_set_gives_its_version_and_size(edition):
    """18th 14.157: "Heng-Xing Zou and Volker H. W. Rudolf, “Priority Effects …,” version 10, Dryad,
    February 9, 2023, 562778999 bytes, https://doi.org/…" (the record's variables, in the 18th's CSL
    style's order)."""
    data = {
        "type": "dataset",
        "title": "Priority effects determine how dispersal affects biodiversity in seasonal metacommunities",
        "author": [person("Heng-Xing", "Zou"), person("Volker H. W.", "Rudolf")],
        "version": "10",
        "publisher": "Dryad",
        "dimensions": "562778999 bytes",
        "issued": {"date-parts": [[2023, 2, 9]]},
        "DOI": "10.5061/DRYAD.SBCC2FRB4",
    }
    assert EDITIONS[edition].note(data) == (
        "Heng-Xing Zou and Volker H. W. Rudolf, “Priority Effects Determine How Dispersal Affects "
        "Biodiversity in Seasonal Metacommunities,” version 10, Dryad, February 9, 2023, 562778999 bytes, "
        f"{link('https://doi.org/10.5061/DRYAD.SBCC2FRB4')}."
    )


def test_a_standard_is_dated_by_its_approval_and_listed_under_its_issuer():
    """18th 14.159: the designation after the title, the publisher and the dates of approval in
    parentheses, "(NISO, approved June 9, 2005; reaffirmed May 13, 2010)"; the bibliography lists the
    standard under the body that issues it."""
    standard = {
        "type": "standard",
        "title": "Bibliographic references",
        "authority": "National Information Standards Organization",
        "genre": "ANSI/NISO",
        "number": "Z39.29-2005 (R2010)",
        "publisher": "NISO",
        "status": "approved June 9, 2005; reaffirmed",
        "issued": {"date-parts": [[2010, 5, 13]]},
    }
    chicago = EDITIONS[18]
    assert chicago.note(standard) == (
        "<i>Bibliographic References</i>, ANSI/NISO Z39.29-2005 (R2010) (NISO, approved June 9, 2005; "
        "reaffirmed May 13, 2010)."
    )
    assert chicago.bibliography(standard).startswith(
        "National Information Standards Organization. <i>Bibliographic References</i>. "
    )


@BOTH
def test_a_thesis_from_a_database_gives_its_medium_and_database_before_its_url(edition):
    """18th 14.113, 14.17: "… (PhD diss., Columbia University, 1958), microfilm, ProQuest Dissertations
    & Theses (5802717), https://…" — the database and number kept beside the link."""
    thesis = {
        "type": "thesis",
        "title": "Spelling reform in the United States",
        "author": [person("Abraham", "Tauber")],
        "genre": "PhD diss.",
        "publisher": "Columbia University",
        "medium": "microfilm",
        "number": "5802717",
        "archive": "ProQuest Dissertations & Theses",
        "URL": "https://proquest.com/docview/301891090",
        "issued": {"date-parts": [[1958]]},
    }
    assert (
        EDITIONS[edition]
        .note(thesis)
        .endswith(
            "(PhD diss., Columbia University, 1958), microfilm, "
            "ProQuest Dissertations &amp; Theses (5802717), "
            f"{link('https://proquest.com/docview/301891090')}."
        )
    )


@BOTH
def test_a_letter_named_by_a_title_is_cited_by_it_in_the_book_that_prints_it(edition):
    """Windy City's adams1867, its ``@letter`` read from BibTeX (17th 14.111: "Henry Adams to Charles
    Milnes Gaskell, Baden, September 22, 1867, in <i>Letters of Henry Adams (1858–1891)</i>, ed.
    Worthington Chauncey Ford"): a letter whose record names it by a title and no recipient says
    what it is by that title, not by nothing ("Henry Adams, 1930."); its short note by the title's
    words before the place, "Adams to Charles Milnes Gaskell"."""
    chicago = EDITIONS[edition]
    letter = {
        "type": "personal_communication",
        "title": "Adams to Charles Milnes Gaskell, Baden, September 22, 1867",
        "author": [person("Henry", "Adams")],
        "container-title": "Letters of Henry Adams, 1858–1891",
        "editor": [person("Worthington Chauncey", "Ford")],
        "publisher": "Houghton Mifflin",
        "publisher-place": "Boston",
        "issued": {"date-parts": [[1930]]},
    }
    facts = "Boston: Houghton Mifflin, 1930" if edition == 17 else "Houghton Mifflin, 1930"
    assert chicago.note(letter, "133") == (
        "Henry Adams, “Adams to Charles Milnes Gaskell, Baden, September 22, 1867,” in <i>Letters of Henry "
        f"Adams, 1858–1891</i>, ed. Worthington Chauncey Ford ({facts}), 133."
    )
    assert chicago.note(letter, short=True) == "Adams, “Adams to Charles Milnes Gaskell.”"
    assert chicago.bibliography(letter).startswith(
        "Adams, Henry. “Adams to Charles Milnes Gaskell, Baden, September 22, 1867.” In <i>Letters of Henry"
    )


@BOTH
def test_a_manuscript_s_institution_read_as_its_publisher_is_where_it_is_kept(edition):
    """Windy City's dinkel (17th 14.230; ``@Unpublished`` with ``institution = {Houghton Library}``,
    ``address = {Harvard University}``, which BibTeX import reads as publisher and place): the
    institution stands where a depository does, "… Agassiz,” Houghton Library, Harvard University",
    and a manuscript kept there is not called "unpublished manuscript"."""
    chicago = EDITIONS[edition]
    dinkel = {
        "type": "manuscript",
        "title": "Description of Louis Agassiz Written at the Request of Elizabeth Cary Agassiz",
        "author": [person("Joseph", "Dinkel")],
        "publisher": "Houghton Library",
        "publisher-place": "Harvard University",
    }
    assert chicago.note(dinkel) == (
        "Joseph Dinkel, “Description of Louis Agassiz Written at the Request of Elizabeth Cary Agassiz,” "
        "n.d., Houghton Library, Harvard University."
    )
    with_depository = {**dinkel, "archive": "Agassiz Papers", "archive-place": "Cambridge, MA"}
    assert chicago.note(with_depository).endswith("n.d., Agassiz Papers, Cambridge, MA.")
