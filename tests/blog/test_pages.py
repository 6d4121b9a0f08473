"""The public pages: home, post, archives, tags, authors and the error pages."""

import pytest
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, Tag
from tests.factories import make_post, make_user

pytestmark = pytest.mark.django_db


def at(year, month, day):
    return timezone.make_aware(timezone.datetime(year, month, day, 12, 0))


def hidden_posts():
    """A draft and a scheduled post, both tagged and authored like a public one."""
    author = make_user(username="writer", first_name="Wren", last_name="Writer")
    tag = Tag.objects.create(name="Secrets", slug="secrets")
    draft = make_post(title="Draft title", status=Post.Status.DRAFT, publish_at=at(2013, 2, 1), author=author)
    future = make_post(
        title="Future title", publish_at=timezone.now() + timezone.timedelta(days=3), author=author
    )
    for post in (draft, future):
        post.tags.add(tag)
    return author, tag


def test_home_paginates_ten_posts_a_page(client, settings):
    """The home page shows the ten newest posts and links to the next page with rel=next."""
    settings.SITE_URL = "https://blog.example"
    for day in range(1, 13):
        make_post(title=f"Day {day}", publish_at=at(2020, 1, day))
    first = client.get(reverse("blog:post_list")).content.decode()
    assert "Day 12" in first and "Day 3" in first and "Day 2" not in first
    assert 'rel="next" href="/?page=2"' in first
    assert '<link rel="next" href="https://blog.example/?page=2">' in first
    second = client.get(reverse("blog:post_list"), {"page": 2}).content.decode()
    assert "Day 2" in second and "Day 1" in second and "Day 3" not in second
    assert '<link rel="prev" href="https://blog.example/">' in second
    assert '<link rel="canonical" href="https://blog.example/?page=2">' in second


def test_home_shows_the_summary_or_else_the_opening(client):
    """A list shows a post's summary, or its opening words as plain text when it has none."""
    make_post(title="With summary", summary="The short version.", body="Long body that is not shown.")
    make_post(
        title="Without", body="First *words* of the body[^n] here.\n\nSecond paragraph.\n\n[^n]: A note."
    )
    content = client.get(reverse("blog:post_list")).content.decode()
    assert "The short version." in content
    assert "Long body that is not shown" not in content
    assert "First words of the body here." in content
    assert "Second paragraph" not in content


def test_post_page_shows_the_stored_html(client):
    """The permalink page shows the rendered body, the byline and links to author and tags."""
    post = make_post(title="A post", body="Some *emphasis*.")
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    content = client.get(post.get_absolute_url()).content.decode()
    assert "<em>emphasis</em>" in content
    assert reverse("blog:author_detail", kwargs={"username": post.author.username}) in content
    assert reverse("blog:tag_detail", kwargs={"slug": "mali"}) in content


def test_post_permalink_under_another_date_redirects_to_the_right_one(client):
    """Slugs are unique, so an old or mistyped date finds the post at its own address (as WordPress does)."""
    post = make_post(slug="dated", publish_at=at(2013, 2, 23))
    assert client.get(post.get_absolute_url()).status_code == 200
    response = client.get("/2013/02/24/dated/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert client.get("/2013/02/24/no-such-post/").status_code == 404


def test_year_and_month_archives_list_their_posts(client):
    """/2013/ lists the year's posts and months; /2013/02/ only that month's posts."""
    make_post(title="February post", publish_at=at(2013, 2, 23))
    make_post(title="March post", publish_at=at(2013, 3, 2))
    make_post(title="Other year", publish_at=at(2014, 1, 5))
    year = client.get(reverse("blog:archive_year", kwargs={"year": 2013})).content.decode()
    assert "February post" in year and "March post" in year and "Other year" not in year
    assert 'href="/2013/02/"' in year
    month = client.get("/2013/02/").content.decode()
    assert "February post" in month and "March post" not in month
    assert 'href="/2013/03/"' in month


def test_archive_index_lists_every_month_with_posts(client):
    """The archive index links each year and month that has published posts."""
    make_post(publish_at=at(2013, 2, 23))
    make_post(publish_at=at(2024, 7, 4))
    content = client.get(reverse("blog:archive_index")).content.decode()
    for href in ('href="/2013/"', 'href="/2013/02/"', 'href="/2024/"', 'href="/2024/07/"'):
        assert href in content


def test_empty_archives_are_not_found(client):
    """A year or month without published posts is a 404, as is a nonsense month."""
    make_post(publish_at=at(2013, 2, 23))
    assert client.get("/2012/").status_code == 404
    assert client.get("/2013/05/").status_code == 404
    assert client.get("/2013/13/").status_code == 404


def test_tag_index_and_tag_page(client):
    """The tag index counts published posts; a tag page lists them."""
    tag = Tag.objects.create(name="Small arms", slug="small-arms")
    make_post(title="Tagged one").tags.add(tag)
    make_post(title="Untagged")
    index = client.get(reverse("blog:tag_list")).content.decode()
    assert "Small arms" in index and "1 post" in index
    page = client.get(reverse("blog:tag_detail", kwargs={"slug": "small-arms"})).content.decode()
    assert "Tagged one" in page and "Untagged" not in page
    assert client.get(reverse("blog:tag_detail", kwargs={"slug": "nope"})).status_code == 404


def test_author_page_lists_their_published_posts(client):
    """/authors/<username>/ lists that author's published posts under their name."""
    author = make_user(username="ada", first_name="Ada", last_name="Author")
    make_post(title="Ada's post", author=author)
    make_post(title="Someone else's")
    content = client.get("/authors/ada/").content.decode()
    assert "Ada Author" in content and "Ada&#x27;s post" in content and "Someone else" not in content
    assert client.get("/authors/nobody/").status_code == 404


def test_drafts_and_scheduled_posts_appear_on_no_public_page(client):
    """Neither a draft nor a scheduled post shows on any list, and their own pages are 404s."""
    hidden_posts()
    for url in ("/", "/archive/", "/tags/", "/feed/", "/feed/atom/", "/sitemap.xml", "/search/?q=title"):
        content = client.get(url).content.decode()
        assert "Draft title" not in content and "Future title" not in content, url
        assert "/secrets/" not in content, url
    for url in ("/2013/", "/2013/02/", "/tags/secrets/", "/authors/writer/"):
        content = client.get(url).content.decode()
        assert "Draft title" not in content and "Future title" not in content, url
    for post in Post.objects.all():
        assert client.get(post.get_absolute_url()).status_code == 404


def test_home_page_query_count_does_not_grow_with_posts(client):
    """The home page makes as many queries for ten posts as for one."""
    tag = Tag.objects.create(name="T", slug="t")
    make_post().tags.add(tag)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("blog:post_list"))
    for _ in range(9):
        make_post().tags.add(tag)
    with CaptureQueriesContext(connection) as ten:
        content = client.get(reverse("blog:post_list")).content.decode()
    assert content.count('class="post-summary"') == 10
    assert len(ten.captured_queries) == len(one.captured_queries)


def test_not_found_page_is_in_the_site_style(client, settings):
    """An unknown address answers 404 with the site's own page and a search box."""
    settings.DEBUG = False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content and 'role="search"' in content and "site-header" in content


def test_server_error_page_renders_without_context_or_database(django_assert_num_queries):
    """500.html renders from an empty context without touching the database."""
    with django_assert_num_queries(0):
        html = get_template("500.html").render({})
    assert "Something went wrong" in html and "site.css" in html


@pytest.mark.django_db
def test_a_post_with_a_unicode_slug_has_a_working_permalink(client):
    """Slugs may use any script (Post.slug allows it), and the permalink answers."""
    post = make_post(title="Café society", slug="café-society")
    assert client.get(post.get_absolute_url()).status_code == 200
