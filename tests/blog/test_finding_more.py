"""Finding more from a post: reading time, older and newer posts, related posts."""

import re

import pytest
from django.utils import timezone

from blog.models import Tag
from tests.factories import make_post, make_source

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - timezone.timedelta(days=days)


def related_titles(content):
    section = re.search(r'<section class="related-posts".*?</section>', content, re.DOTALL)
    return re.findall(r'<li><a href="[^"]+">([^<]+)</a>', section.group(0)) if section else []


def test_a_post_says_how_long_it_takes_to_read(client):
    """A post of 1,150 words takes five minutes; a short one a minute."""
    long = make_post(body="word " * 1150)
    short = make_post(body="A few words.")
    assert "5 min read" in client.get(long.get_absolute_url()).content.decode()
    assert "1 min read" in client.get(short.get_absolute_url()).content.decode()


def test_a_post_links_the_older_and_newer_published_posts(client):
    """The post page links the published post before it and the one after, not drafts or scheduled posts."""
    older = make_post(title="Before the middle", publish_at=days_ago(3))
    middle = make_post(title="Middle", publish_at=days_ago(2))
    make_post(title="A draft", status="draft", publish_at=days_ago(1.5))
    newer = make_post(title="After the middle", publish_at=days_ago(1))
    make_post(title="Scheduled", publish_at=days_ago(-1))
    content = client.get(middle.get_absolute_url()).content.decode()
    assert re.search(
        rf'<a rel="prev" href="{older.get_absolute_url()}"><span[^>]*>Older</span> Before the middle</a>',
        content,
    )
    assert re.search(
        rf'<a rel="next" href="{newer.get_absolute_url()}"><span[^>]*>Newer</span> After the middle</a>',
        content,
    )
    newest = client.get(newer.get_absolute_url()).content.decode()
    assert 'rel="next"' not in newest and "Scheduled" not in newest


def test_related_posts_rank_shared_sources_before_shared_tags(client):
    """Posts sharing two sources come before one sharing one, which comes before those sharing only tags."""
    for key in ("a", "b", "c"):
        make_source(key=key, title=f"Source {key}")
    mali, niger = Tag.objects.create(name="Mali", slug="mali"), Tag.objects.create(name="Niger", slug="niger")
    post = make_post(title="This", body="Cites [@a] and [@b].\n\n> Quoted.\n>\n> — [@c]\n")
    post.tags.add(mali, niger)
    make_post(title="Two tags", publish_at=days_ago(0.1)).tags.add(mali, niger)
    make_post(title="One tag", publish_at=days_ago(0.2)).tags.add(mali)
    make_post(title="One source", body="Cites [@a].", publish_at=days_ago(5))
    make_post(
        title="Two sources",
        body="Quotes:\n\n> Words.\n>\n> — [@c]\n\nand cites [@b].",
        publish_at=days_ago(9),
    )
    make_post(title="Unrelated", publish_at=days_ago(0.3))
    content = client.get(post.get_absolute_url()).content.decode()
    assert related_titles(content) == ["Two sources", "One source", "Two tags"]


def test_a_post_sharing_nothing_shows_no_related_section(client):
    """Without shared sources or tags there is no related-posts heading at all."""
    make_post(title="Another")
    post = make_post()
    assert 'class="related-posts"' not in client.get(post.get_absolute_url()).content.decode()


@pytest.mark.parametrize("others", [3, 30])
def test_related_posts_cost_the_same_queries_however_many_share(client, django_assert_num_queries, others):
    """Related posts cost two queries (what others share, the chosen posts) at any size.

    The post's sources' ids are read once for them and for the page's surrogate keys.
    """
    make_source(key="a", title="Source a")
    mali = Tag.objects.create(name="Mali", slug="mali")
    post = make_post(title="This", body="Cites [@a].")
    post.tags.add(mali)
    for number in range(others):
        make_post(title=f"Also {number}", body="Cites [@a].", publish_at=days_ago(number + 1)).tags.add(mali)
    client.get(post.get_absolute_url())
    with django_assert_num_queries(8):
        content = client.get(post.get_absolute_url()).content.decode()
    assert related_titles(content) == ["Also 0", "Also 1", "Also 2"]
