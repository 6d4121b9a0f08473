"""CITATION_STYLE chooses the Manual's edition: chicago-18 (the default), chicago-17, and the old
name chicago-note, which keeps meaning the 17th. Each difference is tested in both editions."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from citations.styles import DEFAULT_STYLE, get_style


def authors(count):
    return [{"given": f"Given{n}", "family": f"Family{n}"} for n in range(1, count + 1)]


BOOK = {
    "type": "book",
    "title": "The Work",
    "publisher-place": "New York",
    "publisher": "Penguin Press",
    "issued": {"date-parts": [[2016]]},
}

EIGHTEENTH, SEVENTEENTH = get_style("chicago-18"), get_style("chicago-17")


def test_the_18th_edition_is_the_default_and_chicago_note_is_the_17th():
    """A site that sets nothing cites by the 18th edition; "chicago-note" formats as "chicago-17"."""
    assert DEFAULT_STYLE == "chicago-18"
    item = {**BOOK, "author": authors(3)}
    assert get_style("chicago-note").note(item) == SEVENTEENTH.note(item)
    assert get_style("chicago-note").note(item) != EIGHTEENTH.note(item)


def test_the_setting_picks_the_edition(settings):
    """CITATION_STYLE=chicago-17 gives the 17th edition's forms, an unknown name a configuration error."""
    settings.CITATION_STYLE = "chicago-17"
    assert get_style().note({**BOOK, "author": authors(1)}) == (
        "Given1 Family1, <i>The Work</i> (New York: Penguin Press, 2016)."
    )
    settings.CITATION_STYLE = "chicago-19"
    with pytest.raises(ImproperlyConfigured):
        get_style()


def test_the_18th_drops_the_place_of_publication():
    """The 17th gives "New York: Penguin Press, 2016" (14.127); the 18th the publisher and year alone."""
    item = {**BOOK, "author": authors(1)}
    full = "Given1 Family1, <i>The Work</i>"
    assert SEVENTEENTH.note(item, "5") == f"{full} (New York: Penguin Press, 2016), 5."
    assert EIGHTEENTH.note(item, "5") == f"{full} (Penguin Press, 2016), 5."
    entry = "Family1, Given1. <i>The Work</i>."
    assert SEVENTEENTH.bibliography(item) == f"{entry} New York: Penguin Press, 2016."
    assert EIGHTEENTH.bibliography(item) == f"{entry} Penguin Press, 2016."


def test_three_authors_are_named_in_a_17th_edition_note_and_et_al_in_an_18th():
    """14.76: a note names up to three authors (17th), or gives the first and et al. from three (18th)."""
    item = {**BOOK, "author": authors(3)}
    assert SEVENTEENTH.note(item, short=True) == "Family1, Family2, and Family3, <i>Work</i>."
    assert EIGHTEENTH.note(item, short=True) == "Family1 et al., <i>Work</i>."
    assert EIGHTEENTH.narrative(item) == "Given1 Family1 et al."
    two = {**BOOK, "author": authors(2)}
    assert EIGHTEENTH.note(two, short=True) == "Family1 and Family2, <i>Work</i>."


def test_a_bibliography_lists_ten_authors_in_the_17th_and_six_in_the_18th():
    """14.76: more than ten authors give seven and et al. (17th); more than six, three and et al. (18th)."""
    seven = {**BOOK, "author": authors(7)}
    first_three = "Family1, Given1, Given2 Family2, Given3 Family3, et al. "
    assert EIGHTEENTH.bibliography(seven).startswith(first_three)
    assert "Given7 Family7. <i>The Work</i>" in SEVENTEENTH.bibliography(seven)
    six = {**BOOK, "author": authors(6)}
    assert "and Given6 Family6. <i>The Work</i>" in EIGHTEENTH.bibliography(six)
    eleven = {**BOOK, "author": authors(11)}
    assert "Given7 Family7, et al. <i>The Work</i>" in SEVENTEENTH.bibliography(eleven)
