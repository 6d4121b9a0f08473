"""The Manual's own examples, 18th edition (2024), each in its full note, short note and
bibliography entry (CITATION_STYLE=chicago-18, the default).

Two sets: the 18th's own quick guide ("Notes and Bibliography: Sample Citations",
https://www.chicagomanualofstyle.org/tools_citationguide/citation-guide-1.html), quoted verbatim
in QUICK_GUIDE_* below as public transcriptions of it give them (the Borel, Kwon, Snyder and Google
examples, and the Yu and Binder short notes' pages, as chicago_manual.py says); and EXAMPLES, the
17th's records (test_chicago_manual_17.py) in the 18th's rules, derived from them.

What the 18th changes from the 17th (test_chicago_manual_17.py has the same
records): a book's place of publication is left out, the publisher and year
alone (the quick guide's book examples); a note names one author and "et al."
for three or more (14.76). As in the 17th: inclusive page numbers
abbreviated, 321–28 (9.63), and the short form of surname and key words of the
title. Title case (the 17th's headline style) capitalises prepositions of five letters
or more, "Between", "According" (8.160); the 17th lowercased them all (8.159).
"""

import pytest

from citations.styles import get_style
from tests.citations.chicago_manual import (
    BINDER,
    BLAJER_DE_LA_GARZA,
    BOREL,
    BUOLAMWINI,
    CHATGPT,
    CHATGPT_PIZZA,
    DITTMAR,
    DOYLE,
    GOOGLE,
    GRAZER,
    JACOBS,
    KAKUTANI,
    KENG,
    KURLAND,
    KWON,
    LACH,
    LAHIRI,
    LATTIMORE,
    MANJOO,
    MEAD,
    MONTY_PYTHON,
    PEGORARO,
    ROY,
    RUTZ,
    SATTERFIELD,
    SINGULAR_THEY,
    SMITH,
    SNYDER,
    THOREAU,
    TRUTY,
    YALE,
    YALE_2022,
    YU,
    link,
    more_types,
)

chicago = get_style("chicago-18")

# (section, item, locator of the full note, full note, locator of the short note, short note, entry)
EXAMPLES = [
    (
        "14.100 book, one author",
        SMITH,
        "315-16",
        "Zadie Smith, <i>Swing Time</i> (Penguin Press, 2016), 315–16.",
        "320",
        "Smith, <i>Swing Time</i>, 320.",
        "Smith, Zadie. <i>Swing Time</i>. Penguin Press, 2016.",
    ),
    (
        "14.100 book, two authors; 8.159 headline style",
        GRAZER,
        "188",
        "Brian Grazer and Charles Fishman, <i>A Curious Mind: The Secret to a Bigger Life</i> "
        "(Simon &amp; Schuster, 2015), 188.",
        "190",
        "Grazer and Fishman, <i>Curious Mind</i>, 190.",
        "Grazer, Brian, and Charles Fishman. <i>A Curious Mind: The Secret to a Bigger Life</i>. "
        "Simon &amp; Schuster, 2015.",
    ),
    (
        "14.103 translator in place of an author",
        LATTIMORE,
        "91-92",
        "Richmond Lattimore, trans., <i>The Iliad of Homer</i> (University of Chicago Press, 2011), 91–92.",
        "24",
        "Lattimore, <i>Iliad</i>, 24.",
        "Lattimore, Richmond, trans. <i>The Iliad of Homer</i>. University of Chicago Press, 2011.",
    ),
    (
        "14.104 translator in addition to an author",
        LAHIRI,
        "146",
        "Jhumpa Lahiri, <i>In Other Words</i>, trans. Ann Goldstein (Alfred A. Knopf, 2016), 146.",
        "184",
        "Lahiri, <i>In Other Words</i>, 184.",
        "Lahiri, Jhumpa. <i>In Other Words</i>. Translated by Ann Goldstein. Alfred A. Knopf, 2016.",
    ),
    (
        "14.106 chapter in an edited book",
        THOREAU,
        "177-78",
        "Henry David Thoreau, “Walking,” in <i>The Making of the American Essay</i>, ed. John D’Agata "
        "(Graywolf Press, 2016), 177–78.",
        "182",
        "Thoreau, “Walking,” 182.",
        "Thoreau, Henry David. “Walking.” In <i>The Making of the American Essay</i>, "
        "edited by John D’Agata, 167–95. Graywolf Press, 2016.",
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
        "14.76 three authors: the first and et al. in notes, all in the bibliography",
        KENG,
        "9-10",
        "Shao-Hsun Keng et al., “Expanding College Access in Taiwan, 1978–2014: "
        "Effects on Graduate Quality and Income Inequality,” <i>Journal of Human Capital</i> 11, no. 1 "
        f"(Spring 2017): 9–10, {link('https://doi.org/10.1086/690235')}.",
        "21",
        "Keng et al., “Expanding College Access,” 21.",
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
        "14.265 (18th 14.165) film: release date, then the edition consulted and its medium; listed under "
        "its directors",
        MONTY_PYTHON,
        "",
        "<i>Monty Python and the Holy Grail</i>, directed by Terry Gilliam and Terry Jones "
        "(1975; Columbia TriStar Home Entertainment, 2001), DVD.",
        "",
        "<i>Monty Python</i>.",  # 14.33: the first key words, before a conjunction
        # The directors in the author's place, "dirs." (as the 17th's university guides and the 18th's
        # Chicago CSL style, citing 14.165, give it; test_styles_media_and_documents.py).
        "Gilliam, Terry, and Terry Jones, dirs. <i>Monty Python and the Holy Grail</i>. "
        "1975; Columbia TriStar Home Entertainment, 2001. DVD.",
    ),
    # Blog posts, social media, interviews, broadcasts, reports, statutes, bills and hearings: the
    # sections are the 17th's; the forms are the ones both editions give (the 18th drops the place).
    *more_types("", "Stamper, interview.", before="Before", podcast_first=True),
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
    """14.23: "Donald F. Lach, <i>Asia in the Making of Europe</i>, vol. 2, <i>A Century of Wonder</i>,
    bk. 3, <i>The Scholarly Disciplines</i> (University of Chicago Press, 1977), 351."."""
    assert chicago.note(LACH, "351") == (
        "Donald F. Lach, <i>Asia in the Making of Europe</i>, vol. 2, <i>A Century of Wonder</i>, bk. 3, "
        "<i>The Scholarly Disciplines</i> (University of Chicago Press, 1977), 351."
    )
    assert chicago.bibliography(LACH) == (
        "Lach, Donald F. <i>Asia in the Making of Europe</i>. Vol. 2, <i>A Century of Wonder</i>, bk. 3, "
        "<i>The Scholarly Disciplines</i>. University of Chicago Press, 1977."
    )


def test_prepositions_of_five_letters_or_more_are_capitalised_in_title_case():
    """8.160 (18th): title case capitalises prepositions of five letters or more ("Much Ado About
    Nothing") and keeps shorter ones lowercase: "Between" and "According", but "upon" and "of"."""
    title = "perceptions of disability and their impact upon sport between the wars according to the press"
    item = {**SMITH, "title": title}
    assert chicago.note(item) == (
        "Zadie Smith, <i>Perceptions of Disability and Their Impact upon Sport Between the Wars According "
        "to the Press</i> (Penguin Press, 2016)."
    )


def test_a_short_title_opening_with_a_preposition_keeps_its_first_key_word():
    """14.33: a short title is the title's key words; "On the Inadequacies of…" is not shortened to "On"."""
    item = {**SATTERFIELD, "title": "On the Inadequacies of Sociological Definitions of Sport"}
    assert chicago.note(item, "80", short=True) == "Satterfield, “On the Inadequacies,” 80."


# The 18th's quick guide, verbatim: (label, item, locator, the Manual's form). A form the
# transcription does not give is left out rather than derived.
QUICK_GUIDE_NOTES = [
    ("book, one author", YU, "45", "Charles Yu, <i>Interior Chinatown</i> (Pantheon Books, 2020), 45."),
    (
        "book, two authors",
        BINDER,
        "117-18",
        "Amy J. Binder and Jeffrey L. Kidder, <i>The Channels of Student Activism: How the Left and Right "
        "Are Winning (and Losing) in Campus Politics Today</i> (University of Chicago Press, 2022), 117–18.",
    ),
    (
        "chapter in an edited book",
        DOYLE,
        "64",
        "Kathleen Doyle, “The Queen Mary Psalter,” in <i>The Book by Design: The Remarkable Story of the "
        "World’s Greatest Invention</i>, ed. P. J. M. Marks and Stephen Parkin (University of Chicago Press, "
        "2023), 64.",
    ),
    (
        "e-book consulted online, editors in the author's place",
        KURLAND,
        "chap. 10, doc. 19",
        "Philip B. Kurland and Ralph Lerner, eds., <i>The Founders’ Constitution</i> (University of Chicago "
        f"Press, 1987), chap. 10, doc. 19, {link(KURLAND['URL'])}.",
    ),
    (
        "e-book from a database, its edition after the title and the database after the locator",
        BOREL,
        "92",
        "Brooke Borel, <i>The Chicago Guide to Fact-Checking</i>, 2nd ed. (University of Chicago Press, "
        "2023), 92, EBSCOhost.",
    ),
    (
        "e-book, its format after the locator",
        ROY,
        "chap. 6",
        "Arundhati Roy, <i>The God of Small Things</i> (Random House, 2008), chap. 6, Kindle.",
    ),
    (
        "journal article, the pages cited, then the DOI",
        KWON,
        "1842-43",
        "Hyeyoung Kwon, “Inclusion Work: Children of Immigrants Claiming Membership in Everyday Life,” "
        f"<i>American Journal of Sociology</i> 127, no. 6 (2022): 1842–43, {link('https://doi.org/10.1086/720277')}.",
    ),
    (
        "journal article, two authors, no month given",
        DITTMAR,
        "480",
        "Emily L. Dittmar and Douglas W. Schemske, “Temporal Variation in Selection Influences "
        "Microgeographic Local Adaptation,” <i>American Naturalist</i> 202, no. 4 (2023): 480, "
        f"{link('https://doi.org/10.1086/725865')}.",
    ),
    (
        "14.76 journal article, seven authors: the first and et al.; its number after the pages cited",
        SNYDER,
        "9-10",
        "Carl D. Snyder et al., “Extant Life Detection Using Label-Free Video Microscopy in Analog Aquatic "
        "Environments,” <i>PLOS ONE</i> 20, no. 3 (2025): 9–10, e0318239, "
        f"{link('https://doi.org/10.1371/journal.pone.0318239')}.",
    ),
    (
        "newspaper article from a database, the database in place of a URL",
        PEGORARO,
        "",
        "Rob Pegoraro, “Apple’s iPhone Is Sleek, Smart and Simple,” <i>Washington Post</i>, July 5, 2007, "
        "LexisNexis Academic.",
    ),
    (
        "book review",
        JACOBS,
        "",
        "Alexandra Jacobs, “The Muchness of Madonna,” review of <i>Madonna: A Rebel Life</i>, by Mary "
        "Gabriel, <i>New York Times</i>, October 8, 2023.",
    ),
    (
        "web page, the owner in the author's place",
        YALE_2022,
        "",
        f"“About Yale: Yale Facts,” Yale University, accessed March 8, 2022, {link(YALE_2022['URL'])}.",
    ),
    (
        "social media post, its text as written",
        SINGULAR_THEY,
        "",
        "Chicago Manual of Style, “Is the world ready for singular they? We thought so back in 1993,” "
        f"Facebook, April 17, 2015, {link(SINGULAR_THEY['URL'])}.",
    ),
]
QUICK_GUIDE_SHORT_NOTES = [
    ("book, one author", YU, "48", "Yu, <i>Interior Chinatown</i>, 48."),
    (
        "book, two authors",
        BINDER,
        "125",
        "Binder and Kidder, <i>Channels of Student Activism</i>, 125.",
    ),
    ("chapter in an edited book", DOYLE, "64", "Doyle, “Queen Mary Psalter,” 64."),
    (
        "e-book, editors",
        KURLAND,
        "chap. 10, doc. 19",
        "Kurland and Lerner, <i>Founders’ Constitution</i>, chap. 10, doc. 19.",
    ),
    ("e-book, the Manual's short title", BOREL, "104-5", "Borel, <i>Fact-Checking</i>, 104–5."),
    ("e-book", ROY, "chap. 6", "Roy, <i>God of Small Things</i>, chap. 6."),
    ("journal article", KWON, "1851", "Kwon, “Inclusion Work,” 1851."),
    ("journal article, two authors", DITTMAR, "480", "Dittmar and Schemske, “Temporal Variation,” 480."),
    ("14.76 journal article, seven authors", SNYDER, "12", "Snyder et al., “Extant Life Detection,” 12."),
    ("newspaper article", PEGORARO, "", "Pegoraro, “Apple’s iPhone.”"),
    ("book review", JACOBS, "", "Jacobs, “Muchness of Madonna.”"),
    ("interview: the interviewee and the word", BUOLAMWINI, "", "Buolamwini, interview."),
    ("thesis", BLAJER_DE_LA_GARZA, "93", "Blajer de la Garza, “House,” 93."),
    ("web page", YALE_2022, "", "“Yale Facts.”"),
    ("14.104 web page, its owner in the author's place", GOOGLE, "", "Google, “Privacy Policy.”"),
]
QUICK_GUIDE_ENTRIES = [
    ("book, one author", YU, "Yu, Charles. <i>Interior Chinatown</i>. Pantheon Books, 2020."),
    (
        "book, two authors",
        BINDER,
        "Binder, Amy J., and Jeffrey L. Kidder. <i>The Channels of Student Activism: How the Left and Right "
        "Are Winning (and Losing) in Campus Politics Today</i>. University of Chicago Press, 2022.",
    ),
    (
        "chapter in an edited book",
        DOYLE,
        "Doyle, Kathleen. “The Queen Mary Psalter.” In <i>The Book by Design: The Remarkable Story of the "
        "World’s Greatest Invention</i>, edited by P. J. M. Marks and Stephen Parkin. University of Chicago "
        "Press, 2023.",
    ),
    (
        "e-book consulted online",
        KURLAND,
        "Kurland, Philip B., and Ralph Lerner, eds. <i>The Founders’ Constitution</i>. University of Chicago "
        f"Press, 1987. {link(KURLAND['URL'])}.",
    ),
    (
        "e-book from a database",
        BOREL,
        "Borel, Brooke. <i>The Chicago Guide to Fact-Checking</i>. 2nd ed. University of Chicago Press, "
        "2023. EBSCOhost.",
    ),
    ("e-book", ROY, "Roy, Arundhati. <i>The God of Small Things</i>. Random House, 2008. Kindle."),
    (
        "journal article, no month given",
        DITTMAR,
        "Dittmar, Emily L., and Douglas W. Schemske. “Temporal Variation in Selection Influences "
        "Microgeographic Local Adaptation.” <i>American Naturalist</i> 202, no. 4 (2023): 471–85. "
        f"{link('https://doi.org/10.1086/725865')}.",
    ),
    (
        "journal article, the article's page range",
        KWON,
        "Kwon, Hyeyoung. “Inclusion Work: Children of Immigrants Claiming Membership in Everyday Life.” "
        "<i>American Journal of Sociology</i> 127, no. 6 (2022): 1818–59. "
        f"{link('https://doi.org/10.1086/720277')}.",
    ),
    (
        "14.76 journal article, more than six authors: the first three and et al.; its number for pages",
        SNYDER,
        "Snyder, Carl D., Manuel Bedrossian, Casey Barr, et al. “Extant Life Detection Using Label-Free "
        "Video Microscopy in Analog Aquatic Environments.” <i>PLOS ONE</i> 20, no. 3 (2025): e0318239. "
        f"{link('https://doi.org/10.1371/journal.pone.0318239')}.",
    ),
    (
        "newspaper article from a database",
        PEGORARO,
        "Pegoraro, Rob. “Apple’s iPhone Is Sleek, Smart and Simple.” <i>Washington Post</i>, July 5, 2007. "
        "LexisNexis Academic.",
    ),
    (
        "book review",
        JACOBS,
        "Jacobs, Alexandra. “The Muchness of Madonna.” Review of <i>Madonna: A Rebel Life</i>, by Mary "
        "Gabriel. <i>New York Times</i>, October 8, 2023.",
    ),
    (
        "interview, a quotation inside the title",
        BUOLAMWINI,
        "Buolamwini, Joy. “‘If You Have a Face, You Have a Place in the Conversation About AI,’ Expert "
        "Says.” Interview by Tonya Mosley. <i>Fresh Air</i>, NPR, November 28, 2023. Audio, 37:58. "
        f"{link(BUOLAMWINI['URL'])}.",
    ),
    (
        "thesis from a database, its number in parentheses",
        BLAJER_DE_LA_GARZA,
        "Blajer de la Garza, Yuna. “A House Is Not a Home: Citizenship and Belonging in Contemporary "
        "Democracies.” PhD diss., University of Chicago, 2019. ProQuest (13865986).",
    ),
    (
        "web page",
        YALE_2022,
        f"Yale University. “About Yale: Yale Facts.” Accessed March 8, 2022. {link(YALE_2022['URL'])}.",
    ),
    (
        "social media post",
        SINGULAR_THEY,
        "Chicago Manual of Style. “Is the world ready for singular they? We thought so back in 1993.” "
        f"Facebook, April 17, 2015. {link(SINGULAR_THEY['URL'])}.",
    ),
]


@pytest.mark.parametrize(("label", "item", "where", "expected"), QUICK_GUIDE_NOTES, ids=lambda v: str(v)[:40])
def test_quick_guide_full_note(label, item, where, expected):
    """The 18th's quick guide: the full note."""
    assert chicago.note(item, where) == expected


@pytest.mark.parametrize(
    ("label", "item", "where", "expected"), QUICK_GUIDE_SHORT_NOTES, ids=lambda v: str(v)[:40]
)
def test_quick_guide_short_note(label, item, where, expected):
    """The 18th's quick guide: the short note."""
    assert chicago.note(item, where, short=True) == expected


@pytest.mark.parametrize(("label", "item", "expected"), QUICK_GUIDE_ENTRIES, ids=lambda v: str(v)[:40])
def test_quick_guide_bibliography_entry(label, item, expected):
    """The 18th's quick guide: the bibliography entry."""
    assert chicago.bibliography(item) == expected


def test_a_thesis_from_a_database_names_it_after_the_locator():
    """The quick guide: "Yuna Blajer de la Garza, “A House Is Not a Home: …” (PhD diss., University of
    Chicago, 2019), 66–67, ProQuest (13865986).\""""
    assert chicago.note(BLAJER_DE_LA_GARZA, "66-67") == (
        "Yuna Blajer de la Garza, “A House Is Not a Home: Citizenship and Belonging in Contemporary "
        "Democracies” (PhD diss., University of Chicago, 2019), 66–67, ProQuest (13865986)."
    )


def test_a_comment_is_cited_by_the_post_it_is_on_with_its_time_stamp():
    """The quick guide's short note of a comment, quoted: "Michele Truty, April 17, 2015, 1:09 p.m.,
    comment on Chicago Manual of Style, “singular they.”" — the time read from the date's raw form."""
    assert chicago.note(TRUTY, short=True) == (
        "Michele Truty, April 17, 2015, 1:09 p.m., comment on Chicago Manual of Style, “singular they.”"
    )


def test_an_interview_whose_title_opens_with_a_quotation():
    """The quick guide: "Joy Buolamwini, “ ‘If You Have a Face, …,’ Expert Says,” interview by Tonya
    Mosley, <i>Fresh Air</i>, NPR, November 28, 2023, audio, 37:58, https://…". The guide's note sets a
    space between the adjacent double and single quotation marks, its bibliography entry (above) none:
    the thin space typesetters may add there (6.11). The site adds none, as the entry, so the note is
    read without it."""
    expected = (
        "Joy Buolamwini, “ ‘If You Have a Face, You Have a Place in the Conversation About AI,’ Expert "
        "Says,” interview by Tonya Mosley, <i>Fresh Air</i>, NPR, November 28, 2023, audio, 37:58, "
        f"{link(BUOLAMWINI['URL'])}."
    )
    assert chicago.note(BUOLAMWINI) == expected.replace("“ ‘", "“‘")


def test_an_organisations_web_page_is_cited_by_its_title_the_organisation_after_the_site():
    """14.104: a page whose author is the organisation that owns it opens its note with the title and
    names the organisation after the site; the bibliography lists it under the organisation (the quick
    guide's Google page, without the page's own label for its date; see the test below)."""
    url = link(GOOGLE["URL"])
    assert chicago.note(GOOGLE) == f"“Privacy Policy,” Privacy &amp; Terms, Google, November 15, 2023, {url}."
    assert chicago.bibliography(GOOGLE) == (
        f"Google. “Privacy Policy.” Privacy &amp; Terms. November 15, 2023. {url}."
    )


def test_an_organisation_that_is_its_sites_name_is_named_once():
    """14.104: the Yale page's owner is its site, "“About Yale: Yale Facts,” Yale University", whether
    the record names it as the author or not."""
    item = {**YALE_2022, "author": [{"literal": "Yale University"}]}
    assert chicago.note(item) == chicago.note(YALE_2022)
    assert chicago.bibliography(item) == chicago.bibliography(YALE_2022)


def test_a_web_page_dated_with_its_own_label():
    """The quick guide: "“Privacy Policy,” Privacy & Terms, Google, effective November 15, 2023,
    https://policies.google.com/privacy." and "Google. “Privacy Policy.” Privacy & Terms. Effective
    November 15, 2023. https://policies.google.com/privacy.". The record holds the label as its
    ``status``."""
    item = {**GOOGLE, "status": "effective"}
    url = link(item["URL"])
    assert chicago.note(item) == (
        f"“Privacy Policy,” Privacy &amp; Terms, Google, effective November 15, 2023, {url}."
    )
    assert chicago.bibliography(item) == (
        f"Google. “Privacy Policy.” Privacy &amp; Terms. Effective November 15, 2023. {url}."
    )


def test_ai_generated_text_names_the_tool_its_company_and_when_it_was_generated():
    """14.112, quoted: "Text generated by ChatGPT, OpenAI, March 7, 2023, https://chat.openai.com/chat."."""
    assert chicago.note(CHATGPT) == (
        f"Text generated by ChatGPT, OpenAI, March 7, 2023, {link('https://chat.openai.com/chat')}."
    )


def test_ai_generated_text_quotes_the_prompt_as_written():
    """14.112, quoted: "ChatGPT, response to “Explain how to make pizza dough from common household
    ingredients,” OpenAI, March 7, 2023." The Manual gives no short form and no bibliography entry but
    for a public link; both here are derived from the note."""
    assert chicago.note(CHATGPT_PIZZA) == (
        "ChatGPT, response to “Explain how to make pizza dough from common household ingredients,” OpenAI, "
        "March 7, 2023."
    )
    assert chicago.note(CHATGPT_PIZZA, short=True) == "ChatGPT, response to “pizza dough.”"
    assert chicago.bibliography(CHATGPT) == (
        f"Text generated by ChatGPT. OpenAI, March 7, 2023. {link('https://chat.openai.com/chat')}."
    )
