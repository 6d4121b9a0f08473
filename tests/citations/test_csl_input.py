"""What citeproc-py is given and what is done to its output, so that the in-text styles print what CSL
says (``styles.citeproc_input``, ``styles.processor``): each test names the CSL rule citeproc-py
misses on its own, and the record it showed on (``bench/compare_csl.py --causes``)."""

from citations.styles import get_style
from citations.styles.citeproc_input import curly_quotes, tidy_initials
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


def test_a_film_without_an_author_is_named_by_its_title_in_a_narrative_citation():
    """citeproc-py reads no ``director``, so a film is cited by its title, and "@key" names the title
    in the text: "<i>On the Edge</i> (1992)", not the whole parenthetical citation."""
    film = {
        "type": "motion_picture",
        "title": "On the edge",
        "director": [{"given": "Jeremy", "family": "Marre"}],
        "issued": {"date-parts": [[1992]]},
    }
    [narrative] = get_style("chicago-author-date").cite([(Cited("k", narrative=True),)], {"k": film})
    assert narrative == "<i>On the Edge</i> (1992)"
