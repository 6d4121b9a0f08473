"""Search: full-text with ranking and snippets on PostgreSQL, a plain match on SQLite."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from blog.search import SEARCH_MAX_LENGTH, search_posts, snippet_segments
from tests.blog.archive_builder import build_archive
from tests.factories import make_post

pytestmark = pytest.mark.django_db

SEARCH = reverse("blog:search")


def titles(response):
    return [post.title for post in response.context["page_obj"]]


def test_search_finds_words_in_titles_bodies_excerpts_and_asides(client):
    """A word from the title, the body, a quoted excerpt or an aside finds the post."""
    make_post(
        title="Gaddafi’s Arsenal",
        body="Intro.\n\n> Islamist fighters pounded Gao. [Comment: protect civilians]\n>\n> — [@hinshaw2013]",
    )
    make_post(title="Unrelated", body="Nothing about it.")
    for word in ("arsenal", "fighters", "civilians", "Gao"):
        assert titles(client.get(SEARCH, {"q": word})) == ["Gaddafi’s Arsenal"], word


def test_search_leaves_out_drafts_and_scheduled_posts(client):
    """Only published posts whose date has come are found."""
    make_post(title="Public weapons")
    make_post(title="Draft weapons", status=Post.Status.DRAFT)
    make_post(title="Future weapons", publish_at=timezone.now() + timedelta(days=2))
    assert titles(client.get(SEARCH, {"q": "weapons"})) == ["Public weapons"]


def test_search_ranks_title_matches_first_on_postgresql(client):
    """On PostgreSQL a title match outranks a passing mention in a body."""
    if connection.vendor != "postgresql":
        pytest.skip("ranking is PostgreSQL full-text search; SQLite orders by date")
    make_post(title="Passing mention", body="Also a word about sanctions somewhere.")
    make_post(
        title="Sanctions explained", body="What they are.", publish_at=timezone.now() - timedelta(days=900)
    )
    assert titles(client.get(SEARCH, {"q": "sanctions"})) == ["Sanctions explained", "Passing mention"]


def test_search_uses_stemming_on_postgresql(client):
    """On PostgreSQL "weapon" finds "weapons"."""
    if connection.vendor != "postgresql":
        pytest.skip("stemming is PostgreSQL full-text search")
    make_post(title="Stockpiles", body="The weapons were never secured.")
    assert titles(client.get(SEARCH, {"q": "weapon"})) == ["Stockpiles"]


def test_search_highlights_matches_in_an_escaped_snippet(client):
    """The snippet marks matching words and escapes everything else."""
    make_post(title="Markup", body="A <b>bold</b> claim about smuggling & borders.")
    content = client.get(SEARCH, {"q": "smuggling"}).content.decode()
    assert "<mark>smuggling</mark>" in content
    assert "<b>bold</b>" not in content


def test_search_query_is_escaped_in_the_page(client):
    """A query containing markup comes back as text, never as markup."""
    content = client.get(SEARCH, {"q": '<script>alert("x")</script>'}).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in content


def test_empty_search_shows_the_form(client):
    """No query, or only spaces, shows the search form and no results."""
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(SEARCH, params)
        assert response.status_code == 200
        assert response.context["page_obj"] is None
        assert "Type a word or two" in response.content.decode()


def test_overlong_search_is_refused_with_a_message(client):
    """A 1,000-character query gets the form back with the limit explained."""
    response = client.get(SEARCH, {"q": "word " * 200})
    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert f"at most {SEARCH_MAX_LENGTH} characters" in response.content.decode()


# A NUL in any query is refused before the search sees it (tests/config/test_errors.py).
@pytest.mark.parametrize("query", ['"unclosed', "a & | ! ( ) :*", "-", "\x01ctl", "ünïcödé ✓", "'); DROP"])
def test_odd_queries_never_fail(client, query):
    """Operators, quotes, control characters and other odd input give a results page, not an error."""
    make_post(title="Something")
    assert client.get(SEARCH, {"q": query}).status_code == 200


def test_search_results_are_paginated(client):
    """Eleven matches come ten to a page, the second page keeping the query."""
    for number in range(11):
        make_post(title=f"Treaty {number}")
    first = client.get(SEARCH, {"q": "treaty"})
    assert len(titles(first)) == 10
    assert 'href="/search/?q=treaty&amp;page=2"' in first.content.decode()
    assert len(titles(client.get(SEARCH, {"q": "treaty", "page": 2}))) == 1


def test_snippet_segments_without_postgresql_mark_each_word():
    """The plain snippet marks every query word, whichever case it is in."""
    post = make_post(body="Arms reached Mali; the arms trade grew.")
    segments = snippet_segments(Post.objects.get(pk=post.pk), "arms mali")
    assert [text for text, hit in segments if hit] == ["Arms", "Mali", "arms"]


@pytest.mark.postgres
def test_search_gin_index_exists_on_postgresql():
    """PostgreSQL has the GIN index that full-text search uses."""
    if connection.vendor != "postgresql":
        pytest.skip("GIN indexes are PostgreSQL only")
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Post._meta.db_table)
    assert constraints["blog_post_search_document"]["type"] == "gin"


@pytest.mark.postgres
@pytest.mark.django_db
def test_an_edited_title_is_searchable_at_once_on_postgresql():
    """Saving only the title refreshes the stored search document."""
    if connection.vendor != "postgresql":
        pytest.skip("the stored search document is PostgreSQL's")
    post = make_post(title="Arms and the desert", body="Nothing else here.")
    post.title = "Recoilless rifles"
    post.save(update_fields=["title"])
    assert list(search_posts(Post.objects.published(), "recoilless")) == [post]


@pytest.mark.postgres
def test_a_common_word_ranks_only_the_newest_candidates_on_postgresql(client, settings):
    """With three candidates, a word in five posts ranks the newest three; a word in two ranks both."""
    if connection.vendor != "postgresql":
        pytest.skip("ranking is PostgreSQL full-text search")
    settings.BLOG_SEARCH_CANDIDATES = 3
    now = timezone.now()
    for days, title in enumerate(["Drones one", "Drones two", "Drones three", "Drones four", "Drones five"]):
        make_post(title=title, body="Drones.", publish_at=now - timedelta(days=days + 1))
    make_post(title="Rare words", body="Drones and ballistics.", publish_at=now - timedelta(days=10))
    make_post(title="Ballistics explained", body="Ballistics.", publish_at=now - timedelta(days=11))
    assert sorted(titles(client.get(SEARCH, {"q": "drones"}))) == ["Drones one", "Drones three", "Drones two"]
    assert titles(client.get(SEARCH, {"q": "ballistics"})) == ["Ballistics explained", "Rare words"]


@pytest.mark.parametrize("size", [20, 200])
def test_a_common_word_costs_the_same_queries_at_any_size(client, django_assert_num_queries, settings, size):
    """A word in every post costs a fixed number of queries for 20 posts as for 200."""
    settings.BLOG_SEARCH_CANDIDATES = 15
    build_archive(size)
    with django_assert_num_queries(4):
        response = client.get(SEARCH, {"q": "archive"})
    assert len(titles(response)) == 10
