"""RSS and Atom feeds: valid, complete, with absolute links, site-wide and per tag."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from blog.feeds import absolutize_links
from blog.models import Post, Tag
from tests.factories import make_post
from tests.site.contract import make_contract_post

pytestmark = pytest.mark.django_db

FEEDS = ["/feed/", "/feed/atom/", "/tags/mali/feed/", "/tags/mali/feed/atom/"]


@pytest.fixture
def tagged_contract_post(settings):
    settings.SITE_URL = "https://blog.example"
    post = make_contract_post(title="Gaddafi’s Arsenal & <Mali>", summary="Weapons & war.")
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    return post


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_parse_cleanly_with_full_content(client, tagged_contract_post, url):
    """Each feed parses in feedparser without the bozo flag and carries the whole post."""
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert entry.title == "Gaddafi’s Arsenal & <Mali>"
    content = entry.content[0].value if "content" in entry else entry.description
    assert '<figure class="excerpt">' in content
    assert '<span class="aside-label">Comment:</span>' in content
    assert 'class="footnotes' in content
    assert 'class="sidenote"' not in content, "a feed reader shows the notes once, in the list"


@pytest.mark.parametrize("url", FEEDS)
def test_feed_footnote_links_are_absolute(client, tagged_contract_post, url):
    """Footnote links and back-links in a feed point into the post's page, not the reader's."""
    feed = feedparser.parse(client.get(url).content)
    entry = feed.entries[0]
    content = entry.content[0].value if "content" in entry else entry.description
    page = "https://blog.example" + tagged_contract_post.get_absolute_url()
    assert f'href="{page}#fn-1"' in content
    assert f'href="{page}#fnref-1"' in content
    assert 'href="#' not in content


def test_atom_feed_keeps_the_summary_apart_from_the_content(client, tagged_contract_post):
    """Atom entries carry the summary in <summary> and the full body in <content>."""
    entry = feedparser.parse(client.get("/feed/atom/").content).entries[0]
    assert entry.summary == "Weapons & war."
    assert "Islamist fighters" in entry.content[0].value


def test_tag_feed_has_only_that_tags_posts(client, tagged_contract_post):
    """A tag's feed leaves out posts without the tag, and drafts with it."""
    make_post(title="Untagged post")
    make_post(title="Tagged draft", status=Post.Status.DRAFT).tags.add(Tag.objects.get(slug="mali"))
    titles = [entry.title for entry in feedparser.parse(client.get("/tags/mali/feed/").content).entries]
    assert titles == ["Gaddafi’s Arsenal & <Mali>"]
    assert client.get("/tags/unknown/feed/").status_code == 404


def test_feed_lists_newest_twenty(client):
    """The feed holds the twenty newest published posts, newest first."""
    for number in range(22):
        make_post(title=f"Post {number}", publish_at=timezone.now() - timedelta(days=number + 1))
    entries = feedparser.parse(client.get("/feed/").content).entries
    assert len(entries) == 20
    assert entries[0].title == "Post 0"


def test_absolutize_links_leaves_external_links_alone():
    """Only fragment and root-relative links are rewritten."""
    html = (
        '<a href="#fn-1">1</a> <a href="/sources/x/">x</a> '
        '<a href="https://e.org/">e</a> <a href="//cdn/">c</a>'
    )
    assert absolutize_links(html, "https://b.example/p/") == (
        '<a href="https://b.example/p/#fn-1">1</a> <a href="http://127.0.0.1:8000/sources/x/">x</a> '
        '<a href="https://e.org/">e</a> <a href="//cdn/">c</a>'
    )
