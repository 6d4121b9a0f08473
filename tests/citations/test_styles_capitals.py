"""Headline-style capitals for titles stored in sentence case, quoting the Manual's examples
(CMOS 17 8.159 rules, 8.160 examples, 8.161 hyphenated compounds; 8.157 in the 16th edition)."""

import pytest

from citations.styles import chicago
from citations.styles.capitals import headline


@pytest.mark.parametrize(
    "title",
    [
        "Mnemonics That Work Are Better Than Rules That Do Not",  # 8.160: "than" as a conjunction
        "Singing While You Work",  # 8.160: subordinating conjunctions are major words
        "A Little Learning Is a Dangerous Thing",  # 8.160: rule 2, the articles
        "Four Theories concerning the Gospel according to Matthew",  # 8.160: rule 3, any length
        "Tired but Happy",  # 8.160: rule 4, coordinating conjunctions
        "Sitting on the Floor in an Empty Room",  # 8.160: rules 2 and 3
        "What Is to Be Done?",  # 8.159 rule 5: "to" in an infinitive
        "A River Runs through It",  # 8.159 rule 1: the last word
    ],
)
def test_the_manual_s_examples_come_out_of_their_sentence_case(title):
    """Each example of 8.159–8.160, stored in sentence case, is given its headline capitals back."""
    sentence_case = title[0] + title[1:].lower()
    assert headline(sentence_case) == title


@pytest.mark.parametrize(
    ("stored", "printed"),
    [
        ("self-sustaining reactions", "Self-Sustaining Reactions"),  # a first part that is a word
        ("anti-intellectual pursuits", "Anti-intellectual Pursuits"),  # a prefix: the rest lowercase
        ("e-books", "E-books"),
        ("under-the-counter transactions", "Under-the-Counter Transactions"),  # minor words inside
        ("the twenty-first century", "The Twenty-First Century"),  # spelled-out numbers (rule 4)
        ("a two-thirds majority", "A Two-Thirds Majority"),
        ("non-Christian doctrine", "Non-Christian Doctrine"),  # a proper adjective keeps its capital
    ],
)
def test_hyphenated_compounds_follow_8_161(stored, printed):
    """8.161: the first part capitalised; later parts too, but minor words and words after a prefix."""
    assert headline(stored) == printed


def test_capitals_in_the_record_are_kept():
    """Proper nouns, acronyms and internal capitals (iPhone, NASA, McLuhan) are kept as written."""
    assert headline("the iPhone, NASA and McLuhan in the age of eBay") == (
        "The iPhone, NASA and McLuhan in the Age of eBay"
    )


def test_subtitles_start_and_end_with_capitals():
    """8.159 rule 1: the first and last words of a title and of its subtitle, after a colon or a question."""
    assert headline("what it is for: on the uses of history") == "What It Is For: On the Uses of History"


def test_name_particles_stay_lowercase():
    """8.159 rule 6: "de" and "von" stay lowercase inside a name."""
    assert headline("democracy in America by Alexis de Tocqueville") == (
        "Democracy in America by Alexis de Tocqueville"
    )


def test_a_nocase_span_and_markup_are_kept():
    """Words the record protects (a nocase span, from BibTeX braces or Zotero) keep their case;
    the title's italics are kept around their words."""
    title = 'reading <i>sex and the city</i> with <span class="nocase">van der waals and pH</span>'
    assert headline(title) == (
        'Reading <i>Sex and the City</i> with <span class="nocase">van der waals and pH</span>'
    )


def test_notes_and_bibliography_print_titles_in_headline_style():
    """A Zotero record in sentence case gets headline capitals in its full and short notes and its entry,
    journal name included (14.89)."""
    item = {
        "type": "article-journal",
        "title": "The militants’ war: how arms from Libya reached Mali",
        "container-title": "Journal of the history of ideas",
        "author": [{"given": "Ann", "family": "Roe"}],
        "volume": "3",
        "issued": {"date-parts": [[2014]]},
    }
    assert chicago.note(item) == (
        "Ann Roe, “The Militants’ War: How Arms from Libya Reached Mali,” "
        "<i>Journal of the History of Ideas</i> 3 (2014)."
    )
    assert chicago.note(item, short=True) == "Roe, “Militants’ War.”"
    assert chicago.bibliography(item).startswith("Roe, Ann. “The Militants’ War: How Arms from Libya Reached")


def test_titles_in_other_languages_keep_their_sentence_style():
    """A record whose language is not English keeps the capitals it was written with (CMOS chapter 11)."""
    item = {
        "type": "book",
        "title": "La vie mode d’emploi",
        "language": "fr",
        "issued": {"date-parts": [[1978]]},
    }
    assert chicago.note(item) == "<i>La vie mode d’emploi</i> (1978)."


def test_up_down_out_and_off_before_a_noun_are_adverbs():
    """8.159 rule 3's adverbial prepositions: "up" in "Heats Up Race" is capitalised, "down" before
    "the" stays a lowercase preposition."""
    assert headline("ad heats up race, walking down the road") == "Ad Heats Up Race, Walking down the Road"


def test_the_18th_capitalises_prepositions_of_five_letters_or_more():
    """18th 8.160: "Much Ado About Nothing"; shorter prepositions stay lowercase, in compounds too."""
    title = "much ado about nothing: a walk-through between the wars, upon reflection"
    assert headline(title, capitalised_from=5) == (
        "Much Ado About Nothing: A Walk-Through Between the Wars, upon Reflection"
    )
    assert headline(title) == "Much Ado about Nothing: A Walk-through between the Wars, upon Reflection"


def test_units_and_date_abbreviations_are_not_words_to_capitalise():
    """Headline style capitalises words (8.159), not a unit's symbol after a number, "800 m", nor the
    scholarly abbreviation of "died" before a year (10.43), "Frithuswith (d. 727)"."""
    assert (
        headline("Caster Semenya wins 800 m: beaten finalist") == "Caster Semenya Wins 800 m: Beaten Finalist"
    )
    assert headline("Frithuswith (d. 727)") == "Frithuswith (d. 727)"
    assert headline("the m word") == "The M Word"


def test_words_glued_by_an_equals_sign_or_a_colon_are_one_token_not_title_words():
    """Headline style capitalises the words of a title and the first after a subtitle's colon and space
    (8.159); "Extra=issued:2011" is one token, left as written."""
    assert headline("date=2010 & extra=issued:2011") == "Date=2010 & Extra=issued:2011"
    assert headline("at 10:30 in the morning") == "At 10:30 in the Morning"
    assert headline("title: the subtitle") == "Title: The Subtitle"
