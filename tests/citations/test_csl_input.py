"""What citeproc-py is given and what is done to its output, so that the in-text styles print what CSL
says (``styles.citeproc_input``, ``styles.processor``): each test names the CSL rule citeproc-py
misses on its own, and the record it showed on (``bench/compare_csl.py --causes``)."""

from citations.styles import get_style
from citations.styles.citeproc_input import curly_quotes, minimal_two, tidy_initials
from citations.styles.processor import Cited

ARTICLE = {
    "type": "article-journal",
    "title": "The contested terrain of alcohol sponsorship of sport in New Zealand",
    "container-title": "International Review for the Sociology of Sport",
    "author": [{"given": "Kieran", "family": "Cody"}],
    "volume": "51",
    "issue": "4",
    "page": "375-393",
    "issued": {"date-parts": [[2016, 6, 1]]},
}
CHAPTER = {
    "type": "chapter",
    "title": "The media image of sport and gender",
    "container-title": "MediaSport",
    "author": [{"given": "Margaret Carlisle", "family": "Duncan"}],
    "editor": [{"given": "Lawrence", "family": "Wenner"}],
    "publisher": "Routledge",
    "page": "170-185",
    "issued": {"date-parts": [[2002]]},
}


def test_vancouver_dates_are_spaced_as_its_locale_says():
    """NLM's English locale dates "2006 Jun 1" (``<date form="text" delimiter=" ">``); citeproc-py
    joined the parts with the calling date's delimiter, none: "2016Jun1", "[cited 2019Apr24]"."""
    item = {**ARTICLE, "URL": "https://example.org/a", "accessed": {"date-parts": [[2019, 4, 24]]}}
    entry = get_style("vancouver").bibliography(item)
    assert "[Internet]. 2016 Jun 1 [cited 2019 Apr 24];51(4):375–93." in entry


def test_apa_labels_are_title_case():
    """APA's ``<label text-case="title">`` gives "(Ed.)"; citeproc-py title-cases no label ("(ed.)")."""
    assert "In L. Wenner (Ed.), <i>MediaSport</i>" in get_style("apa").bibliography(CHAPTER)


def test_straight_quotes_in_a_title_are_typeset_and_alternate_within_quotes():
    """CSL rich text: a pair of ' or " is a quotation (outer “”, inner ‘’), a lone ' an apostrophe."""
    assert (
        curly_quotes("Have we really 'come a long way, baby'?") == "Have we really “come a long way, baby”?"
    )
    assert curly_quotes("women's sport") == "women’s sport"
    assert curly_quotes("He said \"the 'best' one\"") == "He said “the ‘best’ one”"
    item = {**ARTICLE, "title": "'Women could be every bit as good as guys': agency in two 'action' sports"}
    entry = get_style("harvard").bibliography(item)
    # The style quotes the title, so the title's own quotations are single within it.
    assert "“‘Women could be every bit as good as guys’: agency in two ‘action’ sports,”" in entry


def test_a_title_s_question_mark_takes_no_full_stop_after_it():
    """ "Baby”? Sport Management Review", not "?." (CSL: punctuation already there is not doubled)."""
    item = {**ARTICLE, "title": "Have we really 'come a long way, baby'?"}
    entry = get_style("apa").bibliography(item)
    assert "Have we really “come a long way, baby”? <i>International Review" in entry


def test_initials_are_stopped_and_spaced():
    """A style that keeps given names whole still tidies initials: "Nancy K.", "H. C. G. Matthew"."""
    assert tidy_initials("Nancy K") == "Nancy K."
    assert tidy_initials("H.C.G.") == "H. C. G."
    assert tidy_initials("Andrew N.J.") == "Andrew N. J."
    assert tidy_initials("Jo Ann") == "Jo Ann"
    item = {**ARTICLE, "author": [{"given": "Nancy K", "family": "Adams"}]}
    assert get_style("chicago-author-date").bibliography(item).startswith("Adams, Nancy K. 2016.")


FILM = {
    "type": "motion_picture",
    "title": "A film",
    "director": [{"given": "John", "family": "Doe"}, {"given": "Rob", "family": "Roe"}],
    "publisher": "The Distributor",
    "issued": {"date-parts": [[2015]]},
}


def test_a_film_is_cited_by_its_directors():
    """CSL 1.0.2's ``director`` stands in the author's place (APA 7 10.12); citeproc-py
    0.11 knew no such variable and cited the film by its title. Chicago's shortened names reach the
    directors though its ``<substitute>`` names them inside a ``<choose>``: "Doe and Roe", not
    "John Doe, Rob Roe"."""
    cites = [(Cited("k", value="3"),), (Cited("k", narrative=True),)]
    apa = get_style("apa")
    assert apa.cite(cites, {"k": FILM}) == ["(Doe &amp; Roe, 2015, p. 3)", "Doe &amp; Roe (2015)"]
    assert apa.bibliography(FILM).startswith("Doe, J., &amp; Roe, R. (Directors). (2015). <i>A film</i>")
    chicago = get_style("chicago-author-date")
    assert chicago.cite(cites, {"k": FILM}) == ["(Doe and Roe 2015, 3)", "Doe and Roe (2015)"]
    assert chicago.bibliography(FILM).startswith("Doe, John, and Rob Roe, dirs. 2015. <i>A Film</i>.")


def test_a_work_cited_by_title_or_series_is_named_so_in_a_narrative_citation():
    """ "@key" names in the text whatever the style puts in the author's place: Harvard cites a film by
    its title though it has a director, Chicago an episode by its series."""
    [film] = get_style("harvard").cite([(Cited("k", narrative=True),)], {"k": FILM})
    assert film == "<i>A film</i> (2015)"
    episode = {
        "type": "broadcast",
        "title": "The one with the Princess Leia fantasy",
        "container-title": "Friends",
        "director": [{"given": "Gail", "family": "Mancuso"}],
        "number": "1",
        "issued": {"date-parts": [[1996, 9, 16]]},
    }
    [narrative] = get_style("chicago-author-date").cite([(Cited("k", narrative=True),)], {"k": episode})
    assert narrative == "<i>Friends</i> (1996)"


SMITH = {
    "type": "book",
    "author": [{"given": "John", "family": "Smith"}],
    "publisher": "Norton",
    "issued": {"date-parts": [[2019]]},
}
WORKS_OF_SMITH = {
    "beta": {**SMITH, "title": "Beta"},
    "alpha": {**SMITH, "title": "Alpha"},
    "gamma": {**SMITH, "title": "Gamma", "issued": {"date-parts": [[2020]]}},
}


def test_two_works_by_one_author_in_one_year_are_2019a_and_2019b_in_text_and_in_the_list():
    """Works whose citations would read alike take year suffixes in reference-list order (CSL
    "Disambiguation"; APA 7 8.19); a third, of another year, takes none. citeproc-py
    does not disambiguate."""
    cites = [(Cited("beta", value="3"),), (Cited("alpha"),), (Cited("gamma", narrative=True),)]
    for style, expected, first_entry in [
        (
            "apa",
            ["(Smith, 2019b, p. 3)", "(Smith, 2019a)", "Smith (2020)"],
            "Smith, J. (2019a). <i>Alpha</i>",
        ),
        ("chicago-author-date", ["(Smith 2019b, 3)", "(Smith 2019a)", "Smith (2020)"], "Smith, John. 2019a."),
        ("harvard", ["(Smith, 2019b, p. 3)", "(Smith, 2019a)", "Smith (2020)"], "Smith, J. (2019a) <i>Alpha"),
    ]:
        assert get_style(style).cite(cites, WORKS_OF_SMITH) == expected, style
        entries = get_style(style).reference_list(WORKS_OF_SMITH)
        assert entries[0].startswith(first_entry), style
        assert "2019b" in entries[1] and "2020" in entries[2] and "2020a" not in entries[2], style
    # One work of its year stays plain.
    assert get_style("apa").cite([(Cited("beta"),)], {"beta": WORKS_OF_SMITH["beta"]}) == ["(Smith, 2019)"]


def test_mla_cites_the_author_and_page_and_adds_the_title_only_for_two_works_by_one_author():
    """MLA 9: "(Smith 3)"; "(Smith, <i>Beta</i> 3)" when another work by Smith is cited.
    citeproc-py took its ``disambiguate="true"`` test for always true and added the title to all."""
    mla = get_style("mla")
    assert mla.cite([(Cited("beta", value="3"),)], {"beta": WORKS_OF_SMITH["beta"]}) == ["(Smith 3)"]
    cites = [(Cited("beta", value="3"),), (Cited("alpha"),)]
    assert mla.cite(cites, WORKS_OF_SMITH) == ["(Smith, <i>Beta</i> 3)", "(Smith, <i>Alpha</i>)"]


def test_a_label_is_printed_only_with_its_variable():
    """CSL: a ``<label>`` prints nothing when its variable is empty; citeproc-py printed the term, and
    Chicago's newspaper articles ended "February 22. Edition."."""
    news = {
        "type": "article-newspaper",
        "title": "Defenders outgunned by Islamists in desert",
        "container-title": "The Wall Street Journal",
        "author": [{"given": "Drew", "family": "Hinshaw"}],
        "issued": {"date-parts": [[2013, 2, 22]]},
    }
    entry = get_style("chicago-author-date").bibliography(news)
    assert entry.endswith("<i>The Wall Street Journal</i>, February 22.")


def test_a_range_of_seasons_in_one_year_is_cited_by_that_year():
    """Summer to autumn 2017 (pseudo-months 15–16) is cited "2017"; the range's two equal years were
    printed as nothing by citeproc-py."""
    page = {
        "type": "webpage",
        "title": "Season ranges in exports",
        "issued": {"date-parts": [[2017, 15], [2017, 16]]},
    }
    assert get_style("harvard").cite([(Cited("k"),)], {"k": page}) == [
        "(<i>Season ranges in exports</i>, 2017)"
    ]


def test_namesakes_are_cited_with_their_initials_even_in_different_years():
    """APA 7 8.20: first authors of one surname and different initials are cited with their initials
    in every citation, whatever the year ("primary-name-with-initials"); the reference list names them
    as ever. citeproc-py does not disambiguate."""
    works = {
        "ann": {**SMITH, "title": "Alpha", "author": [{"given": "Ann", "family": "Smith"}]},
        "john": {**SMITH, "title": "Beta", "issued": {"date-parts": [[2020]]}},
    }
    apa = get_style("apa")
    cites = [(Cited("ann"),), (Cited("john", narrative=True),)]
    assert apa.cite(cites, works) == ["(A. Smith, 2019)", "J. Smith (2020)"]
    assert [entry.split(" (")[0] for entry in apa.reference_list(works)] == ["Smith, A.", "Smith, J."]


def test_a_review_names_the_reviewed_author():
    """CSL 1.0.2's ``reviewed-author`` (APA 7 10.7): "Review of <i>The Omnivore’s
    Dilemma</i>, by Michael Pollan". citeproc-py never found a hyphenated name variable."""
    review = {
        "type": "review-book",
        "title": "Deconstructing dinner",
        "reviewed-title": "The omnivore's dilemma",
        "reviewed-author": [{"given": "Michael", "family": "Pollan"}],
        "author": [{"given": "David", "family": "Kamp"}],
        "issued": {"date-parts": [[2006, 4, 23]]},
    }
    entry = get_style("chicago-author-date").bibliography(review)
    assert "Review of <i>The Omnivore’s Dilemma</i>, by Michael Pollan." in entry


def test_mla_page_ranges_keep_two_digits():
    """MLA 9 gives the last two digits of the second number unless more are needed, CSL's
    ``minimal-two``: 375–93 and 1–17; citeproc-py printed "1–7"."""
    assert minimal_two("321-328, 1-17, 2787-2816, 1001-1003") == "321-28, 1-17, 2787-816, 1001-03"
    entry = get_style("mla").bibliography({**ARTICLE, "page": "1-17"})
    assert "pp. 1–17." in entry
    assert "pp. 375–93." in get_style("mla").bibliography(ARTICLE)


def test_names_added_to_the_last_print_them_all_without_et_al():
    """Two works of three authors that differ only in the third show all three ("Smith, Jones, & Brown",
    CSL's ``disambiguate-add-names``; APA 7 8.18), not "Smith, Jones, Brown, et al.": citeproc-py adds
    "et al." to a list it cuts, though the cut leaves every name."""
    authors = [{"given": "John", "family": "Smith"}, {"given": "Al", "family": "Jones"}]
    works = {
        "brown": {**SMITH, "title": "Alpha", "author": [*authors, {"given": "Bo", "family": "Brown"}]},
        "park": {**SMITH, "title": "Beta", "author": [*authors, {"given": "Di", "family": "Park"}]},
    }
    cites = [(Cited("brown"),), (Cited("park", narrative=True),)]
    assert get_style("apa").cite(cites, works) == [
        "(Smith, Jones, &amp; Brown, 2019)",
        "Smith, Jones, &amp; Park (2019)",
    ]
    assert get_style("chicago-author-date").cite(cites, works) == [
        "(Smith, Jones, and Brown 2019)",
        "Smith, Jones, and Park (2019)",
    ]


def test_a_date_range_within_one_year_is_cited_by_that_year():
    """A work dated 1 January to 31 December 1800 (or only an event so dated, as Chicago's date falls
    back to it) is "(Doe 1800)"; citeproc-py leaves out what the range's two ends share, and printed
    nothing where the style shows the year alone."""
    within = {"date-parts": [[1800, 1, 1], [1800, 12, 31]]}
    works = {
        "doe": {"type": "book", "title": "Annals", "author": [{"family": "Doe"}], "issued": within},
        "roe": {"type": "book", "title": "Events", "author": [{"family": "Roe"}], "event-date": within},
    }
    cites = [(Cited("doe"),), (Cited("roe", narrative=True),)]
    assert get_style("chicago-author-date").cite(cites, works) == ["(Doe 1800)", "Roe (1800)"]
    assert get_style("apa").cite(cites[:1], works) == ["(Doe, 1800)"]
    assert get_style("chicago-author-date").bibliography(works["doe"]).startswith("Doe. 1800. <i>Annals")


def test_an_organisation_or_a_description_in_the_author_s_place_is_named_in_a_narrative_citation():
    """APA 7 8.10: a group author named in the text, "Google (2024)"; a description standing for a
    title (9.12), "[Will of William Shakespeare] (1616)". Both were left inside the parentheses,
    "(Google, 2024)" (cmos18-examples, 14.112 and 14.205)."""
    response = {
        "type": "webpage",
        "container-title": "Gemini 1.0",
        "genre": "response to a question",
        "publisher": "Google",
        "issued": {"date-parts": [[2024, 2, 10]]},
    }
    will = {"type": "manuscript", "genre": "Will of William Shakespeare", "issued": {"date-parts": [[1616]]}}
    cites = [(Cited("g", narrative=True),), (Cited("w", narrative=True),)]
    assert get_style("apa").cite(cites, {"g": response, "w": will}) == [
        "Google (2024)",
        "[Will of William Shakespeare] (1616)",
    ]


def test_a_letter_s_recipient_is_not_taken_for_its_author():
    """A letter in a collection, as chicago-author-date cites it: "Creel (to House 1918)": the
    recipient's name follows the writer's, never stands in their place ("(Creel to House 1918)" was
    left whole; cmos18-examples, 14.127)."""
    letter = {
        "type": "personal_communication",
        "author": [{"given": "George", "family": "Creel"}],
        "recipient": [{"given": "Edward M.", "family": "House"}],
        "archive": "Yale University Library",
        "issued": {"date-parts": [[1918, 9, 25]]},
    }
    [narrative] = get_style("chicago-author-date").cite([(Cited("k", narrative=True),)], {"k": letter})
    assert narrative == "Creel (to House 1918)"


def test_year_suffixes_follow_the_style_s_sort_keys_not_the_entries_words():
    """CSL 1.0.2 "Sorting": APA sorts by author (here the title standing in), then date, then title,
    each key compared as text, spaces and punctuation before letters: "Sir Gawain and the Green Knight
    (T. Silverstein, Trans.)" files before "Sir Gawain and the Green Knight: A comedy…", so takes
    1974a (cmos18-examples, 14.5 and 14.152). The entries' words alone filed them the other way."""
    book = {
        "type": "book",
        "translator": [{"given": "Theodore", "family": "Silverstein"}],
        "title-short": "Sir Gawain",
        "publisher": "University of Chicago Press",
        "issued": {"date-parts": [[1974]]},
    }
    works = {
        "comedy": {**book, "title": "Sir Gawain and the Green Knight: a comedy for Christmas"},
        "poem": {**book, "title": "Sir Gawain and the Green Knight"},
    }
    assert get_style("apa").cite([(Cited("comedy"),), (Cited("poem"),)], works) == [
        "(<i>Sir Gawain</i>, 1974b)",
        "(<i>Sir Gawain</i>, 1974a)",
    ]


def test_namesakes_whose_initials_are_alike_are_cited_by_surname():
    """APA's "primary-name-with-initials": John and Jess Smith would both read "J. Smith", so neither
    takes initials, as Pandoc cites them; Margaret Smith, told apart by hers, is "M. Smith"."""
    works = {
        "john": {**SMITH, "title": "Alpha"},
        "jess": {**SMITH, "title": "Beta", "author": [{"given": "Jess", "family": "Smith"}]},
        "margaret": {**SMITH, "title": "Gamma", "author": [{"given": "Margaret", "family": "Smith"}]},
    }
    cites = [(Cited("john"),), (Cited("margaret"),)]
    assert get_style("apa").cite(cites, works) == ["(Smith, 2019a)", "(M. Smith, 2019)"]


def test_a_suffix_after_a_comma_in_the_given_name_is_the_name_s_suffix():
    """CSL-JSON processors read "Dexter, Jr." as the given name and suffix: "Thomas, D., Jr." (APA
    7 9.8); citeproc-py initialled the whole, "Thomas, D. J."."""
    podcast = {
        "type": "broadcast",
        "title": "Authentic",
        "author": [{"given": "Dexter, Jr.", "family": "Thomas"}],
        "issued": {"date-parts": [[2022]]},
    }
    assert get_style("apa").bibliography(podcast).startswith("Thomas, D., Jr. (2022).")


def test_an_abbreviation_s_full_stop_is_not_doubled():
    """CSL: punctuation already there is not doubled: "Pindar. (n.d.). Isthm." (cmos18-examples)."""
    ode = {"type": "book", "author": [{"literal": "Pindar"}], "title": "Isthm."}
    assert get_style("apa").bibliography(ode).endswith("<i>Isthm.</i>")
