"""Journal, magazine and newspaper articles, blog posts, social media posts and web pages in the
Chicago style: the full note, the short note and the bibliography entry, type by type.

The records are those of the 18th edition's examples (``bench/data/cmos18-examples.json``, each
naming the section it illustrates), shortened to what the test is about; the tests give the section.
Where a form comes from the section's rule rather than its printed example, the test says so.
"""

import pytest

from citations import csl, formats
from citations.styles import get_style
from tests.citations.records import person

EDITIONS = {17: get_style("chicago-17"), 18: get_style("chicago-18")}
BOTH = pytest.mark.parametrize("edition", [17, 18])
chicago = EDITIONS[18]


def forms(item, style=chicago):
    return style.note(item), style.note(item, short=True), style.bibliography(item)


# Newspapers (18th 14.89–14.97)


def test_an_unsigned_untitled_editorial_is_cited_by_the_newspaper():
    """14.89: an editorial is described, lowercase, after the newspaper that stands in the author's place."""
    item = {
        "type": "article-newspaper",
        "container-title": "Philadelphia Inquirer",
        "genre": "editorial",
        "issued": {"date-parts": [[1990, 7, 30]]},
    }
    assert forms(item) == (
        "<i>Philadelphia Inquirer</i>, editorial, July 30, 1990.",
        "<i>Philadelphia Inquirer</i>, editorial.",
        "<i>Philadelphia Inquirer</i>. Editorial. July 30, 1990.",
    )


def test_a_letter_to_the_editor_is_described_after_its_writer():
    """14.94: "John Q. Public, letter to the editor, <i>Los Angeles Times</i>, September 2, 2024."."""
    item = {
        "type": "article-newspaper",
        "container-title": "Los Angeles Times",
        "genre": "letter to the editor",
        "author": [person("John Q.", "Public")],
        "issued": {"date-parts": [[2024, 9, 2]]},
    }
    assert forms(item) == (
        "John Q. Public, letter to the editor, <i>Los Angeles Times</i>, September 2, 2024.",
        "Public, letter to the editor.",
        "Public, John Q. Letter to the editor. <i>Los Angeles Times</i>, September 2, 2024.",
    )


def test_a_titled_editorial_names_its_edition_after_the_date():
    """14.93 and 14.97: the title, then "editorial"; an unsigned article is listed under the
    newspaper. The edition after the date (an edition in the 14.89 and 14.93 examples) follows the CSL
    style's place for it (its place in the Manual unchecked)."""
    item = {
        "type": "article-newspaper",
        "title": "A bricklayer rebuilds his life",
        "container-title": "New York Times",
        "genre": "editorial",
        "edition": "New York",
        "issued": {"date-parts": [[2022, 12, 26]]},
    }
    assert forms(item) == (
        "“A Bricklayer Rebuilds His Life,” editorial, <i>New York Times</i>, December 26, 2022, New York "
        "edition.",
        "“Bricklayer Rebuilds His Life.”",
        "<i>New York Times</i>. “A Bricklayer Rebuilds His Life.” Editorial. December 26, 2022. New York "
        "edition.",
    )


def test_a_newspaper_of_a_common_name_is_placed_in_parentheses():
    """14.89's example: "<i>Lake Forester</i> (Lake Forest, IL)", the place a record holds as
    ``publisher-place``."""
    item = {
        "type": "article-newspaper",
        "title": "Pushcarts evolve to trendy kiosks",
        "container-title": "Lake Forester",
        "publisher-place": "Lake Forest, IL",
        "issued": {"date-parts": [[2000, 3, 23]]},
    }
    assert (
        chicago.note(item)
        == "“Pushcarts Evolve to Trendy Kiosks,” <i>Lake Forester</i> (Lake Forest, IL), March 23, 2000."
    )


def test_a_section_is_named_in_headline_style_before_the_newspaper():
    """14.93 (the column “Modern Love”) and 14.88 (departments): a section's name is capitalised
    without quotation marks; the record's "Modern love" as "Modern Love", before the newspaper, as the
    Manual's Q&A sets it ("Samantha Silva, “My Spectacular Betrayal,” Modern Love, New York Times, May 19,
    2023", faq0099) and the official 18th style does (CSL styles PR #7424 on 14.88 and 14.93)."""
    item = {
        "type": "article-newspaper",
        "title": "Was this a meet-cute or meet creep?",
        "container-title": "New York Times",
        "section": "Modern love",
        "author": [person("Elizabeth", "Chang")],
        "issued": {"date-parts": [[2022, 8, 12]]},
    }
    assert chicago.note(item) == (
        "Elizabeth Chang, “Was This a Meet-Cute or Meet Creep?,” Modern Love, <i>New York Times</i>, August "
        "12, 2022."
    )


def test_a_suffix_after_a_comma_in_the_given_names_follows_the_family_name():
    """14.89's “R. W. Apple Jr.”: a record whose given names are "R. W., Jr." (as Zotero keeps them)."""
    item = {
        "type": "article-newspaper",
        "title": "Nixon tapes must be kept 3 years for use in court",
        "container-title": "New York Times",
        "author": [{"family": "Apple", "given": "R. W., Jr."}],
        "issued": {"date-parts": [[1974, 9, 9]]},
    }
    note, _short, entry = forms(csl.as_text(item))
    assert note.startswith("R. W. Apple Jr., “Nixon Tapes")
    assert entry.startswith("Apple, R. W., Jr. “Nixon Tapes")


def test_a_database_is_named_before_the_link():
    """The 18th's quick guide: "<i>Washington Post</i>, July 5, 2007, LexisNexis Academic"; a link the
    record also holds follows the database."""
    item = {
        "type": "article-newspaper",
        "title": "Apple's iPhone is sleek, smart and simple",
        "container-title": "Washington Post",
        "author": [person("Rob", "Pegoraro")],
        "archive": "LexisNexis Academic",
        "URL": "https://proquest.com/docview/2830854125",
        "issued": {"date-parts": [[2007, 7, 5]]},
    }
    assert chicago.note(item).startswith(
        "Rob Pegoraro, “Apple’s iPhone Is Sleek, Smart and Simple,” <i>Washington Post</i>, July 5, 2007, "
        "LexisNexis Academic, <a href="
    )


REVIEWED_PLAY = {
    "type": "article-newspaper",
    "title": "Happy life",
    "container-title": "New York Times",
    "author": [person("Naveen", "Kumar")],
    "reviewed-author": [person("Kathy", "Ng")],
    "event-title": "Walkerspace",
    "event-place": "New York",
    "issued": {"date-parts": [[2022, 7, 29]]},
}


def test_an_untitled_review_of_a_performance_names_where_it_was_given():
    """14.101: a review without a title of its own, the record's title being the play's, "review of
    <i>Happy Life</i>, by Kathy Ng, Walkerspace, New York"."""
    assert forms(REVIEWED_PLAY) == (
        "Naveen Kumar, review of <i>Happy Life</i>, by Kathy Ng, Walkerspace, New York, <i>New York "
        "Times</i>, "
        "July 29, 2022.",
        "Kumar, review of <i>Happy Life</i>.",
        "Kumar, Naveen. Review of <i>Happy Life</i>, by Kathy Ng, Walkerspace, New York. <i>New York "
        "Times</i>, "
        "July 29, 2022.",
    )


def test_a_review_of_an_untitled_performance_names_its_kind():
    """14.101: "review of recital by Zhu Wang (piano), Zankel Hall, New York", the record's
    ``reviewed-genre``."""
    item = {
        **REVIEWED_PLAY,
        "title": "Young Concert Artists is back, with a superb pianist",
        "author": [person("Anthony", "Tommasini")],
        "reviewed-author": [{"literal": "Zhu Wang (piano)"}],
        "reviewed-genre": "recital",
        "event-title": "Zankel Hall",
        "issued": {"date-parts": [[2021, 11, 12]]},
    }
    assert chicago.note(item) == (
        "Anthony Tommasini, “Young Concert Artists Is Back, with a Superb Pianist,” review of recital by "
        "Zhu Wang "
        "(piano), Zankel Hall, New York, <i>New York Times</i>, November 12, 2021."
    )


# Magazines (18th 14.86–14.88, 14.110)


def test_an_untitled_piece_in_a_department_is_cited_by_the_department():
    """14.88: a regular department's name, capitalised, in the title's place, after the author or,
    unsigned, after the magazine."""
    wallraff = {
        "type": "article-magazine",
        "container-title": "Atlantic",
        "section": "Word fugitives",
        "author": [person("Barbara", "Wallraff")],
        "issued": {"date-parts": [[2008, 7], [2008, 8]]},
    }
    gourmet = {
        "type": "article-magazine",
        "container-title": "Gourmet",
        "section": "Kitchen notebook",
        "issued": {"date-parts": [[2000, 9]]},
    }
    assert forms(wallraff) == (
        "Barbara Wallraff, Word Fugitives, <i>Atlantic</i>, July–August 2008.",
        "Wallraff, Word Fugitives.",
        "Wallraff, Barbara. Word Fugitives. <i>Atlantic</i>, July–August 2008.",
    )
    assert forms(gourmet) == (
        "<i>Gourmet</i>, Kitchen Notebook, September 2000.",
        "<i>Gourmet</i>, Kitchen Notebook.",
        "<i>Gourmet</i>. Kitchen Notebook. September 2000.",
    )


def test_a_translated_story_names_its_translators():
    """14.87 (Singer's “A Pair”) and 14.82: "trans." after the title, "Translated by" in the entry."""
    item = {
        "type": "article-magazine",
        "title": "A pair",
        "container-title": "New Yorker",
        "author": [person("Isaac Bashevis", "Singer")],
        "translator": [person("Blanche", "Nevel"), person("Joseph", "Nevel")],
        "issued": {"date-parts": [[1973, 12, 3]]},
    }
    note, _short, entry = forms(item)
    assert note == (
        "Isaac Bashevis Singer, “A Pair,” trans. Blanche Nevel and Joseph Nevel, <i>New Yorker</i>, "
        "December 3, 1973."
    )
    assert entry == (
        "Singer, Isaac Bashevis. “A Pair.” Translated by Blanche Nevel and Joseph Nevel. <i>New Yorker</i>, "
        "December 3, 1973."
    )


def test_an_interview_in_a_magazine_names_its_interviewer():
    """14.110: "interview by Jia Tolentino" after the title of an interview a magazine publishes."""
    item = {
        "type": "article-magazine",
        "title": "Karen O has found a more joyful kind of wildness",
        "container-title": "New Yorker",
        "author": [person("Karen", "O")],
        "interviewer": [person("Jia", "Tolentino")],
        "issued": {"date-parts": [[2022, 9, 11]]},
    }
    assert chicago.note(item) == (
        "Karen O, “Karen O Has Found a More Joyful Kind of Wildness,” interview by Jia Tolentino, <i>New "
        "Yorker</i>, "
        "September 11, 2022."
    )


# Journals (18th 14.70–14.85)

JOURNAL = {
    "type": "article-journal",
    "title": "Letters of Jonathan Sewall",
    "container-title": "Proceedings of the Massachusetts Historical Society",
    "author": [person("Henry", "Lee")],
    "volume": "10",
    "page": "407–427",
    "issued": {"date-parts": [[1896, 1]]},
}


@BOTH
def test_a_journals_series_precedes_its_volume(edition):
    """18th 14.83 (17th 14.179): "2nd ser., vol. 10", the series abbreviated lowercase."""
    item = {**JOURNAL, "collection-title": "2nd ser."}
    assert EDITIONS[edition].note(item) == (
        "Henry Lee, “Letters of Jonathan Sewall,” <i>Proceedings of the Massachusetts Historical "
        "Society</i>, "
        "2nd ser., vol. 10 (January 1896): 407–27."
    )


def test_a_journal_of_a_common_name_names_its_institution():
    """14.81: "<i>Victorian Poetry</i> (West Virginia University) 13, no. 1"."""
    item = {**JOURNAL, "container-title": "Victorian Poetry", "publisher-place": "West Virginia University"}
    assert "<i>Victorian Poetry</i> (West Virginia University) 10 (January 1896)" in chicago.note(item)


def test_an_article_in_a_special_issue_names_the_issue_and_its_editors():
    """14.77: "in “Historicizing Renewables,” ed. Ute Hasenöhrl and Patrick Kupper, <i>History and
    Technology</i> 37, no. 4"; a journal's academic editors, without a special issue, are not named."""
    item = {
        "type": "article-journal",
        "title": "Driving on wood",
        "container-title": "History and Technology",
        "volume-title": "Historicizing renewables",
        "author": [person("Arne", "Kaijser")],
        "editor": [person("Ute", "Hasenöhrl"), person("Patrick", "Kupper")],
        "volume": "37",
        "issue": "4",
        "page": "468-486",
        "issued": {"date-parts": [[2021, 10]]},
    }
    note, _short, entry = forms(item)
    assert note == (
        "Arne Kaijser, “Driving on Wood,” in “Historicizing Renewables,” ed. Ute Hasenöhrl and Patrick "
        "Kupper, "
        "<i>History and Technology</i> 37, no. 4 (October 2021): 468–86."
    )
    assert entry == (
        "Kaijser, Arne. “Driving on Wood.” In “Historicizing Renewables,” edited by Ute Hasenöhrl and "
        "Patrick "
        "Kupper. <i>History and Technology</i> 37, no. 4 (October 2021): 468–86."
    )
    assert "ed." not in chicago.note({**item, "volume-title": ""})


def test_an_article_in_parts_names_its_editor_in_the_authors_place_and_its_part():
    """14.79: "George C. Brown, ed., “A Swedish Traveler …,” pt. 2, <i>Wisconsin Magazine of History</i>"."""
    item = {
        "type": "article-journal",
        "title": "A Swedish traveler in early Wisconsin",
        "container-title": "Wisconsin Magazine of History",
        "editor": [person("George C.", "Brown")],
        "part-number": "2",
        "volume": "62",
        "issue": "1",
        "page": "41-56",
        "issued": {"date-parts": [[1978]]},
    }
    assert forms(item) == (
        "George C. Brown, ed., “A Swedish Traveler in Early Wisconsin,” pt. 2, <i>Wisconsin Magazine of "
        "History</i> 62, no. 1 (1978): 41–56.",
        "Brown, “Swedish Traveler.”",
        "Brown, George C., ed. “A Swedish Traveler in Early Wisconsin.” Pt. 2. <i>Wisconsin Magazine of "
        "History</i> 62, no. 1 (1978): 41–56.",
    )


def test_a_translated_article_names_its_translator():
    """14.82: "trans. Eléonore Rimbault" after the title."""
    item = {**JOURNAL, "translator": [person("Eléonore", "Rimbault")]}
    assert chicago.note(item).startswith(
        "Henry Lee, “Letters of Jonathan Sewall,” trans. Eléonore Rimbault, <i>"
    )


def test_articles_not_yet_in_an_issue():
    """14.75: a forthcoming article, "<i>Journal Title</i> 98 (forthcoming)"; one the journal has
    accepted, "accepted January 6, 2023, forthcoming"; one published before its issue, "ahead of print,
    April 5, 2023"."""
    forthcoming = {
        "type": "article-journal",
        "title": "Article title",
        "container-title": "Journal Title",
        "author": [person("Margaret", "Smith")],
        "volume": "98",
        "status": "forthcoming",
    }
    online = {
        "type": "article-journal",
        "title": "An investigation",
        "container-title": "Biological Bulletin",
        "author": [person("Ryan", "Mullan")],
        "DOI": "10.1086/724803",
    }
    link = '<a href="https://doi.org/10.1086/724803">https://doi.org/10.1086/724803</a>'
    assert (
        chicago.note(forthcoming) == "Margaret Smith, “Article Title,” <i>Journal Title</i> 98 (forthcoming)."
    )
    assert chicago.note({**online, "issued": {"date-parts": [[2023, 4, 5]]}}) == (
        f"Ryan Mullan, “An Investigation,” <i>Biological Bulletin</i>, ahead of print, April 5, 2023, {link}."
    )
    assert chicago.note({**online, "available-date": {"date-parts": [[2023, 1, 6]]}}) == (
        f"Ryan Mullan, “An Investigation,” <i>Biological Bulletin</i>, accepted January 6, 2023, "
        f"forthcoming, {link}."
    )


def test_a_supplements_pages_take_an_en_dash():
    """14.78: a supplement's pages "S53–S76", numbered as its issue is, "no. S1" (9.63's en dash)."""
    item = {**JOURNAL, "supplement-number": "S1", "page": "S53-S76", "issued": {"date-parts": [[2017]]}}
    assert "10, no. S1 (2017): S53–S76." in chicago.note(item)


# Blogs and social media (18th 14.105–14.107)


def test_a_blog_comment_described_by_its_record():
    """14.105: "Stephanos C, February 21, 2017, reply to Jim on Germano, “Futurist Shock.”", the record's
    ``medium`` describing an untitled entry."""
    item = {
        "type": "post-weblog",
        "author": [{"literal": "Stephanos C"}],
        "medium": "reply to Jim on Germano, “Futurist Shock.”",
        "issued": {"date-parts": [[2017, 2, 21]]},
    }
    assert chicago.note(item) == "Stephanos C, February 21, 2017, reply to Jim on Germano, “Futurist Shock.”"


def test_a_post_is_described_after_its_text():
    """14.106: "Chelsea E. Manning (@xychelsea), “do the stars have six points …?,” reply to NASA Webb
    Telescope, Twitter, July 11, 2022", the handle a suffix of the given names in the record (the comma
    kept after the question mark, as the official 18th CSL style prints it)."""
    item = {
        "type": "post",
        "title": "do the stars have six points as an artifact because of the hexagonal mirrors?",
        "container-title": "Twitter",
        "genre": "reply to NASA Webb Telescope",
        "author": [{"family": "Manning", "given": "Chelsea E., (@xychelsea)"}],
        "issued": {"date-parts": [[2022, 7, 11]]},
    }
    assert chicago.note(csl.as_text(item)) == (
        "Chelsea E. Manning (@xychelsea), “do the stars have six points as an artifact because of the "
        "hexagonal "
        "mirrors?,” reply to NASA Webb Telescope, Twitter, July 11, 2022."
    )


def test_an_untitled_reply_is_described_in_the_titles_place():
    """14.107: "Caroline Braun, reply to “How did the ‘cool kids’ from high school turn out?,” Quora", the
    comma kept after the question mark as the official 18th CSL style prints it (citeproc-js)."""
    item = {
        "type": "post",
        "container-title": "Quora",
        "genre": "reply to \"How did the 'cool kids' from high school turn out?\"",
        "author": [person("Caroline", "Braun")],
        "issued": {"date-parts": [[2016, 8, 9]]},
    }
    assert chicago.note(item) == (
        "Caroline Braun, reply to “How did the ‘cool kids’ from high school turn out?,” Quora, August 9,"
        " 2016."
    )


# Web pages (18th 14.104, 14.98, 14.112, 14.135)


@pytest.mark.parametrize(
    ("status", "note_date", "entry_date"),
    [
        ("archived", "archived October 19, 2023", "Archived October 19, 2023"),
        ("last modified", "last modified October 19, 2023", "Last modified October 19, 2023"),
        ("updated", "updated October 19, 2023", "Updated October 19, 2023"),
    ],
)
def test_a_web_page_dated_with_its_label_is_listed_under_its_owner(status, note_date, entry_date):
    """14.104: "“Academics,” Howard University, archived October 19, 2023" and "Howard University.
    “Academics.” Archived October 19, 2023.": the record's ``status`` before the date, its
    ``publisher`` (the site's owner) in the author's place in the bibliography."""
    item = {
        "type": "webpage",
        "title": "Academics",
        "publisher": "Howard University",
        "status": status,
        "issued": {"date-parts": [[2023, 10, 19]]},
    }
    assert chicago.note(item) == f"“Academics,” Howard University, {note_date}."
    assert chicago.bibliography(item) == f"Howard University. “Academics.” {entry_date}."


def test_a_web_pages_kind_follows_its_title():
    """14.98: "US Government Publishing Office, “GPO Director Names …,” news release, September 8, 2022"."""
    item = {
        "type": "webpage",
        "title": "GPO director names Yale librarian as superintendent of documents",
        "genre": "news release",
        "author": [{"literal": "US Government Publishing Office"}],
        "issued": {"date-parts": [[2022, 9, 8]]},
    }
    assert forms(item)[0] == (
        "US Government Publishing Office, “GPO Director Names Yale Librarian as Superintendent of "
        "Documents,” "
        "news release, September 8, 2022."
    )


def test_an_untitled_page_is_described_in_the_titles_place():
    """14.135: "Satellite view of Chicago, Google Maps, accessed May 5, 2024"; 14.112: "Text generated by
    ChatGPT 3.5, OpenAI, December 9, 2023"."""
    chicago_view = {
        "type": "webpage",
        "container-title": "Google Maps",
        "genre": "satellite view of Chicago",
        "accessed": {"date-parts": [[2024, 5, 5]]},
    }
    generated = {
        "type": "webpage",
        "genre": "text generated by ChatGPT 3.5",
        "publisher": "OpenAI",
        "issued": {"date-parts": [[2023, 12, 9]]},
    }
    assert forms(chicago_view) == (
        "Satellite view of Chicago, Google Maps, accessed May 5, 2024.",
        "Google Maps, satellite view of Chicago.",
        "Google Maps. Satellite view of Chicago. Accessed May 5, 2024.",
    )
    assert forms(generated) == (
        "Text generated by ChatGPT 3.5, OpenAI, December 9, 2023.",
        "OpenAI, text generated by ChatGPT 3.5.",
        "OpenAI. Text generated by ChatGPT 3.5. December 9, 2023.",
    )


def test_an_ai_tools_shared_response_is_cited_by_the_tool():
    """14.112: "ChatGPT, response to “Explain how to make pizza dough from common household ingredients,”
    OpenAI, March 7, 2023."; a record of the shared page names the tool as its site and describes the
    response in its genre."""
    item = {
        "type": "webpage",
        "container-title": "ChatGPT 3.5",
        "genre": 'response to "Explain how to make pizza dough from common household ingredients"',
        "publisher": "OpenAI",
        "issued": {"date-parts": [[2023, 12, 9]]},
    }
    assert forms(item) == (
        "ChatGPT 3.5, response to “Explain how to make pizza dough from common household ingredients,” "
        "OpenAI, December 9, 2023.",
        "ChatGPT 3.5, response to “Explain how to make pizza dough from common household ingredients.”",
        "ChatGPT 3.5. Response to “Explain how to make pizza dough from common household ingredients.” "
        "OpenAI, December 9, 2023.",
    )


def test_a_short_title_closes_the_quotation_it_opens():
    """13.33's key words, not cut inside a quotation: "Szalai, “In ‘Strangers to Ourselves.’”" for
    “In ‘Strangers to Ourselves,’ a Revelatory Account of Mental Illness” (14.100's review)."""
    item = {
        "type": "article-newspaper",
        "title": "In ‘Strangers to ourselves,’ a revelatory account of mental illness",
        "container-title": "New York Times",
        "author": [person("Jennifer", "Szalai")],
        "issued": {"date-parts": [[2022, 9, 7]]},
    }
    assert chicago.note(item, short=True) == "Szalai, “In ‘Strangers to Ourselves.’”"


def test_a_web_page_s_remark_for_readers_closes_its_entry():
    """The test library's record of 18th 14.104's example holds "Site discontinued." as CSL's
    ``references``, which the official 18th style appends to the bibliography entry (CSL styles PR #7424 on
    14.40 and 14.109); the note has no room for it."""
    item = {
        "type": "webpage",
        "title": "Biography",
        "container-title": "Pete Townshend's official website",
        "note": "references: Site discontinued.",
        "URL": "http://www.petetownshend.co.uk/petet_bio.html",
        "accessed": {"date-parts": [[2001, 12, 15]]},
    }
    note, _short, entry = forms(csl.as_text(item))
    assert entry.endswith("petet_bio.html</a>. Site discontinued.")
    assert "discontinued" not in note


def test_a_review_read_from_biblatex_is_cited_as_a_review_of_the_work():
    """CMOS 17 14.202, as Windy City's ratliff1999 gives it (``@Review`` cross-referencing the book):
    "Ben Ratliff, review of <i>The Mystery of Samba: Popular Music and National Identity in Brazil</i>,
    by Hermano Vianna, <i>Lingua Franca</i> 9 (April 1999): B13–B14"; the short note "Ratliff, review
    of <i>Mystery of Samba</i>"."""
    text = (
        "@Review{ratliff1999, author = {Ratliff, Ben}, journal = {Lingua Franca}, volume = {9},"
        " date = {1999-04}, pages = {B13–B14}, crossref = {vianna1999}}\n"
        "@Book{vianna1999, author = {Vianna, Hermano}, title = {The Mystery of Samba},"
        " subtitle = {Popular Music and National Identity in Brazil}, year = {1999}}"
    )
    review = formats.read(text, "bibtex")[0].item
    chicago_17 = EDITIONS[17]
    assert chicago_17.note(review) == (
        "Ben Ratliff, review of <i>The Mystery of Samba: Popular Music and National Identity in Brazil</i>, "
        "by Hermano Vianna, <i>Lingua Franca</i> 9 (April 1999): B13–B14."
    )
    assert chicago_17.note(review, short=True) == "Ratliff, review of <i>Mystery of Samba</i>."


@pytest.mark.parametrize("edition", [17, 18])
def test_a_translated_article_s_department_comes_before_its_translators(edition):
    """18th 14.87's “A Pair” in the Fiction department: the official 18th CSL style sets the department
    between the title and the translators, “Isaac Bashevis Singer, “A Pair,” Fiction, trans. Blanche
    Nevel and Joseph Nevel, New Yorker” (14.82, 14.88 in CSL styles PR #7424), as Windy City's article
    driver does for the 17th (the department, its ``note``, before any translator)."""
    item = {
        "type": "article-magazine",
        "title": "A pair",
        "container-title": "New Yorker",
        "section": "fiction",
        "language": "en-US",
        "author": [person("Isaac Bashevis", "Singer")],
        "translator": [person("Blanche", "Nevel"), person("Joseph", "Nevel")],
        "issued": {"date-parts": [[1973, 12, 3]]},
    }
    style = EDITIONS[edition]
    assert style.note(item) == (
        "Isaac Bashevis Singer, “A Pair,” Fiction, trans. Blanche Nevel and Joseph Nevel, <i>New Yorker</i>,"
        " December 3, 1973."
    )
    assert style.bibliography(item) == (
        "Singer, Isaac Bashevis. “A Pair.” Fiction. Translated by Blanche Nevel and Joseph Nevel. <i>New"
        " Yorker</i>, December 3, 1973."
    )
