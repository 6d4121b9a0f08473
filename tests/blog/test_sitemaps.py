"""The sitemap is an index of sections, each in files small enough to build fast at any archive size."""

import pytest
from django.utils import timezone

from blog.models import Tag
from blog.sitemaps import PostSitemap
from tests.blog.archive_builder import build_archive
from tests.blog.sitemap_reader import file_entries, index_locations, sitemap_locations
from tests.factories import make_post, make_source

pytestmark = pytest.mark.django_db

BASE = "https://blog.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = BASE


def test_the_index_names_a_file_per_section_on_site_url(client):
    """/sitemap.xml is a sitemap index naming each section's file, on SITE_URL's scheme."""
    make_post()
    files = index_locations(client)
    for section in ("pages", "posts", "standalone", "tags", "authors", "archives", "sources"):
        assert any(url.endswith(f"/sitemap-{section}.xml") for url in files), section


def test_a_section_past_its_limit_is_split_into_numbered_files(client, monkeypatch):
    """Seven posts with three to a file are three files, each listing its own posts once."""
    monkeypatch.setattr(PostSitemap, "limit", 3)
    posts = build_archive(7)
    files = [url for url in index_locations(client) if "sitemap-posts.xml" in url]
    assert [url.rsplit("/", 1)[1] for url in files] == [
        "sitemap-posts.xml",
        "sitemap-posts.xml?p=2",
        "sitemap-posts.xml?p=3",
    ]
    listed = [loc for url in files for loc, _ in file_entries(client, url)]
    assert listed == [BASE + post.get_absolute_url() for post in posts]
    assert client.get("/sitemap-posts.xml?p=4").status_code == 404


def test_posts_carry_their_last_change_and_sources_authors_and_tags_are_listed(client):
    """A post's lastmod is its updated time; its cited source, its author and tag have their pages listed."""
    source = make_source(key="smith2020")
    post = make_post(
        publish_at=timezone.make_aware(timezone.datetime(2013, 2, 23, 9)), body="Said[@smith2020]."
    )
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    entries = dict(file_entries(client, f"{BASE}/sitemap-posts.xml"))
    assert entries[BASE + post.get_absolute_url()] == post.updated.date().isoformat()
    locations = sitemap_locations(client)
    assert {
        BASE + source.get_absolute_url(),
        BASE + f"/authors/{post.author.username}/",
        BASE + "/tags/mali/",
        BASE + "/2013/",
        BASE + "/2013/02/",
        BASE + "/sources/",
    } <= locations


def test_an_unknown_section_is_a_404(client):
    """A section the site does not have is not found."""
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.parametrize("size", [20, 200])
def test_the_index_and_a_file_cost_the_same_queries_at_any_size(client, django_assert_num_queries, size):
    """The index and the posts' file run a fixed number of queries for 20 posts as for 200.

    The index looks up the next scheduled post (when cached figures end),
    counts each section and reads the latest change of three; the
    file then reads its page of posts, the count being cached.
    """
    build_archive(size)
    with django_assert_num_queries(10):
        assert client.get("/sitemap.xml").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/sitemap-posts.xml").status_code == 200
