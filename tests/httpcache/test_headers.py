"""Anonymous public pages say any cache may keep them, name what they show, and come compressed."""

import gzip

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import Tag
from tests.factories import make_post, make_source, make_user

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400"


@pytest.fixture
def post():
    quoted, cited = make_source(key="quoted"), make_source(key="cited")
    post = make_post(body=f"> Words.\n>\n> — [@{quoted.key}]\n\nAs argued [@{cited.key}, p. 4].")
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"), Tag.objects.create(name="Arms", slug="arms"))
    return post


@pytest.mark.parametrize("cached", [False, True])
def test_an_anonymous_post_page_is_public_and_names_everything_it_shows(post, cached, settings, page_cache):
    """Cache-Control public with the settings' ages; Surrogate-Key: post, thread, tags, sources, author."""
    settings.PAGECACHE_ENABLED = cached
    for _ in range(2):
        response = Client().get(post.get_absolute_url())
    assert response["Cache-Control"] == PUBLIC
    tags = sorted(f"tag-{pk}" for pk in post.tags.values_list("pk", flat=True))
    sources = sorted(f"source-{source.pk}" for source in post_sources(post))
    expected = sorted(
        [f"post-{post.pk}", f"thread-{post.pk}", "threads", f"author-{post.author_id}", *tags, *sources]
    )
    assert len(sources) == 2
    assert response["Surrogate-Key"].split() == expected
    assert response["Cache-Tag"].split(",") == expected
    assert "Cookie" in response["Vary"]


def post_sources(post):
    from citations.models import Source

    return Source.objects.filter(key__in=["quoted", "cited"])


def test_the_cache_ages_are_settings(post, settings):
    """HTTPCACHE_* settings set each directive."""
    settings.HTTPCACHE_MAX_AGE, settings.HTTPCACHE_S_MAXAGE = 5, 86400
    settings.HTTPCACHE_STALE_WHILE_REVALIDATE, settings.HTTPCACHE_STALE_IF_ERROR = 30, 600
    response = Client().get(post.get_absolute_url())
    expected = "public, max-age=5, s-maxage=86400, stale-while-revalidate=30, stale-if-error=600"
    assert response["Cache-Control"] == expected


def test_lists_and_feeds_carry_the_keys_publishing_purges(post):
    """Home names its posts, home and posts; feeds posts and feeds; a post's comment feed its thread."""
    home = Client().get("/")
    assert {"home", "posts", f"post-{post.pk}"} <= set(home["Surrogate-Key"].split())
    feed = Client().get(reverse("blog:feed_rss"))
    assert {"feeds", "posts"} <= set(feed["Surrogate-Key"].split())
    comments_feed = Client().get(reverse("comments:post_feed", kwargs={"post_id": post.pk}))
    assert f"thread-{post.pk}" in comments_feed["Surrogate-Key"].split()


def test_a_signed_in_users_pages_are_private_and_name_no_keys(post):
    """A session's page is private: no shared cache keeps it, and it carries no surrogate keys."""
    client = Client()
    client.force_login(make_user())
    response = client.get(post.get_absolute_url())
    assert response["Cache-Control"] == "private, no-cache"
    assert "Surrogate-Key" not in response and "Cache-Tag" not in response
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()


def test_comment_pages_of_ones_own_are_never_public(post):
    """The script's own-comments answer is no-cache, not public, though the visitor has no session."""
    response = Client().get(reverse("comments:own", kwargs={"post_id": post.pk}))
    assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("cached", [False, True])
def test_public_pages_are_gzipped_the_same_every_time_with_a_strong_etag(post, cached, settings, page_cache):
    """Gzipped without random padding: the same bytes and strong ETag each time; revalidation is a 304."""
    settings.PAGECACHE_ENABLED = cached
    url, headers = post.get_absolute_url(), {"Accept-Encoding": "gzip"}
    first, second = (Client().get(url, headers=headers) for _ in range(2))
    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert first.content == second.content
    assert post.title in gzip.decompress(first.content).decode()
    assert first["ETag"] == second["ETag"] and first["ETag"].startswith('"')
    plain = Client().get(url)
    assert "Content-Encoding" not in plain and plain["ETag"] != first["ETag"]
    again = Client().get(url, headers={**headers, "If-None-Match": first["ETag"]})
    assert again.status_code == 304
