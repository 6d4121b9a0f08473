"""Source: its CSL-JSON form, its validation, and the Citable methods the pipeline calls."""

import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError

from citations.models import Source
from citations.styles import get_style

SEED = {
    "id": "hinshaw2013",
    "type": "article-newspaper",
    "title": "Defenders Outgunned By Islamists In Desert",
    "container-title": "The Wall Street Journal",
    "author": [{"given": "Drew", "family": "Hinshaw"}, {"given": "Margaret", "family": "Coker"}],
    "issued": {"date-parts": [[2013, 2, 22]]},
}


def test_from_csl_and_as_csl_are_inverse():
    """A source built from CSL-JSON gives the same CSL-JSON back."""
    assert Source.from_csl(SEED).as_csl() == SEED


def test_citable_methods_format_the_seed():
    """note(), note(short=True), attribution() and bibliography_entry() use the configured style."""
    source = Source.from_csl(SEED)
    assert source.note(linked=False) == (
        "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
        "<i>The Wall Street Journal</i>, February 22, 2013."
    )
    assert source.note("p. 4", short=True, linked=False) == "Hinshaw and Coker, “Defenders Outgunned,” 4."
    assert source.attribution() == "Drew Hinshaw and Margaret Coker, <cite>The Wall Street Journal</cite>"
    assert source.bibliography_entry().startswith("Hinshaw, Drew, and Margaret Coker. ")


def test_an_unknown_citation_style_is_a_configuration_error(settings):
    """CITATION_STYLE must name a style this site has."""
    settings.CITATION_STYLE = "apa-6"
    with pytest.raises(ImproperlyConfigured, match="'apa-6'"):
        get_style()


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"issued_year": 2013, "issued_month": 0}, "issued_month"),
        ({"issued_year": 2023, "issued_month": 2, "issued_day": 29}, "issued_day"),
        ({"issued_month": 2}, "issued_month"),
        ({"authors": [{"given": "Drew"}]}, "authors"),
        ({"editors": {"family": "Peabody"}}, "editors"),
        ({"authors": [{"family": "Coker", "middle": "X"}]}, "authors"),
    ],
)
def test_clean_refuses_impossible_dates_and_malformed_names(fields, error_field):
    """Month 1–12, a day that exists, and names shaped as CSL names are required."""
    source = Source(key="k", title="T", **fields)
    with pytest.raises(ValidationError) as error:
        source.clean()
    assert error_field in error.value.message_dict


def test_clean_accepts_a_leap_day_and_strips_a_doi_link():
    """February 29 of a leap year is fine; a DOI pasted as a link keeps only the DOI."""
    source = Source(
        key="k", title="T", issued_year=2024, issued_month=2, issued_day=29, doi="https://doi.org/10.1/x"
    )
    source.clean()
    assert source.doi == "10.1/x"


def test_a_note_links_its_title_to_the_sources_page_without_changing_its_words():
    """In a post's footnote the title leads to the source's page; the note reads the same."""
    source = Source.from_csl(SEED)
    assert source.note() == (
        'Drew Hinshaw and Margaret Coker, “<a href="/sources/hinshaw2013/">'
        "Defenders Outgunned By Islamists In Desert</a>,” <i>The Wall Street Journal</i>, February 22, 2013."
    )
    assert source.note("4", short=True) == (
        'Hinshaw and Coker, “<a href="/sources/hinshaw2013/">Defenders Outgunned</a>,” 4.'
    )
