"""Court decisions cited as the Manual cites them (CMOS 17 14.276–14.280), undated works given
"n.d." (14.145), and unsigned articles listed under their periodical (14.199)."""

from citations.styles import chicago, get_style

BROWN = {
    "type": "legal_case",
    "title": "Brown v. Board of education",
    "container-title": "U.S.",
    "volume": "347",
    "page": "483",
    "authority": "Supreme Court",
    "issued": {"date-parts": [[1954]]},
}
CHRISTMAS = {
    "type": "legal_case",
    "title": "United States v. Christmas",
    "container-title": "F.3d",
    "volume": "222",
    "page": "141",
    "authority": "4th Cir.",
    "issued": {"date-parts": [[2000]]},
}


def test_a_case_note_gives_name_volume_reporter_page_court_and_year():
    """14.276's example: the italic case name, volume, reporter, first page, pinpoint, court and year."""
    assert (
        chicago.note(CHRISTMAS, "145")
        == "<i>United States v. Christmas</i>, 222 F.3d 141, 145 (4th Cir. 2000)."
    )


def test_a_supreme_court_case_in_us_reports_names_no_court():
    """14.277: the United States Reports stand for the court, so only the year is in parentheses."""
    assert chicago.note(BROWN, "495") == "<i>Brown v. Board of Education</i>, 347 U.S. 483, 495 (1954)."


def test_a_case_s_short_note_is_the_first_private_party_and_at_the_page():
    """14.276: "Christmas, 222 F.3d at 145": a government party gives way to the other one."""
    assert chicago.note(CHRISTMAS, "145", short=True) == "<i>Christmas</i>, 222 F.3d at 145."
    assert chicago.note(BROWN, short=True) == "<i>Brown</i>, 347 U.S. 483."


def test_a_case_in_a_bibliography_is_its_citation_without_a_pinpoint():
    """A case is listed, when it is, as its full citation: no author, not a book's facts of publication."""
    assert (
        chicago.bibliography(CHRISTMAS) == "<i>United States v. Christmas</i>, 222 F.3d 141 (4th Cir. 2000)."
    )


def test_undated_works_say_n_d():
    """14.145: "n.d." stands where the year would be, in notes and the bibliography."""
    book = {
        "type": "book",
        "title": "A Pamphlet",
        "publisher-place": "Boston",
        "publisher": "Rand",
        "author": [{"given": "Ann", "family": "Roe"}],
    }
    assert chicago.note(book, "4") == "Ann Roe, <i>A Pamphlet</i> (Rand, n.d.), 4."
    assert chicago.bibliography(book) == "Roe, Ann. <i>A Pamphlet</i>. Rand, n.d."
    article = {"type": "article-journal", "title": "T", "container-title": "Isis", "volume": "3"}
    assert chicago.note(article) == "“T,” <i>Isis</i> 3 (n.d.)."


def test_an_unsigned_article_is_listed_under_its_newspaper():
    """14.199: in a bibliography the newspaper stands in the author’s place; notes start with the title."""
    item = {
        "type": "article-newspaper",
        "title": "In Texas, ad heats up race for governor",
        "container-title": "New York Times",
        "issued": {"date-parts": [[2002, 7, 30]]},
    }
    assert chicago.bibliography(item) == (
        "<i>New York Times</i>. “In Texas, Ad Heats Up Race for Governor.” July 30, 2002."
    )
    assert (
        chicago.note(item)
        == "“In Texas, Ad Heats Up Race for Governor,” <i>New York Times</i>, July 30, 2002."
    )


def test_the_bibliography_files_unsigned_articles_under_the_periodical_and_titles_without_articles():
    """Entries sort letter by letter (CMOS 16.58) on their first element: the author, the periodical
    of an unsigned article, or a title without its initial article; accents and case do not count."""
    unsigned = {"type": "article-newspaper", "title": "Zebra", "container-title": "The New York Times"}
    items = [
        {"type": "book", "title": "Zed", "author": [{"given": "Émile", "family": "Zola"}]},
        unsigned,
        {"type": "book", "title": "The Iliad"},
        {"type": "book", "title": "A", "author": [{"given": "Ann", "family": "Newark"}]},
        {"type": "book", "title": "B", "author": [{"given": "Ann", "family": "ábel"}]},
    ]
    ordered = sorted(items, key=get_style("chicago-note").sort_key)
    assert [item.get("author", [{}])[0].get("family") or item["title"] for item in ordered] == [
        "ábel",
        "The Iliad",
        "Newark",
        "Zebra",  # under "New York Times", after "Newark": letter by letter
        "Zola",
    ]


def test_a_statute_s_name_links_to_the_source_s_page_and_stays_roman():
    """CMOS 17 14.289: a statute's name is roman; on the site it links to the source's page as titles do."""
    statute = {
        "type": "legislation",
        "title": "Homeland Security Act of 2002",
        "number": "107-296",
        "container-title": "Stat.",
        "volume": "116",
        "page": "2135",
        "issued": {"date-parts": [[2002]]},
    }
    assert chicago.note(statute, "2142", href="/sources/homeland/") == (
        '<a href="/sources/homeland/">Homeland Security Act of 2002</a>, Pub. L. No. 107-296, '
        "116 Stat. 2135, 2142 (2002)."
    )
    assert chicago.note(statute, "2142", short=True) == "Homeland Security Act, 2142."
