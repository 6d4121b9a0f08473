"""Long lists cost what a page of them shows: paginated, deep pages read by key, counts cached."""

import pytest
from django.utils import timezone

from blog.models import Tag
from tests.blog.archive_builder import build_archive, make_tags
from tests.factories import make_post

pytestmark = pytest.mark.django_db


def titles(response):
    return [post.title for post in response.context["page_obj"]]


@pytest.mark.parametrize("size", [20, 200])
def test_list_pages_cost_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    """Home (first, last page), archives (index, year, month) and tags cost the same for 20 posts as 200."""
    tag = Tag.objects.create(name="Mali", slug="mali")
    start = timezone.make_aware(timezone.datetime(2020, 12, 15, 12))
    build_archive(size, tag=tag, start=start)
    last = (size + 9) // 10
    pages = {
        "/": 5,  # the next scheduled post, count, posts, tags, comment counts
        f"/?page={last}": 3,  # the count now cached
        "/archive/": 1,
        "/2020/": 8,
        "/2020/12/": 9,
        "/tags/mali/": 5,  # the tag, count, posts, tags, comment counts
        "/tags/": 3,
    }
    for url, queries in pages.items():
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200, url


def test_a_deep_page_shows_the_posts_it_numbers(client):
    """Page 3 of 25 posts shows the 21st to the 25th newest, and says it is the last of 3."""
    posts = build_archive(25)
    response = client.get("/?page=3")
    assert titles(response) == [post.title for post in posts[20:]]
    content = response.content.decode()
    assert 'aria-label="Pages"' in content and 'rel="prev"' in content and "Page 3 of 3" in content


def test_a_new_post_retires_the_cached_count(client):
    """After the count is cached, publishing one more post adds a page at once."""
    build_archive(10)
    assert client.get("/").context["page_obj"].paginator.num_pages == 1
    make_post()
    assert client.get("/").context["page_obj"].paginator.num_pages == 2


def test_the_tag_index_is_paginated_with_counts(client):
    """250 tags are listed a hundred to a page, each with its count of published posts."""
    post = make_post()
    make_tags(250, post)
    first = client.get("/tags/").content.decode()
    assert "Topic 0000" in first and "Topic 0100" not in first and "1 post<" in first
    assert 'rel="next" href="/tags/?page=2"' in first
    third = client.get("/tags/?page=3").content.decode()
    assert "Topic 0249" in third and "Topic 0199" not in third


def test_a_tag_without_published_posts_is_not_in_the_index(client):
    """A tag on a draft only is not listed."""
    make_tags(1, make_post(status="draft"))
    assert "Topic 0000" not in client.get("/tags/").content.decode()


def test_the_tag_index_keeps_its_counts_until_a_post_changes(client, django_assert_num_queries):
    """Counting a busy tag's posts grows with the archive: the index keeps its counts between posts."""
    tag = Tag.objects.create(name="Mali", slug="mali")
    build_archive(3, tag=tag)
    assert "3 posts" in client.get("/tags/").content.decode()
    with django_assert_num_queries(0):
        assert "3 posts" in client.get("/tags/").content.decode()
    make_post().tags.add(tag)
    assert "4 posts" in client.get("/tags/").content.decode()
