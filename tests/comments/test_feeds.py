"""RSS and Atom feeds of approved comments, site-wide and per post, that feed readers parse cleanly."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.django_db


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


@pytest.mark.parametrize("name", ["comments:feed", "comments:feed_atom"])
def test_site_feed_lists_only_approved_comments_on_published_posts(client, name):
    """The site-wide feed holds approved comments on published posts, newest first, without emails."""
    post = make_post(title="Arms & <the> man")
    older = make_comment(post=post, status=Comment.Status.APPROVED, author_name="Ann", body="First *word*")
    newer = make_comment(post=post, status=Comment.Status.APPROVED, author_name="Bob", body="Second")
    make_comment(post=post, body="pending")
    make_comment(post=post, status=Comment.Status.SPAM, body="spam")
    make_comment(post=make_post(status=Post.Status.DRAFT), status=Comment.Status.APPROVED, body="on a draft")
    make_comment(
        post=make_post(publish_at=timezone.now() + timedelta(days=2)),
        status=Comment.Status.APPROVED,
        body="on a scheduled post",
    )
    feed = parse(client, reverse(name))
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver{newer.get_absolute_url()}",
        f"http://testserver{older.get_absolute_url()}",
    ]
    assert feed.entries[1].author == "Ann"
    assert "<em>word</em>" in feed.entries[1].summary
    assert feed.entries[1].title.startswith("Ann on “Arms & <the> man”")
    assert "@example" not in client.get(reverse(name)).content.decode()


@pytest.mark.parametrize("name", ["comments:post_feed", "comments:post_feed_atom"])
def test_post_feed_lists_that_posts_approved_comments(client, name):
    """A post's feed holds only its own approved comments."""
    post = make_post()
    mine = make_comment(post=post, status=Comment.Status.APPROVED)
    make_comment(status=Comment.Status.APPROVED)
    feed = parse(client, reverse(name, kwargs={"post_id": post.pk}))
    assert [entry.link for entry in feed.entries] == [f"http://testserver{mine.get_absolute_url()}"]
    assert post.title in feed.feed.title


def test_post_feed_of_a_draft_is_not_found(client):
    """An unpublished post has no comment feed."""
    post = make_post(status=Post.Status.DRAFT)
    assert client.get(reverse("comments:post_feed", kwargs={"post_id": post.pk})).status_code == 404


def test_post_page_links_its_comment_feed(client):
    """The post page links to its comment feed."""
    post = make_post()
    url = reverse("comments:post_feed", kwargs={"post_id": post.pk})
    assert f'href="{url}"' in client.get(post.get_absolute_url()).content.decode()
