"""Hostile search queries: bounded, never a server error, on SQLite and PostgreSQL alike."""

import pytest
from django.urls import reverse

from blog.search import SEARCH_MAX_LENGTH, SEARCH_MAX_WORDS, query_words
from tests.factories import make_post

pytestmark = pytest.mark.django_db

SEARCH = reverse("blog:search")


@pytest.mark.parametrize(
    "query",
    [
        "arms\x01depots",
        "\x01",
        "a" * (SEARCH_MAX_LENGTH + 1),
        "\u202e\u200b\ufeff arms",
        "\U0001f4a3 & | ! ( ) : * ' \" - <->",
        "%ED%A0%80",
        '"unclosed phrase -not or OR',
    ],
)
def test_odd_queries_get_a_page_not_an_error(client, query):
    """Controls, over-long, direction marks and query syntax answer a search page."""
    make_post(title="Arms depots", body="Arms depots across the country.")
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200


def test_a_nul_byte_is_refused_before_searching(client):
    """A query holding a NUL byte gets the site's 400 page saying why (``config.guard``), never a 500."""
    response = client.get(SEARCH, {"q": "arms\x00"})
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


def test_an_over_long_query_is_refused_naming_the_limit(client):
    """A query past the length limit gets a message naming it."""
    response = client.get(SEARCH, {"q": "a" * (SEARCH_MAX_LENGTH + 5)})
    assert f"at most {SEARCH_MAX_LENGTH} characters" in response.content.decode()


def test_a_long_query_matches_at_most_a_bounded_number_of_distinct_words(client):
    """Repeated words count once, and only the first SEARCH_MAX_WORDS words are matched."""
    words = [f"w{number}" for number in range(SEARCH_MAX_WORDS + 10)]
    assert query_words(" ".join(["arms"] * 50)) == ["arms"]
    assert query_words(" ".join(words)) == words[:SEARCH_MAX_WORDS]


def test_a_snippet_of_a_huge_post_is_cut_from_its_start(client):
    """A 1 MB post found by search gives a page with a short snippet."""
    make_post(title="Huge", body="arms " + "filler words here. " * 55_000)
    response = client.get(SEARCH, {"q": "arms"})
    assert response.status_code == 200
    assert len(response.content) < 200_000
