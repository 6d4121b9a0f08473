"""Reading footnotes as references: the Chicago shapes, and notes that are not citations."""

from importing.references import make_key, parse_date, parse_reference


def test_chicago_article_note_gives_authors_title_container_and_date():
    """A newspaper note in the Chicago shape gives both authors, the title, the paper and the day."""
    reference = parse_reference(
        "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
        "The Wall Street Journal, February 22, 2013."
    )
    assert reference.type == "article-newspaper"
    assert reference.authors == [
        {"given": "Drew", "family": "Hinshaw"},
        {"given": "Margaret", "family": "Coker"},
    ]
    assert reference.title == "Defenders Outgunned By Islamists In Desert"
    assert reference.container_title == "The Wall Street Journal"
    assert (reference.year, reference.month, reference.day) == (2013, 2, 22)


def test_book_note_gives_place_publisher_and_year():
    """ "Author, Title (Place: Publisher, Year)" reads as a book."""
    reference = parse_reference("John Stuart Mill, On Liberty (London: John W. Parker, 1859), 22.")
    assert (
        reference.type,
        reference.title,
        reference.publisher,
        reference.publisher_place,
        reference.year,
    ) == (
        "book",
        "On Liberty",
        "John W. Parker",
        "London",
        1859,
    )
    assert reference.authors == [{"given": "John Stuart", "family": "Mill"}]


def test_web_note_keeps_url_and_ignores_the_accessed_date():
    """A note with a URL and an access date is a web page issued on no known date."""
    reference = parse_reference(
        'Jane Doe, "A Page," Example.com, accessed May 3, 2020, https://example.com/page.'
    )
    assert (reference.type, reference.url, reference.year) == ("webpage", "https://example.com/page", None)


def test_explanatory_note_is_not_a_citation():
    """A note that explains something is not turned into a source."""
    assert parse_reference("I mean the second one, of course.") is None
    assert parse_reference("He said, “this is bad,” and left.") is None


def test_dates_in_the_shapes_bloggers_write():
    """Dates are read month-first, day-first, ISO, month and year, or year alone."""
    assert parse_date("Feb. 22, 2013") == (2013, 2, 22)
    assert parse_date("22 February 2013") == (2013, 2, 22)
    assert parse_date("2013-02-22") == (2013, 2, 22)
    assert parse_date("March 2014") == (2014, 3, None)
    assert parse_date("Smarch 2014") is None


def test_key_is_family_name_and_year_made_unique():
    """Keys look like hinshaw2013 and get a letter when taken."""
    reference = parse_reference("Drew Hinshaw, “A Title,” The Times, May 1, 2013.")
    assert make_key(reference, set()) == "hinshaw2013"
    assert make_key(reference, {"hinshaw2013", "hinshaw2013a"}) == "hinshaw2013b"
