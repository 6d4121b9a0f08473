"""The Manual's own examples, 17th edition (2017): the quick guide's "Notes and Bibliography: Sample
Citations" and chapter 14's examples, type by type, each in its full note, short note and
bibliography entry (CITATION_STYLE=chicago-17).

Sources: the 17th's quick guide as chicagomanualofstyle.org served it until 2024
(tools_citationguide/citation-guide-1.html; compiled at https://docslib.org/doc/2933740), and for
the blog posts 14.208 as university guides quote it (chicago_manual.py says which). An example's
label says where a form is derived from a rule instead.

The sections: a note's elements joined by commas, facts of publication in
parentheses (14.20); a bibliography entry's by periods, the first author
inverted (14.21); the short form, surname and short title of up to four
words (14.30, 14.33); headline-style titles, prepositions lowercase whatever
their length (8.159); inclusive page numbers abbreviated (9.61).
"""

import pytest

from citations.styles import get_style
from tests.citations.chicago_manual import (
    GOOGLE_2017,
    GRAZER,
    KAKUTANI,
    KENG,
    LACH,
    LAHIRI,
    LATTIMORE,
    MANJOO,
    MEAD,
    MONTY_PYTHON,
    RUTZ,
    SATTERFIELD,
    SMITH,
    THOREAU,
    YALE,
    link,
    more_types,
)

chicago = get_style("chicago-17")

# (section, item, locator of the full note, full note, locator of the short note, short note, entry)
EXAMPLES = [
    (
        "14.100 book, one author",
        SMITH,
        "315-16",
        "Zadie Smith, <i>Swing Time</i> (New York: Penguin Press, 2016), 315–16.",
        "320",
        "Smith, <i>Swing Time</i>, 320.",
        "Smith, Zadie. <i>Swing Time</i>. New York: Penguin Press, 2016.",
    ),
    (
        "14.100 book, two authors; 8.159 headline style",
        GRAZER,
        "188",
        "Brian Grazer and Charles Fishman, <i>A Curious Mind: The Secret to a Bigger Life</i> "
        "(New York: Simon &amp; Schuster, 2015), 188.",
        "190",
        "Grazer and Fishman, <i>Curious Mind</i>, 190.",
        "Grazer, Brian, and Charles Fishman. <i>A Curious Mind: The Secret to a Bigger Life</i>. "
        "New York: Simon &amp; Schuster, 2015.",
    ),
    (
        "14.103 translator in place of an author",
        LATTIMORE,
        "91-92",
        "Richmond Lattimore, trans., <i>The Iliad of Homer</i> (Chicago: University of Chicago Press, 2011), "
        "91–92.",
        "24",
        "Lattimore, <i>Iliad</i>, 24.",
        "Lattimore, Richmond, trans. <i>The Iliad of Homer</i>. Chicago: University of Chicago Press, 2011.",
    ),
    (
        "14.104 translator in addition to an author",
        LAHIRI,
        "146",
        "Jhumpa Lahiri, <i>In Other Words</i>, trans. Ann Goldstein (New York: Alfred A. Knopf, 2016), 146.",
        "184",
        "Lahiri, <i>In Other Words</i>, 184.",
        "Lahiri, Jhumpa. <i>In Other Words</i>. Translated by Ann Goldstein. "
        "New York: Alfred A. Knopf, 2016.",
    ),
    (
        "14.106 chapter in an edited book",
        THOREAU,
        "177-78",
        "Henry David Thoreau, “Walking,” in <i>The Making of the American Essay</i>, ed. John D’Agata "
        "(Minneapolis: Graywolf Press, 2016), 177–78.",
        "182",
        "Thoreau, “Walking,” 182.",
        "Thoreau, Henry David. “Walking.” In <i>The Making of the American Essay</i>, "
        "edited by John D’Agata, 167–95. Minneapolis: Graywolf Press, 2016.",
    ),
    (
        "14.171 journal article",
        SATTERFIELD,
        "170",
        "Susan Satterfield, “Livy and the Pax Deum,” <i>Classical Philology</i> 111, no. 2 "
        "(April 2016): 170.",
        "172-73",
        "Satterfield, “Livy,” 172–73.",
        "Satterfield, Susan. “Livy and the Pax Deum.” <i>Classical Philology</i> 111, no. 2 (April 2016): "
        "165–76.",
    ),
    (
        "14.171, 14.8 journal article online, three authors, season, DOI",
        KENG,
        "9-10",
        "Shao-Hsun Keng, Chun-Hung Lin, and Peter F. Orazem, “Expanding College Access in Taiwan, 1978–2014: "
        "Effects on Graduate Quality and Income Inequality,” <i>Journal of Human Capital</i> 11, no. 1 "
        f"(Spring 2017): 9–10, {link('https://doi.org/10.1086/690235')}.",
        "21",
        "Keng, Lin, and Orazem, “Expanding College Access,” 21.",
        "Keng, Shao-Hsun, Chun-Hung Lin, and Peter F. Orazem. “Expanding College Access in Taiwan, "
        "1978–2014: Effects on Graduate Quality and Income Inequality.” <i>Journal of Human Capital</i> 11, "
        f"no. 1 (Spring 2017): 1–34. {link('https://doi.org/10.1086/690235')}.",
    ),
    (
        "14.188 magazine article",
        MEAD,
        "43",
        "Rebecca Mead, “The Prophet of Dystopia,” <i>New Yorker</i>, April 17, 2017, 43.",
        "47",
        "Mead, “Dystopia,” 47.",
        "Mead, Rebecca. “The Prophet of Dystopia.” <i>New Yorker</i>, April 17, 2017.",
    ),
    (
        "14.191 newspaper article consulted online",
        MANJOO,
        "",
        "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” <i>New York Times</i>, "
        f"March 8, 2017, {link(MANJOO['URL'])}.",
        "",
        "Manjoo, “Snap.”",
        "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” <i>New York Times</i>, "
        f"March 8, 2017. {link(MANJOO['URL'])}.",
    ),
    (
        "14.202 book review",
        KAKUTANI,
        "",
        "Michiko Kakutani, “Friendship Takes a Path That Diverges,” review of <i>Swing Time</i>, by Zadie "
        "Smith, <i>New York Times</i>, November 7, 2016.",
        "",
        "Kakutani, “Friendship.”",
        "Kakutani, Michiko. “Friendship Takes a Path That Diverges.” Review of <i>Swing Time</i>, by Zadie "
        "Smith. <i>New York Times</i>, November 7, 2016.",
    ),
    (
        "14.215 thesis",
        RUTZ,
        "99-100",
        "Cynthia Lillian Rutz, “King Lear and Its Folktale Analogues” "
        "(PhD diss., University of Chicago, 2013), 99–100.",
        "158",
        "Rutz, “King Lear,” 158.",
        "Rutz, Cynthia Lillian. “King Lear and Its Folktale Analogues.” "
        "PhD diss., University of Chicago, 2013.",
    ),
    (
        "14.206 website content, the owner in the author's place",
        YALE,
        "",
        f"“About Yale: Yale Facts,” Yale University, accessed May 1, 2017, {link(YALE['URL'])}.",
        "",
        "“Yale Facts.”",
        f"Yale University. “About Yale: Yale Facts.” Accessed May 1, 2017. {link(YALE['URL'])}.",
    ),
    (
        "14.265 film: release date, then the edition consulted and its medium; listed under its directors",
        MONTY_PYTHON,
        "",
        "<i>Monty Python and the Holy Grail</i>, directed by Terry Gilliam and Terry Jones "
        "(1975; Culver City, CA: Columbia TriStar Home Entertainment, 2001), DVD.",
        "",
        "<i>Monty Python</i>.",  # 14.33: the first key words, before a conjunction
        # The directors in the author's place, "dirs." (as the 17th's university guides and the 18th's
        # Chicago CSL style, citing 14.165, give it; test_styles_media_and_documents.py).
        "Gilliam, Terry, and Terry Jones, dirs. <i>Monty Python and the Holy Grail</i>. "
        "1975; Culver City, CA: Columbia TriStar Home Entertainment, 2001. DVD.",
    ),
    # Blog posts, social media, interviews, broadcasts, reports, statutes, bills and hearings: the
    # sections are the 17th's; the forms are the ones both editions give (the 18th drops the place).
    *more_types("Cambridge, MA: ", "Stamper, “From ‘F-Bomb’ to ‘Photobomb.’”"),
]
IDS = [example[0] for example in EXAMPLES]


@pytest.mark.parametrize(("section", "item", "where", "full", "at", "short", "entry"), EXAMPLES, ids=IDS)
def test_full_note(section, item, where, full, at, short, entry):
    """The first note citing the work is the Manual's full note."""
    assert chicago.note(item, where) == full


@pytest.mark.parametrize(("section", "item", "where", "full", "at", "short", "entry"), EXAMPLES, ids=IDS)
def test_short_note(section, item, where, full, at, short, entry):
    """A later note is the Manual's short form: surnames, short title, page."""
    assert chicago.note(item, at, short=True) == short


@pytest.mark.parametrize(("section", "item", "where", "full", "at", "short", "entry"), EXAMPLES, ids=IDS)
def test_bibliography_entry(section, item, where, full, at, short, entry):
    """The bibliography entry is the Manual's."""
    assert chicago.bibliography(item) == entry


def test_a_volume_with_its_own_title_and_book():
    """14.117: "Donald F. Lach, <i>Asia in the Making of Europe</i>, vol. 2, <i>A Century of Wonder</i>,
    bk. 3, <i>The Scholarly Disciplines</i> (Chicago: University of Chicago Press, 1977), 351."."""
    assert chicago.note(LACH, "351") == (
        "Donald F. Lach, <i>Asia in the Making of Europe</i>, vol. 2, <i>A Century of Wonder</i>, bk. 3, "
        "<i>The Scholarly Disciplines</i> (Chicago: University of Chicago Press, 1977), 351."
    )
    assert chicago.bibliography(LACH).startswith(
        "Lach, Donald F. <i>Asia in the Making of Europe</i>. Vol. 2, <i>A Century of Wonder</i>, bk. 3, "
        "<i>The Scholarly Disciplines</i>. Chicago:"
    )


def test_prepositions_are_lowercase_whatever_their_length():
    """8.159 (17th): prepositions are lowercase in headline style, "upon" and "between" as much as "of"."""
    item = {**SMITH, "title": "perceptions of disability and their impact upon sport between the wars"}
    assert chicago.note(item) == (
        "Zadie Smith, <i>Perceptions of Disability and Their Impact upon Sport between the Wars</i> "
        "(New York: Penguin Press, 2016)."
    )


def test_a_short_title_opening_with_a_preposition_keeps_its_first_key_word():
    """14.33: a short title is the title's key words; "On the Inadequacies of…" is not shortened to "On"."""
    item = {**SATTERFIELD, "title": "On the Inadequacies of Sociological Definitions of Sport"}
    assert chicago.note(item, "80", short=True) == "Satterfield, “On the Inadequacies,” 80."


def test_a_journal_issue_is_dated_by_month_or_season_not_day():
    """14.171: a journal's issue is dated by year, with month or season ("April 2016"); a record's
    day of publication is left out."""
    item = {**SATTERFIELD, "issued": {"date-parts": [[2016, 4, 12]]}}
    assert "<i>Classical Philology</i> 111, no. 2 (April 2016): 170." in chicago.note(item, "170")


def test_an_organisations_web_page_is_cited_by_its_title_the_organisation_after_the_site():
    """14.206, the quick guide's short note quoted, "Google, “Privacy Policy.”"; the full note and entry
    are the quick guide's without the page's own label for its date (see the test below)."""
    url = link(GOOGLE_2017["URL"])
    assert chicago.note(GOOGLE_2017, short=True) == "Google, “Privacy Policy.”"
    assert (
        chicago.note(GOOGLE_2017) == f"“Privacy Policy,” Privacy &amp; Terms, Google, April 17, 2017, {url}."
    )
    assert chicago.bibliography(GOOGLE_2017) == (
        f"Google. “Privacy Policy.” Privacy &amp; Terms. April 17, 2017. {url}."
    )


def test_a_web_page_dated_with_its_own_label():
    """The quick guide: "“Privacy Policy,” Privacy & Terms, Google, last modified April 17, 2017,
    https://www.google.com/policies/privacy/." and "Google. “Privacy Policy.” Privacy & Terms. Last
    modified April 17, 2017. https://www.google.com/policies/privacy/.". The record holds the label as
    its ``status``."""
    item = {**GOOGLE_2017, "status": "last modified"}
    url = link(item["URL"])
    assert chicago.note(item) == (
        f"“Privacy Policy,” Privacy &amp; Terms, Google, last modified April 17, 2017, {url}."
    )
    assert chicago.bibliography(item) == (
        f"Google. “Privacy Policy.” Privacy &amp; Terms. Last modified April 17, 2017. {url}."
    )
