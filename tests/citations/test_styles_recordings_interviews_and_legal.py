"""Recordings, interviews, recorded talks, artworks, maps, patents, programs, bills and hearings in the
Chicago style, both editions, type by type, on records of the 18th edition's own examples
(``bench/data/cmos18-examples.json``, their extra variables in the note as Zotero's "Extra" holds
them).

The forms are derived from the section each record illustrates and the 18th's Chicago CSL style,
which was written to print them; where Pandoc's rendering of that style departs from the Manual, the
difference is a cause in ``bench/compare_pandoc.py``.
"""

import sys
from pathlib import Path

import pytest

from citations import csl
from citations.styles import get_style
from tests.citations.records import link, person

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import compare_pandoc  # noqa: E402

EDITIONS = {17: get_style("chicago-17"), 18: get_style("chicago-18")}
BOTH = pytest.mark.parametrize("edition", [17, 18])


def forms(record, edition):
    """The full note, short note and bibliography entry of ``record`` as the site reads it."""
    chicago, item = EDITIONS[edition], csl.as_text(record)
    return chicago.note(item), chicago.note(item, short=True), chicago.bibliography(item)


HOLIDAY = {
    "type": "song",
    "title": "I’m a fool to want you",
    "author": [person("Billie", "Holiday")],
    "contributor": [person("Joel", "Herron"), person("Frank", "Sinatra"), person("Jack", "Wolf")],
    "publisher": "Columbia",
    "medium": "33⅓ rpm",
    "note": "container-title: Lady in satin\nevent-date: 1958-02-20\nchapter-number: 1\nnumber: CL 1157",
    "issued": {"date-parts": [[1997, 10]]},
}
AUDEN = {
    "type": "song",
    "title": "Selected poems",
    "composer": [person("W. H.", "Auden")],
    "publisher": "Spoken Arts",
    "medium": "audiocassette",
    "note": "narrator: the author\nnumber: 7137",
    "issued": {"date-parts": [[1991]]},
}
TRUMPET = {
    "type": "song",
    "title": "Art of the Trumpet",
    "author": [{"literal": "New York Trumpet Ensemble"}],
    "publisher": "Vox/Turnabout",
    "medium": "compact disc",
    "note": "number: PVT 7183\nevent-title: the Madeira Festival\nevent-date: 1981-06-01/1981-06-02",
    "issued": {"date-parts": [[1982]]},
}
SANDERS = {
    "type": "interview",
    "author": [person("Bernie", "Sanders")],
    "interviewer": [{"family": "Cardi B", "given": ""}],
    "medium": "YouTube",
    "URL": "https://youtu.be/p1ubTsrZFBU",
    "note": "event-place: TEN Nail Bar, Detroit, MI\nevent-date: 2019-07-29\nstatus: posted",
    "issued": {"date-parts": [[2019, 8, 15]]},
}
SPOCK = {
    "type": "interview",
    "author": [person("Benjamin", "Spock")],
    "interviewer": [person("Milton J. E.", "Senn")],
    "archive": "National Library of Medicine",
    "archive_location": "interview 67A, transcript",
    "note": "archive_collection: Senn Oral History Collection\narchive-place: Bethesda, MD",
    "issued": {"date-parts": [[1974, 11, 20]]},
}
UNNAMED = {
    "type": "interview",
    "note": "genre: interview with health-care worker",
    "issued": {"date-parts": [[2024, 6, 15]]},
}
COWAN = {
    "type": "speech",
    "title": "How green hydrogen could end the fossil fuel era",
    "title-short": "Green hydrogen",
    "author": [person("Vaitea", "Cowan")],
    "event-title": "TED Talk",
    "publisher-place": "Vancouver, BC",
    "URL": "https://www.ted.com/talks/vaitea_cowan_how_green_hydrogen_could_end_the_fossil_fuel_era",
    "note": "dimensions: 9 min., 15 sec.",
    "issued": {"date-parts": [[2022, 4]]},
}
TRUMAN = {
    "type": "speech",
    "title": "First speech to Congress",
    "author": [person("Harry S.", "Truman")],
    "URL": "https://millercenter.org/the-presidency/presidential-speeches/april-16-1945-first-speech-congress",
    "note": "event-date: 1945-04-16\npublisher: Miller Center of Public Affairs, University of Virginia\n"
    "medium: transcript and audio\ndimensions: 18:13",
}
STRANGE_LOOP = {
    "type": "speech",
    "title": "A strange loop",
    "publisher-place": "Lyceum Theatre, New York, NY",
    "note": "type: performance\nscript-writer: Jackson || Michael R.\ndirector: Brackett || Stephen",
    "issued": {"date-parts": [[2022, 9, 22]]},
}
DALI = {
    "type": "graphic",
    "title": "The persistence of memory",
    "author": [person("Salvador", "Dalí")],
    "medium": "oil on canvas",
    "dimensions": "9½ × 13 in. (24.1 × 33 cm)",
    "archive": "Museum of Modern Art",
    "archive_location": "object no. 162.1934",
    "note": "archive-place: New York",
    "issued": {"date-parts": [[1931]]},
}
LANGE = {
    "type": "graphic",
    "title": "Black Maria, Oakland",
    "author": [person("Dorothea", "Lange")],
    "medium": "gelatin silver print",
    "dimensions": "39.3 × 37 cm",
    "note": "original-date: 1957\nstatus: printed",
    "issued": {"date-parts": [[1965]]},
}
YOSEMITE = {
    "type": "map",
    "title": "California: Yosemite Quadrangle",
    "author": [{"literal": "US Geological Survey"}],
    "edition": "reprint",
    "scale": "1:125,000 scale",
    "archive": "National Map, Historic Topographic Map Collection",
    "note": "medium: 30-minute series quadrangle\noriginal-date: 1909",
    "issued": {"date-parts": [[1951]]},
}
CEMENT = {
    "type": "patent",
    "title": "Cement admixture",
    "author": [person("Masanori", "Iizuka"), person("Hideki", "Tanaka")],
    "authority": "US",
    "number": "4,586,960",
    "submitted": {"date-parts": [[1984, 6, 26]]},
    "issued": {"date-parts": [[1986, 5, 6]]},
}
AUTHENTIC = {
    "type": "broadcast",
    "title": "Authentic: the story of Tablo",
    "title-short": "Authentic",
    "author": [{"family": "Thomas", "given": "Dexter, Jr."}],
    "producer": [person("Stephanie", "Kariuki")],
    "publisher": "VICE / iHeart Podcast Network",
    "issued": {"date-parts": [[2022, 3, 24]]},
}
CROP_DUSTER = {
    "type": "motion_picture",
    "title": "Crop duster attack",
    "author": [person("Alfred", "Hitchcock")],
    "medium": "DVD",
    "publisher": "Warner Home Video",
    "note": "original-date: 1959-11-20\ncontainer-title: North by Northwest",
    "issued": {"date-parts": [[2000]]},
}
RESPECT = {
    "type": "bill",
    "title": "Respect for Marriage Act",
    "authority": "117th Cong.",
    "number": "8404",
    "note": "status: enacted\ngenre: H.R.",
    "issued": {"date-parts": [[2022]]},
}
GLOBE = {
    "type": "bill",
    "authority": "34th Cong.",
    "chapter-number": "3d Sess.",
    "number": "Cong. Globe",
    "page": "149",
    "issued": {"date-parts": [[1856]]},
}
HOMELAND = {
    "type": "hearing",
    "title": "Homeland Security Act of 2002: Hearings on H.R. 5005, Day 3, Before the Select Comm. on "
    "Homeland Security",
    "authority": "107th Cong.",
    "chapter-number": "203",
    "note": "author: David Walker, Comptroller General of the United States",
    "issued": {"date-parts": [[2002]]},
}


@BOTH
def test_a_track_names_its_album_when_it_was_recorded_and_the_labels_number(edition):
    """18th 14.163: a track "on" its album, then when it was recorded, the label with the recording's
    number, its date and medium; the names the record gives after the title (the songwriters here)
    as a note's names are, "et al." from three in the 18th."""
    note, short, entry = forms(HOLIDAY, edition)
    names = "Joel Herron et al." if edition == 18 else "Joel Herron, Frank Sinatra, and Jack Wolf"
    assert note == (
        f"Billie Holiday, “I’m a Fool to Want You,” {names}, track 1 on <i>Lady in Satin</i>, recorded "
        "February 20, 1958, Columbia CL 1157, October 1997, 33⅓ rpm."
    )
    assert entry == (
        "Holiday, Billie. “I’m a Fool to Want You.” Joel Herron, Frank Sinatra, and Jack Wolf. Track 1 on "
        "<i>Lady in Satin</i>. Recorded February 20, 1958. Columbia CL 1157, October 1997. 33⅓ rpm."
    )


@BOTH
def test_a_reading_is_under_its_author_read_by_its_reader(edition):
    """18th 14.164: "Auden, W. H. <i>Selected Poems</i>. Read by the author. Spoken Arts 7137, 1991.
    Audiocassette." (the composer, here the poet, in the author's place)."""
    note, short, entry = forms(AUDEN, edition)
    assert (
        note
        == "W. H. Auden, <i>Selected Poems</i>, read by the author, Spoken Arts 7137, 1991, audiocassette."
    )
    assert short == "Auden, <i>Selected Poems</i>."
    assert (
        entry
        == "Auden, W. H. <i>Selected Poems</i>. Read by the author. Spoken Arts 7137, 1991. Audiocassette."
    )


def test_a_recording_files_under_the_name_its_entry_opens_with():
    """18th 14.163: Auden's reading under Auden, its composer here, as its entry opens; a recording by
    performers under them."""
    chicago = EDITIONS[18]
    assert chicago.sort_key(csl.as_text(AUDEN)).startswith("auden wh ")
    assert chicago.sort_key(csl.as_text(HOLIDAY)).startswith("holiday billie ")


@BOTH
def test_a_recording_says_where_and_over_which_days_it_was_recorded(edition):
    """18th 14.163: "recorded at the Madeira Festival, June 1–2, 1981", the month given once."""
    note, _short, _entry = forms(TRUMPET, edition)
    assert note == (
        "New York Trumpet Ensemble, <i>Art of the Trumpet</i>, recorded at the Madeira Festival, June 1–2, "
        "1981, Vox/Turnabout PVT 7183, 1982, compact disc."
    )


@BOTH
def test_an_interview_posted_online_says_who_asked_where_when_and_when_posted(edition):
    """18th 14.110: the person interviewed, "interview by" the interviewer, where and when, "posted" and
    the site; its short note in the 18th says what it is, "Sanders, interview." (the quick guide's
    "Buolamwini, interview.")."""
    note, short, entry = forms(SANDERS, edition)
    url = link(SANDERS["URL"])
    assert note == (
        "Bernie Sanders, interview by Cardi B, TEN Nail Bar, Detroit, MI, July 29, 2019, posted August 15, "
        f"2019, YouTube, {url}."
    )
    assert entry == (
        "Sanders, Bernie. Interview by Cardi B, TEN Nail Bar, Detroit, MI, July 29, 2019. Posted August 15, "
        f"2019. YouTube. {url}."
    )
    if edition == 18:
        assert short == "Sanders, interview."


@BOTH
def test_an_archived_interview_gives_its_number_collection_and_depository(edition):
    """18th 14.108 (17th 14.219): "Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974,
    interview 67A, transcript, Senn Oral History Collection, National Library of Medicine, Bethesda,
    MD"."""
    note, _short, entry = forms(SPOCK, edition)
    assert note == (
        "Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, interview 67A, transcript, Senn "
        "Oral History Collection, National Library of Medicine, Bethesda, MD."
    )
    assert entry == (
        "Spock, Benjamin. Interview by Milton J. E. Senn. November 20, 1974. Interview 67A, transcript. Senn "
        "Oral History Collection, National Library of Medicine, Bethesda, MD."
    )


@BOTH
def test_an_interview_with_an_unnamed_person_is_cited_by_its_description(edition):
    """18th 14.109: "Interview with health-care worker, June 15, 2024." """
    note, short, entry = forms(UNNAMED, edition)
    assert note == "Interview with health-care worker, June 15, 2024."
    assert short == "Interview with health-care worker."
    assert entry == "Interview with health-care worker. June 15, 2024."


def test_a_recorded_talk_in_the_18th_gives_its_event_place_and_date():
    """18th 14.167 (quick guide): "Vaitea Cowan, “How Green Hydrogen Could End the Fossil Fuel Era,” TED
    Talk, … April 2022, 9 min., 15 sec., https://…", with the place the record gives after the event
    (as a talk's, 14.115)."""
    note, short, entry = forms(COWAN, 18)
    url = link(COWAN["URL"])
    assert note == (
        "Vaitea Cowan, “How Green Hydrogen Could End the Fossil Fuel Era,” TED Talk, Vancouver, BC, April "
        f"2022, 9 min., 15 sec., {url}."
    )
    assert short == "Cowan, “Green Hydrogen.”"
    assert entry == (
        "Cowan, Vaitea. “How Green Hydrogen Could End the Fossil Fuel Era.” TED Talk, Vancouver, BC, April "
        f"2022. 9 min., 15 sec. {url}."
    )


@BOTH
def test_a_recorded_speech_names_who_published_the_recording(edition):
    """18th 14.164: a speech without an event is dated, then its publisher, medium and length; it is not
    "filmed"."""
    note, _short, entry = forms(TRUMAN, edition)
    url = link(TRUMAN["URL"])
    assert note == (
        "Harry S. Truman, “First Speech to Congress,” April 16, 1945, Miller Center of Public Affairs, "
        f"University of Virginia, transcript and audio, 18:13, {url}."
    )
    assert entry == (
        "Truman, Harry S. “First Speech to Congress.” April 16, 1945. Miller Center of Public Affairs, "
        f"University of Virginia. Transcript and audio, 18:13. {url}."
    )


@BOTH
def test_a_talk_whose_note_says_performance_is_cited_as_a_staged_performance(edition):
    """18th 14.166: a performance, its director after the title in a note, in the author's place in a
    bibliography, then the theater and the full date."""
    note, _short, entry = forms(STRANGE_LOOP, edition)
    assert note == (
        "<i>A Strange Loop</i>, directed by Stephen Brackett, Lyceum Theatre, New York, NY, September 22, "
        "2022."
    )
    assert entry == (
        "Brackett, Stephen, dir. <i>A Strange Loop</i>. Lyceum Theatre, New York, NY, September 22, 2022."
    )


@BOTH
def test_an_artwork_gives_its_medium_size_and_where_it_is_kept(edition):
    """18th 14.133: the title in italics, the date, the medium and size, the museum, its place and the
    object's number."""
    note, short, entry = forms(DALI, edition)
    assert note == (
        "Salvador Dalí, <i>The Persistence of Memory</i>, 1931, oil on canvas, 9½ × 13 in. (24.1 × 33 cm), "
        "Museum of Modern Art, New York, object no. 162.1934."
    )
    assert short == "Dalí, <i>Persistence of Memory</i>."
    assert entry == (
        "Dalí, Salvador. <i>The Persistence of Memory</i>. 1931. Oil on canvas, 9½ × 13 in. (24.1 × 33 cm). "
        "Museum of Modern Art, New York, object no. 162.1934."
    )


@BOTH
def test_a_photograph_printed_later_gives_both_dates(edition):
    """18th 14.133: "1957, printed 1965"."""
    note, _short, _entry = forms(LANGE, edition)
    assert note == (
        "Dorothea Lange, <i>Black Maria, Oakland</i>, 1957, printed 1965, gelatin silver print, 39.3 × 37 cm."
    )


@BOTH
def test_a_reprinted_map_gives_its_first_date_then_the_reprint(edition):
    """18th 14.135: "1909; reprint, 1951" in a note, "1909. Reprint, 1951." in a bibliography, as a
    reprinted book's dates; then the series, the scale and the collection."""
    note, _short, entry = forms(YOSEMITE, edition)
    assert note == (
        "US Geological Survey, <i>California: Yosemite Quadrangle</i>, 1909; reprint, 1951, 30-minute series "
        "quadrangle, 1:125,000 scale, National Map, Historic Topographic Map Collection."
    )
    assert entry == (
        "US Geological Survey. <i>California: Yosemite Quadrangle</i>. 1909. Reprint, 1951. 30-minute series "
        "quadrangle, 1:125,000 scale. National Map, Historic Topographic Map Collection."
    )


@BOTH
def test_a_patent_gives_its_number_and_when_it_was_filed_and_issued(edition):
    """17th 14.157, 18th 14.158: "Iizuka, Masanori, and Hideki Tanaka. Cement admixture. US Patent
    4,586,960, filed June 26, 1984, and issued May 6, 1986." (its title as the patent words it)."""
    note, short, entry = forms(CEMENT, edition)
    assert note == (
        "Masanori Iizuka and Hideki Tanaka, Cement admixture, US Patent 4,586,960, filed June 26, 1984, and "
        "issued May 6, 1986."
    )
    assert short == "Iizuka and Tanaka, Cement admixture."
    assert entry == (
        "Iizuka, Masanori, and Hideki Tanaka. Cement admixture. US Patent 4,586,960, filed June 26, 1984, "
        "and issued May 6, 1986."
    )


@BOTH
def test_a_podcast_cited_whole_names_its_producer_network_and_date(edition):
    """18th 14.168: the host (his suffix, kept in the record's given name after a comma, read as one),
    the podcast in italics, its producer, network and full date."""
    note, short, entry = forms(AUTHENTIC, edition)
    assert note == (
        "Dexter Thomas Jr., <i>Authentic: The Story of Tablo</i>, produced by Stephanie Kariuki, VICE / "
        "iHeart Podcast Network, March 24, 2022."
    )
    assert short == "Thomas, <i>Authentic</i>."
    assert entry == (
        "Thomas, Dexter, Jr. <i>Authentic: The Story of Tablo</i>. Produced by Stephanie Kariuki. VICE / "
        "iHeart Podcast Network, March 24, 2022."
    )


def test_a_scene_of_a_film_gives_the_films_release_then_the_recording():
    """18th 14.165: "“Crop Duster Attack,” <i>North by Northwest</i> (1959; Warner Home Video, 2000),
    DVD"."""
    note, _short, entry = forms(CROP_DUSTER, 18)
    assert note == (
        "Alfred Hitchcock, “Crop Duster Attack,” <i>North by Northwest</i> (1959; Warner Home Video, 2000), "
        "DVD."
    )
    assert entry == (
        "Hitchcock, Alfred. “Crop Duster Attack.” <i>North by Northwest</i>. 1959; Warner Home Video, 2000. "
        "DVD."
    )


@BOTH
def test_a_bill_gives_its_chamber_number_congress_year_and_status(edition):
    """18th 14.184: "Respect for Marriage Act, H.R. 8404, 117th Cong. (2022) (enacted)"."""
    note, short, _entry = forms(RESPECT, edition)
    assert note == "Respect for Marriage Act, H.R. 8404, 117th Cong. (2022) (enacted)."
    assert short == "Respect for Marriage Act."


@BOTH
def test_a_debate_gives_its_congress_session_and_page(edition):
    """18th 14.188: "Cong. Globe, 34th Cong., 3d Sess. 149 (1856)"; untitled, its short note is its
    citation without the year, as the Bluebook shortens one."""
    note, short, _entry = forms(GLOBE, edition)
    assert note == "Cong. Globe, 34th Cong., 3d Sess. 149 (1856)."
    assert short == "Cong. Globe, 34th Cong., 3d Sess. 149."


@BOTH
def test_a_hearing_gives_the_witness_statement_after_the_year(edition):
    """18th 14.185 (17th 14.293): "… 107th Cong. 203 (2002) (statement of David Walker, Comptroller
    General of the United States)"."""
    note, _short, _entry = forms(HOMELAND, edition)
    assert note == (
        f"<i>{HOMELAND['title']}</i>, 107th Cong. 203 (2002) (statement of David Walker, Comptroller General "
        "of the United States)."
    )


def test_a_given_name_holding_a_suffix_after_a_comma_is_read_as_name_and_suffix():
    """As citeproc reads "Dexter, Jr.": the suffix after the family name in a note ("Dexter Thomas
    Jr."), after the given name in a bibliography ("Thomas, Dexter, Jr.")."""
    (name,) = csl.as_text({"author": [{"family": "Thomas", "given": "Dexter, Jr."}]})["author"]
    assert name == {"family": "Thomas", "given": "Dexter", "suffix": "Jr."}


def _cause(start):
    return next(cause for cause in compare_pandoc.CAUSES if cause.label.startswith(start))


def test_the_causes_for_these_types_take_away_only_their_own_difference():
    """The verbs Pandoc's locale lacks are a recording's or talk's, not a book's; the 18th's short note of
    an interview only an interview's, and only in the 18th."""
    verbs = _cause("the verbs before a recording's track").change
    song = {"type": "song"}
    assert verbs("Auden. Read by the author.", "Auden. the author.", song, "full")[0] == "Auden. the author."
    book = {"type": "book"}
    assert (
        verbs("Auden. Read by the author.", "Auden. the author.", book, "full")[0]
        == "Auden. Read by the author."
    )
    interview = _cause("an interview's short note")
    assert set(interview.sections) == {18}
    assert interview.change("Sanders, interview.", "Sanders, YouTube.", {"type": "speech"}, "short") == (
        "Sanders, interview.",
        "Sanders, YouTube.",
    )


OBER = {
    "type": "broadcast",
    "title": "Goodbye, routine; hello, meltdown!",
    "container-title": "The loudest girl in the world",
    "number": "season 1, episode 2",
    "publisher": "Pushkin Industries",
    "author": [person("Lauren", "Ober")],
    "issued": {"date-parts": [[2022, 9, 13]]},
}


@BOTH
def test_a_podcast_episode_is_named_after_its_podcast_in_the_18th(edition):
    """18th 14.168, as CSL styles PR #7424 describes the official style: the podcast's title moved "to the
    beginning of the citation", the episode's number printed, then the episode's title; the 17th gives the
    episode's title first ("Mike Duncan, “The Fall of Rome,” <i>The History of Rome</i>", 17th 14.267)."""
    note, _short, entry = forms(OBER, edition)
    podcast, episode = "<i>The Loudest Girl in the World</i>", "“Goodbye, Routine; Hello, Meltdown!,”"
    if edition == 18:
        assert note == (
            f"Lauren Ober, {podcast}, season 1, episode 2, {episode} Pushkin Industries, September 13, 2022."
        )
        assert entry == (
            f"Ober, Lauren. {podcast}. Season 1, episode 2, {episode[:-2]}” Pushkin Industries, September 13,"
            " 2022."
        )
    else:
        assert note == (
            f"Lauren Ober, {episode} {podcast}, season 1, episode 2, Pushkin Industries, September 13, 2022."
        )


@BOTH
def test_a_legal_document_s_bibliography_entry_gives_its_link_after_a_period(edition):
    """The official CSL styles (18th and 17th) close a case's or a statute's citation with a period before
    its link in the bibliography, "Citizens United v. Federal Election Comm’n, 558 U.S. 310 (2010).
    https://www.loc.gov/item/usrep558310/." (18th 14.170's URL, in Pandoc and citeproc-js alike); the
    note keeps the comma, "(2010), https://…"."""
    case = {
        "type": "legal_case",
        "title": "Citizens United v. Federal Election Comm’n",
        "container-title": "U.S.",
        "volume": "558",
        "page": "310",
        "URL": "https://www.loc.gov/item/usrep558310/",
        "issued": {"date-parts": [[2010]]},
    }
    note, _short, entry = forms(case, edition)
    link = '<a href="https://www.loc.gov/item/usrep558310/">https://www.loc.gov/item/usrep558310/</a>'
    assert note == f"<i>Citizens United v. Federal Election Comm’n</i>, 558 U.S. 310 (2010), {link}."
    assert entry == f"<i>Citizens United v. Federal Election Comm’n</i>, 558 U.S. 310 (2010). {link}."
    statute = {
        "type": "legislation",
        "title": "Homeland Security Act",
        "container-title": "U.S.C.",
        "volume": "6",
        "section": "§ 101",
        "URL": "https://www.law.cornell.edu/uscode/text/6/101",
        "issued": {"date-parts": [[2002]]},
    }
    _note, _short, entry = forms(statute, edition)
    assert entry.startswith("Homeland Security Act, 6 U.S.C. § 101 (2002). <a href=")


@BOTH
def test_a_congressional_report_gives_its_page_after_the_facts(edition):
    """18th 14.186: a report of Congress cited as a report gives the page its record holds after the
    facts, as the official 18th CSL style prints it (citeproc-js): “Select Comm. on Homeland Security,
    Homeland Security Act of 2002, H.R. Rep. no. 107-609, pt. 1 (2002), 54”; a locator takes its place."""
    report = {
        "type": "report",
        "genre": "H.R. Rep.",
        "number": "107-609",
        "note": "part-number: 1",
        "page": "54",
        "title": "Select Comm. on Homeland Security, Homeland Security Act of 2002",
        "issued": {"date-parts": [[2002]]},
    }
    note, _short, _entry = forms(report, edition)
    assert note.endswith("H.R. Rep. 107-609, pt. 1 (2002), 54.")
    assert EDITIONS[edition].note(csl.as_text(report), "12").endswith("pt. 1 (2002), 12.")
