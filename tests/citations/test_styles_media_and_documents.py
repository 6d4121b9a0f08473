"""Films, episodes, performances, talks, reviews, manuscripts, comments and posts in the Chicago
style, both editions: the full note, the short note and the bibliography entry, type by type.

Where the Manual prints the example the test says "quoted"; otherwise the expected form is
derived from the section's rule, and the test says where the pattern comes from. The 17th's
sections are given first, the 18th's after them where the Chicago CSL style names them (its
comments cite "CMOS18 14.165" and the like).
"""

import pytest

from citations.styles import get_style
from tests.citations.chicago_manual import MONTY_PYTHON, OBRIEN, OZYMANDIAS
from tests.citations.records import link, person

EDITIONS = {17: get_style("chicago-17"), 18: get_style("chicago-18")}
BOTH = pytest.mark.parametrize("edition", [17, 18])

HAMLET = {
    "id": "hamlet",
    "type": "performance",
    "title": "Hamlet nach William Shakespeare",
    "language": "de",
    "director": [person("Christoph", "Schlingensief")],
    "publisher-place": "Schauspielhaus Zürich, Pfauen",
    "issued": {"date-parts": [[2001, 5, 10]]},
}
LEIA = {
    "id": "leia",
    "type": "motion_picture",
    "title": "The one with the Princess Leia fantasy",
    "title-short": "Princess Leia Fantasy",
    "container-title": "Friends",
    "collection-number": "3",
    "number": "1",
    "director": [person("Gail", "Mancuso")],
    "original-publisher": "NBC",
    "original-date": {"date-parts": [[1996, 9, 16]]},
    "publisher": "Warner Home Video",
    "publisher-place": "Burbank, CA",
    "issued": {"date-parts": [[2003]]},
    "medium": "DVD",
    "dimensions": "22 min.",
}
RATLIFF = {
    "id": "ratliff",
    "type": "review-book",
    "title": "The mystery of samba: popular music and national identity in Brazil",
    "author": [person("Ben", "Ratliff")],
    "reviewed-author": [person("Hermano", "Vianna")],
    "container-title": "Lingua Franca",
    "volume": "9",
    "page": "B13–B14",
    "issued": {"date-parts": [[1999, 4]]},
}
KAMP = {
    "id": "kamp",
    "type": "review-book",
    "title": "Deconstructing dinner",
    "author": [person("David", "Kamp")],
    "reviewed-title": "The omnivore’s dilemma: a natural history of four meals",
    "reviewed-author": [person("Michael", "Pollan")],
    "container-title": "New York Times",
    "section": "Sunday Book Review",
    "issued": {"date-parts": [[2006, 4, 23]]},
    "URL": "http://www.nytimes.com/2006/04/23/books/review/23kamp.html",
}
BOUMAN = {
    "id": "bouman",
    "type": "speech",
    "title": "How to take a picture of a black hole",
    "title-short": "Black Hole",
    "author": [person("Katie", "Bouman")],
    "event-title": "TEDxBeaconStreet",
    "event-place": "Brookline, MA",
    "event-date": {"date-parts": [[2016, 11]]},
    "medium": "TED video",
    "dimensions": "12:51",
    "URL": "https://www.ted.com/talks/katie_bouman_what_does_a_black_hole_look_like",
}
LECTURE = {
    "id": "lecture",
    "type": "speech",
    "title": "The colonnade and the crowd",
    "author": [person("Ann", "Lecturer")],
    "genre": "lecture",
    "event-title": "Art Institute of Chicago",
    "event-place": "Chicago",
    "event-date": {"date-parts": [[2017, 5, 5]]},
}
DIARY = {
    "id": "diary",
    "type": "manuscript",
    "title": "Notes on the voyage out",
    "author": [person("Mary", "Writer")],
    "issued": {"date-parts": [[1910]]},
}


@BOTH
def test_a_film_is_listed_under_its_directors_and_files_there(edition):
    """17th 14.265, 18th 14.165: the bibliography lists a film under its directors, "Gilliam,
    Terry, and Terry Jones, dirs.", and files it under Gilliam; the note still opens with the title
    (derived: the 17th's university guides give "Jordan, Neil, dir. <i>Michael Collins</i>. 1997; …",
    the 18th's Chicago CSL style lists directors first, citing 14.165)."""
    chicago = EDITIONS[edition]
    assert chicago.bibliography(MONTY_PYTHON).startswith(
        "Gilliam, Terry, and Terry Jones, dirs. <i>Monty Python and the Holy Grail</i>. 1975; "
    )
    assert chicago.note(MONTY_PYTHON).startswith("<i>Monty Python and the Holy Grail</i>, directed by ")
    assert chicago.sort_key(MONTY_PYTHON).startswith("gilliam terry ")


@BOTH
def test_a_performance_gives_its_theater_and_full_date_not_facts_of_publication(edition):
    """18th 14.166: a staged performance, its director after the title in a note and in the author's
    place in the bibliography, then where and when it was given (derived; the 18th's Chicago CSL
    style gives the same). The 18th's dropping of a book's place does not touch a theater."""
    chicago = EDITIONS[edition]
    assert chicago.note(HAMLET) == (
        "<i>Hamlet nach William Shakespeare</i>, directed by Christoph Schlingensief, "
        "Schauspielhaus Zürich, Pfauen, May 10, 2001."
    )
    assert chicago.note(HAMLET, short=True) == "<i>Hamlet nach William Shakespeare</i>."
    assert chicago.bibliography(HAMLET) == (
        "Schlingensief, Christoph, dir. <i>Hamlet nach William Shakespeare</i>. Schauspielhaus Zürich, "
        "Pfauen, May 10, 2001."
    )


def test_an_episode_is_cited_by_its_series_then_when_it_aired_and_on_what_network():
    """17th 14.265, 18th 14.165: "<i>Breaking Bad</i>, season 5, episode 14, “Ozymandias,” directed by
    Rian Johnson, aired September 15, 2013, on AMC" (derived: the pattern of the 17th's university
    guides, "<i>The Handmaid’s Tale</i>, season 4, episode 7, “Testimony,” …, aired …, on …")."""
    chicago = EDITIONS[18]
    assert chicago.note(OZYMANDIAS) == (
        "<i>Breaking Bad</i>, season 5, episode 14, “Ozymandias,” directed by Rian Johnson, aired "
        "September 15, 2013, on AMC."
    )
    assert chicago.note(OZYMANDIAS, short=True) == "“Ozymandias.”"
    assert chicago.bibliography(OZYMANDIAS) == (
        "Johnson, Rian, dir. <i>Breaking Bad</i>. Season 5, episode 14, “Ozymandias.” Aired September 15, "
        "2013, on AMC."
    )


@pytest.mark.parametrize(
    ("edition", "facts"),
    [(17, "NBC, 1996; Burbank, CA: Warner Home Video, 2003"), (18, "NBC, 1996; Warner Home Video, 2003")],
)
def test_an_episode_on_a_recording_gives_its_first_showing_then_the_recording(edition, facts):
    """17th 14.265: as a film on DVD, "(1975; Culver City, CA: Columbia TriStar Home Entertainment,
    2001), DVD", the first showing (its network and year), then the recording's facts of
    publication, the medium and running time (derived; the 18th drops the place, 14.127)."""
    chicago = EDITIONS[edition]
    assert chicago.note(LEIA) == (
        "<i>Friends</i>, season 3, episode 1, “The One with the Princess Leia Fantasy,” directed by Gail "
        f"Mancuso ({facts}), DVD, 22 min."
    )
    assert chicago.note(LEIA, short=True) == "“Princess Leia Fantasy.”"
    assert chicago.bibliography(LEIA) == (
        "Mancuso, Gail, dir. <i>Friends</i>. Season 3, episode 1, “The One with the Princess Leia Fantasy.” "
        f"{facts}. DVD, 22 min."
    )


@BOTH
def test_an_untitled_review_is_cited_as_a_review_of_the_work(edition):
    """17th 14.202, 18th 14.102: a review without a title of its own, "review of" the work, its
    author, then the journal (derived from the 16th's 14.215 example of this review, "Ben Ratliff,
    review of <i>The Mystery of Samba: …</i>, by Hermano Vianna, …, <i>Lingua Franca</i> 9 (April
    1999): B13–B14"); a record holds such a review's reviewed title in ``title``."""
    chicago = EDITIONS[edition]
    title = "<i>The Mystery of Samba: Popular Music and National Identity in Brazil</i>"
    assert chicago.note(RATLIFF) == (
        f"Ben Ratliff, review of {title}, by Hermano Vianna, <i>Lingua Franca</i> 9 (April 1999): B13–B14."
    )
    assert chicago.note(RATLIFF, "B14", short=True) == "Ratliff, review of <i>Mystery of Samba</i>, B14."
    assert chicago.bibliography(RATLIFF) == (
        f"Ratliff, Ben. Review of {title}, by Hermano Vianna. <i>Lingua Franca</i> 9 (April 1999): B13–B14."
    )


@BOTH
def test_a_reviewed_title_is_in_headline_style_and_a_named_section_is_beside_the_paper(edition):
    """8.159: the reviewed book's title in headline style like any other. A newspaper's named section
    after the date in the 17th, "<i>New York Times</i>, April 23, 2006, Sunday Book Review" (17th
    14.202's example of this review as Windy City, a biblatex style for the 17th, encodes it: the section
    in ``edition``, which its article driver prints after the date); before the paper in the 18th, as its
    departments and columns are (18th 14.88, 14.93, as CSL styles PR #7424 reads them; Q&A faq0099's
    "Modern Love, New York Times")."""
    chicago = EDITIONS[edition]
    reviewed = "review of <i>The Omnivore’s Dilemma: A Natural History of Four Meals</i>, by Michael Pollan"
    times, section, date = "<i>New York Times</i>", "Sunday Book Review", "April 23, 2006"
    noted = f"{times}, {date}, {section}" if edition == 17 else f"{section}, {times}, {date}"
    listed = f"{times}, {date}, {section}" if edition == 17 else f"{section}. {times}, {date}"
    assert chicago.note(KAMP) == (
        f"David Kamp, “Deconstructing Dinner,” {reviewed}, {noted}, {link(KAMP['URL'])}."
    )
    assert chicago.note(KAMP, short=True) == "Kamp, “Deconstructing Dinner.”"
    assert chicago.bibliography(KAMP) == (
        f"Kamp, David. “Deconstructing Dinner.” R{reviewed[1:]}. {listed}. {link(KAMP['URL'])}."
    )


def test_a_magazines_department_stands_before_it_in_both_editions():
    """17th 14.190, as Windy City encodes its example "Patricia Marx, “Big Skyline,” Talk of the Town,
    <i>New Yorker</i>, April 27, 2015" (the department in ``note``, printed before the journal); 18th
    14.88. Only a newspaper's section follows the date, and only in the 17th."""
    marx = {
        "id": "marx",
        "type": "article-magazine",
        "title": "Big skyline",
        "author": [person("Patricia", "Marx")],
        "container-title": "New Yorker",
        "section": "Talk of the Town",
        "issued": {"date-parts": [[2015, 4, 27]]},
    }
    for edition in (17, 18):
        assert EDITIONS[edition].note(marx) == (
            "Patricia Marx, “Big Skyline,” Talk of the Town, <i>New Yorker</i>, April 27, 2015."
        )


def test_a_recorded_talk_says_where_it_was_filmed_then_its_medium_and_length():
    """17th 14.268, quoted as Australian Catholic University's guide transcribes it (the talk's own
    URL added): "Katie Bouman, “How to Take a Picture of a Black Hole,” filmed November 2016 at
    TEDxBeaconStreet, Brookline, MA, TED video, 12:51". The short title is the record's."""
    chicago = EDITIONS[17]
    assert chicago.note(BOUMAN) == (
        "Katie Bouman, “How to Take a Picture of a Black Hole,” filmed November 2016 at TEDxBeaconStreet, "
        f"Brookline, MA, TED video, 12:51, {link(BOUMAN['URL'])}."
    )
    assert chicago.note(BOUMAN, short=True) == "Bouman, “Black Hole.”"
    assert chicago.bibliography(BOUMAN) == (
        "Bouman, Katie. “How to Take a Picture of a Black Hole.” Filmed November 2016 at TEDxBeaconStreet, "
        f"Brookline, MA. TED video, 12:51. {link(BOUMAN['URL'])}."
    )


def test_a_recorded_talk_in_the_18th_names_the_event_place_and_date_without_filmed():
    """18th 14.167, the form of its TED talks ("Vaitea Cowan, “How Green Hydrogen Could End the Fossil
    Fuel Era,” TED Talk, …, April 2022, 9 min., 15 sec."): the event, where and when, then the medium and
    length; no "filmed … at"."""
    chicago = EDITIONS[18]
    assert chicago.note(BOUMAN) == (
        "Katie Bouman, “How to Take a Picture of a Black Hole,” TEDxBeaconStreet, Brookline, MA, November "
        f"2016, TED video, 12:51, {link(BOUMAN['URL'])}."
    )
    assert chicago.bibliography(BOUMAN) == (
        "Bouman, Katie. “How to Take a Picture of a Black Hole.” TEDxBeaconStreet, Brookline, MA, November "
        f"2016. TED video, 12:51. {link(BOUMAN['URL'])}."
    )


@BOTH
def test_a_talk_heard_gives_its_kind_occasion_and_date_in_parentheses(edition):
    """An unpublished talk's title quoted (8.184) and, as a paper given at a meeting, what it was,
    where and when in the note's parentheses (derived from the Manual's form for lectures and papers
    presented at meetings)."""
    chicago = EDITIONS[edition]
    assert chicago.note(LECTURE) == (
        "Ann Lecturer, “The Colonnade and the Crowd” (lecture, Art Institute of Chicago, Chicago, "
        "May 5, 2017)."
    )
    assert chicago.bibliography(LECTURE) == (
        "Lecturer, Ann. “The Colonnade and the Crowd.” Lecture, Art Institute of Chicago, Chicago, "
        "May 5, 2017."
    )


@BOTH
def test_a_manuscripts_title_is_quoted_as_an_unpublished_works(edition):
    """17th 8.184: titles of unpublished works, manuscripts among them, are quoted, not italic, as a
    thesis's are (14.215); one held in no depository says what it is, “unpublished manuscript”, before
    its date, as the 18th's example of 14.114 (“Analyzing the Unknowable”) records it."""
    chicago = EDITIONS[edition]
    assert chicago.note(DIARY) == "Mary Writer, “Notes on the Voyage Out,” unpublished manuscript, 1910."
    assert chicago.note(DIARY, short=True) == "Writer, “Notes.”"
    assert chicago.bibliography(DIARY) == (
        "Writer, Mary. “Notes on the Voyage Out.” Unpublished manuscript. 1910."
    )


@BOTH
def test_a_post_gives_its_time_stamp_when_the_record_has_one(edition):
    """17th 14.209: "Conan O’Brien (@ConanOBrien), “In honor of Earth Day, I’m recycling my tweets,”
    Twitter, April 22, 2015, 11:10 a.m., https://…" (quoted from the 17th's quick guide, here without
    the handle, which the record does not hold); the time read from the date's raw form."""
    chicago = EDITIONS[edition]
    post = {**OBRIEN, "issued": {"raw": "2015-04-22T11:10:00"}}
    assert chicago.note(post) == (
        "Conan O’Brien, “In honor of Earth Day, I’m recycling my tweets,” Twitter, April 22, 2015, "
        f"11:10 a.m., {link(OBRIEN['URL'])}."
    )


def test_an_episodes_season_and_number_are_lowercase_mid_sentence_however_the_record_spells_them():
    """14.265: "season 5, episode 14" in a note, from a record's "Season 3, Episode 12" as from
    numbers; the bibliography capitalizes only the sentence's first word."""
    episode = {**OZYMANDIAS, "collection-number": "", "number": "Season 3, Episode 12"}
    chicago = EDITIONS[18]
    assert chicago.note(episode).startswith("<i>Breaking Bad</i>, season 3, episode 12, “Ozymandias,” ")
    assert "<i>Breaking Bad</i>. Season 3, episode 12, “Ozymandias.”" in chicago.bibliography(episode)


@BOTH
def test_a_film_on_a_recording_gives_its_running_time_after_the_medium(edition):
    """17th 14.265, 18th 14.165: a film consulted on disc closes with the medium and the running time,
    as the Manual's "Blu-ray Disc, 117 min." (derived from the section's pattern)."""
    chicago = EDITIONS[edition]
    film = {**MONTY_PYTHON, "medium": "DVD", "dimensions": "91 min"}
    assert chicago.note(film).endswith("DVD, 91 min.")
    assert chicago.bibliography(film).endswith("DVD, 91 min.")


@BOTH
def test_the_or_of_an_alternative_title_stays_lowercase_before_its_colon(edition):
    """17th 8.159 rule 4, 18th 8.160: the conjunction "or" is lowercase in headline style, also where
    it closes the main title before an alternative one ("Dr. Strangelove or: How I Learned…")."""
    film = {
        "id": "strangelove",
        "type": "motion_picture",
        "title": "Dr. Strangelove or: how I learned to stop worrying and love the bomb",
        "director": [person("Stanley", "Kubrick")],
        "issued": {"date-parts": [[1964]]},
    }
    assert (
        EDITIONS[edition]
        .note(film)
        .startswith(
            "<i>Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb</i>, directed by"
        )
    )


@BOTH
def test_a_manuscript_in_a_depository_gives_its_number_then_the_depository(edition):
    """17th 14.221–14.231 (manuscript collections): an item's date, then its identifying number, then
    the depository, set off by commas, as "[ca. 1772], MS 228, Ayer Collection, Newberry Library"; no
    parentheses, which are an unpublished manuscript's not held in one (17th 14.216)."""
    letter = {
        "id": "letter",
        "type": "manuscript",
        "title": "Letter from an Unknown Correspondent",
        "archive": "Houghton Library",
        "archive_location": "MS Am 1234 (56)",
    }
    chicago = EDITIONS[edition]
    assert (
        chicago.note(letter)
        == "“Letter from an Unknown Correspondent,” n.d., MS Am 1234 (56), Houghton Library."
    )
    assert chicago.bibliography(letter) == (
        "“Letter from an Unknown Correspondent.” n.d. MS Am 1234 (56). Houghton Library."
    )


@BOTH
def test_a_record_typed_video_is_cited_as_a_film_with_its_director(edition):
    """17th 14.265, 18th 14.165: "video", a type some exports give a video recording though CSL 1.0.2
    has none, is cited as a film, its director named, rather than as a book that drops him."""
    video = {
        "id": "edge",
        "type": "video",
        "title": "On the edge",
        "director": [person("Jeremy", "Marre")],
        "publisher": "Channel 4",
        "medium": "TV series episode",
        "issued": {"date-parts": [[1992]]},
    }
    chicago = EDITIONS[edition]
    assert (
        chicago.note(video)
        == "<i>On the Edge</i>, directed by Jeremy Marre (Channel 4, 1992), TV series episode."
    )
    assert (
        chicago.bibliography(video)
        == "Marre, Jeremy, dir. <i>On the Edge</i>. Channel 4, 1992. TV series episode."
    )
