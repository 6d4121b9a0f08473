"""Chicago notes-bibliography, checked against examples written from CMOS 17, chapter 14."""

import json
from pathlib import Path

import pytest

from citations.styles import get_style
from citations.styles.text import join, pages, short_title
from tests.citations.records import link, person

# These examples are the 17th edition's; test_styles_editions.py has what the 18th changes.
chicago = get_style("chicago-17")

SEED = json.loads((Path(__file__).parent / "data" / "example-sources.json").read_text(encoding="utf-8"))[0]


NEWSPAPER = {
    "id": "manjoo2017",
    "type": "article-newspaper",
    "title": "Snap Makes a Bet on the Cultural Supremacy of the Camera",
    "title-short": "Snap Makes a Bet",
    "container-title": "New York Times",
    "author": [person("Farhad", "Manjoo")],
    "issued": {"date-parts": [[2017, 3, 8]]},
    "URL": "https://www.nytimes.com/2017/03/08/technology/snap.html",
    "archive_location": "https://web.archive.org/web/2017/https://www.nytimes.com/snap",
}
MAGAZINE = {
    "id": "lepore2014",
    "type": "article-magazine",
    "title": "The Last Amazon: Wonder Woman Returns",
    "container-title": "New Yorker",
    "author": [person("Jill", "Lepore")],
    "issued": {"date-parts": [[2014, 9, 22]]},
    "page": "64-73",
}
JOURNAL = {
    "id": "satterfield2016",
    "type": "article-journal",
    "title": "Livy and the Pax Deum",
    "container-title": "Classical Philology",
    "author": [person("Susan", "Satterfield")],
    "volume": "111",
    "issue": "2",
    "page": "165-186",
    "issued": {"date-parts": [[2016, 4]]},
    "DOI": "10.1086/685754",
}
BOOK = {
    "id": "grazer2015",
    "type": "book",
    "title": "A Curious Mind: The Secret to a Bigger Life",
    "author": [person("Brian", "Grazer"), person("Charles", "Fishman")],
    "publisher": "Simon & Schuster",
    "publisher-place": "New York",
    "issued": {"date-parts": [[2015, 4, 7]]},
}
EDITED_BOOK = {
    "id": "maran2013",
    "type": "book",
    "title": "Why We Write",
    "editor": [person("Meredith", "Maran")],
    "publisher": "Plume",
    "publisher-place": "New York",
    "issued": {"date-parts": [[2013]]},
}
CHAPTER = {
    "id": "kelly2010",
    "type": "chapter",
    "title": "Seeing Red: Mao Fetishism, Pax Americana, and the Moral Economy of War",
    "container-title": "Anthropology and Global Counterinsurgency",
    "author": [person("John D.", "Kelly")],
    "editor": [
        person("John D.", "Kelly"),
        person("Beatrice", "Jauregui"),
        person("Sean T.", "Mitchell"),
        person("Jeremy", "Walton"),
    ],
    "publisher": "University of Chicago Press",
    "publisher-place": "Chicago",
    "page": "67-83",
    "issued": {"date-parts": [[2010]]},
}
WEBPAGE = {
    "id": "yale",
    "type": "webpage",
    "title": "About Yale: Yale Facts",
    "container-title": "Yale University",
    "accessed": {"date-parts": [[2017, 5, 1]]},
    "URL": "https://www.yale.edu/about-yale/yale-facts",
}
BLOG_POST = {
    "id": "germano2017",
    "type": "post-weblog",
    "title": "Footnotes in the Age of the Sidenote",
    "container-title": "Lingua Franca",
    "author": [person("William", "Germano")],
    "issued": {"date-parts": [[2017, 2, 24]]},
    "URL": "https://example.org/lingua-franca/footnotes",
}
REPORT = {
    "id": "piketty2006",
    "type": "report",
    "title": "Income Inequality in the United States",
    "container-title": "NBER Working Paper",
    "issue": "8467",
    "author": [person("Thomas", "Piketty"), person("Emmanuel", "Saez")],
    "publisher": "National Bureau of Economic Research",
    "publisher-place": "Cambridge, MA",
    "issued": {"date-parts": [[2001, 9]]},
}
BROADCAST = {
    "id": "simpsons1998",
    "type": "broadcast",
    "title": 'Lisa Gets an "A"',
    "container-title": "The Simpsons",
    "publisher": "Fox",
    "issued": {"date-parts": [[1998, 11, 22]]},
}
LEGISLATION = {
    "id": "civilrights1964",
    "type": "legislation",
    "title": "Civil Rights Act of 1964",
    "container-title": "Pub. L. No.",
    "issue": "88-352",
    "author": [{"literal": "United States Congress"}],
    "issued": {"date-parts": [[1964, 7, 2]]},
}

# (item, locator, full note, short note, bibliography entry)
EXAMPLES = [
    (
        SEED,
        "",
        "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
        "<i>The Wall Street Journal</i>, February 22, 2013.",
        "Hinshaw and Coker, “Defenders Outgunned.”",
        "Hinshaw, Drew, and Margaret Coker. “Defenders Outgunned By Islamists In Desert.” "
        "<i>The Wall Street Journal</i>, February 22, 2013.",
    ),
    (
        NEWSPAPER,
        "",
        "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” <i>New York Times</i>, "
        f"March 8, 2017, {link(NEWSPAPER['URL'])} (archived at {link(NEWSPAPER['archive_location'])}).",
        "Manjoo, “Snap Makes a Bet.”",
        "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” <i>New York Times</i>, "
        f"March 8, 2017. {link(NEWSPAPER['URL'])} (archived at {link(NEWSPAPER['archive_location'])}).",
    ),
    (
        MAGAZINE,
        "p. 66",
        "Jill Lepore, “The Last Amazon: Wonder Woman Returns,” <i>New Yorker</i>, September 22, 2014, 66.",
        "Lepore, “Last Amazon,” 66.",
        "Lepore, Jill. “The Last Amazon: Wonder Woman Returns.” <i>New Yorker</i>, September 22, 2014.",
    ),
    (
        JOURNAL,
        "170",
        "Susan Satterfield, “Livy and the Pax Deum,” <i>Classical Philology</i> 111, no. 2 (April 2016): "
        f"170, {link('https://doi.org/10.1086/685754')}.",
        "Satterfield, “Livy,” 170.",
        "Satterfield, Susan. “Livy and the Pax Deum.” <i>Classical Philology</i> 111, no. 2 (April 2016): "
        f"165–86. {link('https://doi.org/10.1086/685754')}.",
    ),
    (
        BOOK,
        "188",
        "Brian Grazer and Charles Fishman, <i>A Curious Mind: The Secret to a Bigger Life</i> "
        "(New York: Simon &amp; Schuster, 2015), 188.",
        "Grazer and Fishman, <i>Curious Mind</i>, 188.",
        "Grazer, Brian, and Charles Fishman. <i>A Curious Mind: The Secret to a Bigger Life</i>. "
        "New York: Simon &amp; Schuster, 2015.",
    ),
    (
        EDITED_BOOK,
        "42",
        "Meredith Maran, ed., <i>Why We Write</i> (New York: Plume, 2013), 42.",
        "Maran, <i>Why We Write</i>, 42.",
        "Maran, Meredith, ed. <i>Why We Write</i>. New York: Plume, 2013.",
    ),
    (
        CHAPTER,
        "pp. 81-82",
        "John D. Kelly, “Seeing Red: Mao Fetishism, Pax Americana, and the Moral Economy of War,” in "
        "<i>Anthropology and Global Counterinsurgency</i>, ed. John D. Kelly et al. "
        "(Chicago: University of Chicago Press, 2010), 81–82.",
        "Kelly, “Seeing Red,” 81–82.",
        "Kelly, John D. “Seeing Red: Mao Fetishism, Pax Americana, and the Moral Economy of War.” In "
        "<i>Anthropology and Global Counterinsurgency</i>, edited by John D. Kelly, Beatrice Jauregui, "
        "Sean T. Mitchell, and Jeremy Walton, 67–83. Chicago: University of Chicago Press, 2010.",
    ),
    (
        WEBPAGE,
        "",
        f"“About Yale: Yale Facts,” Yale University, accessed May 1, 2017, {link(WEBPAGE['URL'])}.",
        "“About Yale.”",
        # The site's owner stands in the author's place (14.206).
        f"Yale University. “About Yale: Yale Facts.” Accessed May 1, 2017. {link(WEBPAGE['URL'])}.",
    ),
    (
        BLOG_POST,
        "",
        "William Germano, “Footnotes in the Age of the Sidenote,” <i>Lingua Franca</i> (blog), "
        f"February 24, 2017, {link(BLOG_POST['URL'])}.",
        "Germano, “Footnotes.”",
        # CMOS 17 14.208: a period after "(blog)" in the bibliography (test_chicago_manual_17.py).
        "Germano, William. “Footnotes in the Age of the Sidenote.” <i>Lingua Franca</i> (blog). "
        f"February 24, 2017. {link(BLOG_POST['URL'])}.",
    ),
    (
        REPORT,
        "12",
        "Thomas Piketty and Emmanuel Saez, <i>Income Inequality in the United States</i>, NBER Working Paper "
        "8467 (Cambridge, MA: National Bureau of Economic Research, September 2001), 12.",
        "Piketty and Saez, <i>Income Inequality</i>, 12.",
        "Piketty, Thomas, and Emmanuel Saez. <i>Income Inequality in the United States</i>. NBER Working "
        "Paper 8467. Cambridge, MA: National Bureau of Economic Research, September 2001.",
    ),
    (
        BROADCAST,
        "",
        "<i>The Simpsons</i>, “Lisa Gets an ‘A,’” aired November 22, 1998, on Fox.",
        "“Lisa Gets an ‘A.’”",
        "<i>The Simpsons</i>. “Lisa Gets an ‘A.’” Aired November 22, 1998, on Fox.",
    ),
    (
        LEGISLATION,
        "sec. 7",
        # CMOS 17 14.289: a statute as the Bluebook cites it, its name roman, no author.
        "Civil Rights Act of 1964, Pub. L. No. 88-352, sec. 7 (1964).",
        "Civil Rights Act, sec. 7.",
        "Civil Rights Act of 1964, Pub. L. No. 88-352 (1964).",
    ),
]
IDS = [example[0]["type"] + ":" + example[0]["id"] for example in EXAMPLES]


@pytest.mark.parametrize(("item", "where", "full", "short", "entry"), EXAMPLES, ids=IDS)
def test_full_note(item, where, full, short, entry):
    """The full note gives every element in Chicago's order, punctuation inside the quotes."""
    assert chicago.note(item, where) == full


@pytest.mark.parametrize(("item", "where", "full", "short", "entry"), EXAMPLES, ids=IDS)
def test_short_note(item, where, full, short, entry):
    """The short note gives surnames, the short title and the locator."""
    assert chicago.note(item, where, short=True) == short


@pytest.mark.parametrize(("item", "where", "full", "short", "entry"), EXAMPLES, ids=IDS)
def test_bibliography_entry(item, where, full, short, entry):
    """The bibliography entry inverts the first author and separates its parts with periods."""
    assert chicago.bibliography(item) == entry


def authors(count):
    return [person(f"Given{n}", f"Family{n}") for n in range(1, count + 1)]


def test_three_authors_are_all_named_in_a_note():
    """Up to three authors are all named in a note, with a serial comma."""
    item = {"type": "book", "title": "T", "author": authors(3)}
    assert chicago.note(item) == "Given1 Family1, Given2 Family2, and Given3 Family3, <i>T</i> (n.d.)."


def test_four_authors_give_the_first_et_al_in_notes_but_all_in_the_bibliography():
    """Four or more authors are "first et al." in notes and all listed in the bibliography."""
    item = {"type": "book", "title": "T", "author": authors(4)}
    assert chicago.note(item) == "Given1 Family1 et al., <i>T</i> (n.d.)."
    assert chicago.note(item, short=True) == "Family1 et al., <i>T</i>."
    assert chicago.bibliography(item) == (
        "Family1, Given1, Given2 Family2, Given3 Family3, and Given4 Family4. <i>T</i>. n.d."
    )


def test_ten_authors_are_all_listed_in_the_bibliography():
    """A bibliography lists up to ten authors."""
    entry = chicago.bibliography({"type": "book", "title": "T", "author": authors(10)})
    assert "and Given10 Family10. <i>T</i>. n.d." in entry


def test_more_than_ten_authors_give_seven_et_al_in_the_bibliography():
    """More than ten authors: the first seven, then et al."""
    entry = chicago.bibliography({"type": "book", "title": "T", "author": authors(11)})
    assert entry == (
        "Family1, Given1, Given2 Family2, Given3 Family3, Given4 Family4, Given5 Family5, "
        "Given6 Family6, Given7 Family7, et al. <i>T</i>. n.d."
    )


def test_particles_suffixes_and_organisations_are_ordered_as_chicago_says():
    """Particles stay with or drop from the family name; suffixes follow; organisations stand alone."""
    item = {
        "type": "book",
        "title": "T",
        "author": [
            person("Vincent", "Gogh", **{"non-dropping-particle": "van"}),
            person("Alexis", "Tocqueville", **{"dropping-particle": "de"}),
            person("Martin Luther", "King", suffix="Jr."),
        ],
    }
    assert (
        chicago.note(item)
        == "Vincent van Gogh, Alexis de Tocqueville, and Martin Luther King Jr., <i>T</i> (n.d.)."
    )
    # A note begins with a capital, the particle too (CMOS 8.5; the Q&A's "Du Maurier, <i>Scapegoat</i>").
    assert chicago.note(item, short=True) == "Van Gogh, Tocqueville, and King, <i>T</i>."
    first_is = chicago.bibliography({**item, "author": item["author"][1:2]})
    assert first_is == "Tocqueville, Alexis de. <i>T</i>. n.d."
    suffix = chicago.bibliography({**item, "author": item["author"][2:]})
    assert suffix == "King, Martin Luther, Jr. <i>T</i>. n.d."
    literal = chicago.bibliography({"type": "report", "title": "T", "author": [{"literal": "World Bank"}]})
    assert literal == "World Bank. <i>T</i>. n.d."


def test_titles_are_html_escaped():
    """Markup in a title is shown as text, never interpreted (and its words take headline capitals)."""
    item = {
        "type": "article-newspaper",
        "title": "<script>alert(1)</script> & AT&T",
        "container-title": "<b>",
    }
    assert (
        chicago.note(item) == "“&lt;Script&gt;Alert(1)&lt;/Script&gt; &amp; AT&amp;T,” <i>&lt;b&gt;</i>, n.d."
    )


def test_a_question_mark_ending_a_title_keeps_the_comma_after_it_but_takes_no_period():
    """Since the 16th edition the Manual keeps the punctuation the sentence requires after a title's
    own question mark ("His book, Are You Sure?, was on the best-seller list", the 16th's change; 17th
    6.125, unchecked), and the official CSL styles print it so (citeproc-js: “Are Flaxseeds All That?,”
    <i>New York Times</i>, 18th 14.89; <i>Vous descendez?</i>, trans. Nicolas Richard); a period would
    double the sentence's end and is left out."""
    item = {"type": "article-journal", "title": "Is It Over?", "container-title": "J", "author": authors(1)}
    assert chicago.note(item) == "Given1 Family1, “Is It Over?,” <i>J</i> (n.d.)."
    assert chicago.bibliography(item) == "Family1, Given1. “Is It Over?” <i>J</i> (n.d.)."
    book = {"type": "book", "title": "Vous Descendez?", "author": authors(1), "translator": authors(1)}
    assert chicago.note(book) == "Given1 Family1, <i>Vous Descendez?</i>, trans. Given1 Family1 (n.d.)."


def test_a_url_in_a_note_is_escaped_in_its_link():
    """A URL's quotes and ampersands cannot break out of the link."""
    item = {"type": "webpage", "title": "T", "URL": 'https://example.org/?a=1&b="x"'}
    assert chicago.note(item) == (
        '“T,” n.d., <a href="https://example.org/?a=1&amp;b=&quot;x&quot;">https://example.org/?a=1&amp;b="x"</a>.'
    )


def test_attribution_names_authors_and_the_container():
    """An excerpt's caption names the authors and the publication."""
    assert (
        chicago.attribution(SEED) == "Drew Hinshaw and Margaret Coker, <cite>The Wall Street Journal</cite>"
    )
    assert chicago.attribution(EDITED_BOOK) == "Meredith Maran, ed., <cite>Why We Write</cite>"


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("Defenders Outgunned By Islamists In Desert", "Defenders Outgunned"),
        ("Livy and the Pax Deum", "Livy"),
        ("Resistance to Civil Government", "Resistance to Civil Government"),
        ("The Federalist No. 10", "Federalist No. 10"),
        ("A Curious Mind: The Secret to a Bigger Life", "Curious Mind"),
        ("Seven Pillars Wisdom Triumph Glory", "Seven Pillars Wisdom Triumph"),
    ],
)
def test_short_title_is_the_main_title_cut_to_its_key_words(title, short):
    """A short title is at most four words of the main title, without a leading article."""
    assert short_title({"title": title}) == short


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("3-10", "3–10"),
        ("71-72", "71–72"),
        ("100-104", "100–104"),
        ("101-108", "101–8"),
        ("321-328", "321–28"),
        ("498-532", "498–532"),
        ("1087-1089", "1087–89"),
        ("1496-1500", "1496–500"),
        ("1496-1504", "1496–504"),
        ("11564-11615", "11564–615"),
        ("12991-13001", "12991–3001"),
        ("xi--xv", "xi--xv"),
        ("189--211", "189–211"),
    ],
)
def test_page_ranges_are_abbreviated_as_chicago_9_61_says(given, expected):
    """Inclusive numbers take an en dash and drop the digits that do not change; four-digit numbers
    too, "1496–500" and "12991–3001" as 9.61 gives them (the 15th edition's "1496–1504" is gone)."""
    assert pages(given) == expected


def test_a_double_issue_of_a_journal_is_numbered_nos():
    """14.171 with the plural abbreviation of 10.43: a double issue is "nos. 7–8", one issue "no. 2"."""
    item = {**JOURNAL, "issue": "7-8"}
    assert "Classical Philology</i> 111, nos. 7–8 (April 2016): 165–86" in chicago.bibliography(item)
    assert "111, no. 2 (April 2016)" in chicago.bibliography(JOURNAL)


def test_a_chapter_in_one_volume_of_a_multivolume_book_names_the_volume():
    """14.117 (a volume with its own title) for a chapter: "in <i>Book</i>, vol. 2, <i>Volume Title</i>,
    ed. …" in the note, the same after "In" in the bibliography (derived from the rule)."""
    item = {**CHAPTER, "volume": "2", "volume-title": "Genres and Contexts"}
    volume = "<i>Anthropology and Global Counterinsurgency</i>, vol. 2, <i>Genres and Contexts</i>, "
    assert volume + "ed. John D. Kelly" in chicago.note(item)
    assert volume + "edited by John D. Kelly" in chicago.bibliography(item)


@pytest.mark.parametrize(
    ("given", "note", "entry"),
    [
        ("Nancy K", "Nancy K. Adams, ", "Adams, Nancy K. "),
        ("H.C.G.", "H. C. G. Adams, ", "Adams, H. C. G. "),
        ("Andrew N.J.", "Andrew N. J. Adams, ", "Adams, Andrew N. J. "),
    ],
)
def test_initials_take_a_period_and_a_space(given, note, entry):
    """10.12: initials standing for given names are followed by a period and a space ("H. C. G.
    Matthew"), however the record wrote them."""
    item = {**BOOK, "author": [person(given, "Adams")]}
    assert chicago.note(item).startswith(note)
    assert chicago.bibliography(item).startswith(entry)


def test_a_series_number_of_more_than_one_word_follows_a_comma():
    """14.123: "Toronto Medieval Latin Texts 33", but "Abhandlungen …, 3rd ser., 14" (derived)."""
    item = {**BOOK, "collection-title": "Abhandlungen der Gesellschaft", "collection-number": "3rd ser., 14"}
    assert (
        "<i>A Curious Mind: The Secret to a Bigger Life</i>, Abhandlungen der Gesellschaft, 3rd ser., 14 ("
        in (chicago.note(item))
    )
    assert "Life</i>, Medieval Texts 33 (" in chicago.note(
        {**item, "collection-title": "Medieval Texts", "collection-number": "33"}
    )


def test_a_record_without_a_title_prints_no_empty_quotation_marks():
    """A short note is the author and the title (14.29); with no title, the author alone."""
    item = {
        "id": "x",
        "type": "chapter",
        "author": [person("Ann", "Writer")],
        "issued": {"date-parts": [[2001]]},
    }
    assert chicago.note(item, short=True) == "Writer."
    assert "“" not in chicago.note(item) and "“" not in chicago.bibliography(item)


MULTIVOLUME = {
    "id": "lach",
    "type": "book",
    "title": "Asia in the Making of Europe",
    "author": [person("Donald F.", "Lach")],
    "volume": "2",
    "publisher": "University of Chicago Press",
    "issued": {"date-parts": [[1977]]},
}


def test_a_short_note_to_one_volume_of_a_multivolume_book_names_the_volume():
    """14.117 (the 18th's 14.18): the volume and the page set apart by a colon, "Lach, <i>Asia</i>,
    2:345"; with no page, or a part, spelled out, "vol. 2, bk. 3" (derived from the rule)."""
    assert chicago.note(MULTIVOLUME, "345", short=True) == "Lach, <i>Asia</i>, 2:345."
    assert chicago.note(MULTIVOLUME, short=True) == "Lach, <i>Asia</i>, vol. 2."
    in_a_book = {**MULTIVOLUME, "part-number": "bk. 3"}
    assert chicago.note(in_a_book, "345", short=True) == "Lach, <i>Asia</i>, vol. 2, bk. 3, 345."


def test_an_article_or_paper_without_its_container_leaves_out_the_missing_elements_cleanly():
    """A journal article's date follows the journal in parentheses (14.171), a conference paper's the
    proceedings. A record that names neither prints its date after the title, with no empty
    parentheses or doubled commas."""
    article = {"type": "article-journal", "title": "Title", "author": [person("Ann", "Writer")]}
    article["issued"] = {"date-parts": [[2017]]}
    assert chicago.note(article) == "Ann Writer, “Title,” 2017."
    assert chicago.bibliography(article) == "Writer, Ann. “Title.” 2017."
    paper = {"type": "paper-conference", "title": "A Case Study", "author": [person("Ann", "Writer")]}
    paper["page"] = "169-177"
    assert chicago.note(paper) == "Ann Writer, “A Case Study,” n.d., 169–77."
    assert chicago.bibliography(paper) == "Writer, Ann. “A Case Study.” n.d., 169–77."


@pytest.mark.parametrize("style", [chicago, get_style("chicago-18")])
def test_an_entry_in_a_reference_work_is_cited_without_n_d(style):
    """The 18th's 14.131: an entry in a reference work takes no "n.d."; a record that names only the
    work's editor prints the editor in the author's place (14.103), nothing more."""
    entry = {"type": "entry-encyclopedia", "title": "Unicorn", "container-title": "Encyclopedia of Fantasy"}
    assert "n.d." not in style.note(entry) + style.bibliography(entry)
    editor_only = {"type": "entry-encyclopedia", "editor": [{"literal": "Xxx"}]}
    assert style.note(editor_only) == "Xxx, ed."
    assert style.bibliography(editor_only) == "Xxx, ed."


@pytest.mark.parametrize(
    ("left", "separator", "right", "joined"),
    [
        ("University of Washington Press,", ", ", "2011", "University of Washington Press, 2011"),
        ("Proceedings;", ". ", "ACM", "Proceedings. ACM"),
        ("Seattle :", ", ", "2011", "Seattle, 2011"),
        ("Smith et al.", ". ", "Title", "Smith et al. Title"),
        ("Smith", ": ", "Press", "Smith: Press"),
    ],
)
def test_a_comma_or_period_takes_the_place_of_one_a_value_ends_with(left, separator, right, joined):
    """No doubled punctuation: a value that ends in a comma, colon or semicolon (a catalogue's
    "Press,") gives way to the separator, "Press, 2011" and never "Press,, 2011"."""
    assert join(left, separator, right) == joined


def test_a_record_with_no_title_has_no_short_title():
    """18th 14.139: a book of the Bible recorded as its author, “Hebrews”, with only the short title
    “Heb.”, is shortened to its name, “Hebrews.”, as the official 18th CSL style prints it (CSL styles PR
    #7424: scriptural references are “Not supported in CSL”, so the style's form is the one to follow)."""
    item = {"type": "book", "title-short": "Heb.", "author": [{"family": "Hebrews", "given": ""}]}
    assert short_title(item) == ""
    assert chicago.note(item, short=True) == "Hebrews."
