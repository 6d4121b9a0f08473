"""What crawlers and link previews read: canonical links, OpenGraph, JSON-LD, sitemap, robots."""

import json
import re

import pytest
from django.utils import timezone

from blog.models import Tag
from tests.blog.sitemap_reader import sitemap_locations
from tests.factories import make_post, make_source
from tests.queue import run_jobs
from tests.site.contract import make_contract_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://blog.example"


def json_ld(content):
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.DOTALL)
    return json.loads(script)


def test_post_page_has_absolute_canonical_and_open_graph_tags(client):
    """A post names its absolute canonical URL on SITE_URL and describes itself for link previews."""
    post = make_post(title="Outgunned", summary="Arms from Libya.")
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    content = client.get(post.get_absolute_url()).content.decode()
    url = "https://blog.example" + post.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in content
    assert f'<meta property="og:url" content="{url}">' in content
    assert '<meta property="og:type" content="article">' in content
    assert '<meta property="og:title" content="Outgunned">' in content
    assert '<meta property="og:description" content="Arms from Libya.">' in content
    assert '<meta property="article:tag" content="Mali">' in content
    assert '<meta name="twitter:card" content="summary_large_image">' in content
    assert '<meta name="description" content="Arms from Libya.">' in content


def test_list_pages_have_canonical_links(client):
    """The home, archive and tag pages each name their own absolute URL."""
    make_post(publish_at=timezone.make_aware(timezone.datetime(2013, 2, 23, 9)))
    for path in ("/", "/archive/", "/2013/", "/2013/02/", "/tags/"):
        content = client.get(path).content.decode()
        assert f'<link rel="canonical" href="https://blog.example{path}">' in content, path


def test_json_ld_is_a_blog_posting_citing_its_sources(client):
    """The post's JSON-LD is a BlogPosting citing each source it cites, typed as the source is."""
    make_source(
        key="hinshaw2013",
        title="Defenders Outgunned By Islamists In Desert",
        container_title="The Wall Street Journal",
        url="https://www.wsj.com/articles/x",
        authors=[{"given": "Drew", "family": "Hinshaw"}, {"given": "Margaret", "family": "Coker"}],
        issued_year=2013,
        issued_month=2,
        issued_day=22,
    )
    make_source(key="uncited", title="Not cited here")
    post = make_post(title="Outgunned", body="A report[@hinshaw2013].")
    data = json_ld(client.get(post.get_absolute_url()).content.decode())
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "Outgunned"
    assert data["url"] == "https://blog.example" + post.get_absolute_url()
    assert data["citation"] == [
        {
            "@type": "NewsArticle",
            "name": "Defenders Outgunned By Islamists In Desert",
            "url": "https://www.wsj.com/articles/x",
            "author": [
                {"@type": "Person", "name": "Drew Hinshaw", "givenName": "Drew", "familyName": "Hinshaw"},
                {"@type": "Person", "name": "Margaret Coker", "givenName": "Margaret", "familyName": "Coker"},
            ],
            "isPartOf": {"@type": "Newspaper", "name": "The Wall Street Journal"},
            "datePublished": "2013-02-22",
        }
    ]


def test_json_ld_types_organisations_and_scholarly_works_and_gives_dois(client):
    """An institution is an Organization, a journal article a ScholarlyArticle with its DOI as identifier."""
    make_source(
        key="who2020",
        type="article-journal",
        title="A study",
        container_title="The Lancet",
        authors=[{"literal": "World Health Organization"}, {"given": "Ann", "family": "Lee"}],
        doi="10.1000/xyz123",
        issued_year=2020,
    )
    make_source(key="book", type="book", title="A book", publisher="Penguin", isbn="9780140449136")
    post = make_post(body="A study[@who2020] and a book[@book].")
    works = {
        work["name"]: work
        for work in json_ld(client.get(post.get_absolute_url()).content.decode())["citation"]
    }
    study = works["A study"]
    assert study["@type"] == "ScholarlyArticle"
    assert [author["@type"] for author in study["author"]] == ["Organization", "Person"]
    assert study["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1000/xyz123"}
    assert study["sameAs"] == "https://doi.org/10.1000/xyz123"
    assert study["isPartOf"] == {"@type": "Periodical", "name": "The Lancet"}
    assert works["A book"]["@type"] == "Book"
    assert works["A book"]["isbn"] == "9780140449136"
    assert works["A book"]["publisher"] == {"@type": "Organization", "name": "Penguin"}


def test_json_ld_names_the_post_its_author_and_the_blog(client):
    """The post has its own @id, its author a Person with the author page, the blog as what it is part of."""
    post = make_post(title="Outgunned")
    data = json_ld(client.get(post.get_absolute_url()).content.decode())
    url = "https://blog.example" + post.get_absolute_url()
    assert (data["@id"], data["url"], data["mainEntityOfPage"]["@id"]) == (url, url, url)
    username = post.author.get_username()
    assert data["author"]["@type"] == "Person"
    assert data["author"]["url"] == f"https://blog.example/authors/{username}/"
    assert data["isPartOf"]["@type"] == "Blog" and data["isPartOf"]["url"] == "https://blog.example/"
    assert data["datePublished"] == post.publish_at.isoformat()
    assert data["dateModified"] == post.updated.isoformat()


def test_json_ld_citations_follow_a_corrected_source_and_list_quoted_sources(client):
    """The stored citations change once the re-render a corrected source queues has run; quoted count too."""
    source = make_source(key="hinshaw2013", title="Defenders Outgunned")
    make_source(key="abc", title="Quoted only")
    post = make_post(body="A report[@hinshaw2013].\n\n> Words.\n>\n> — [@abc]\n")
    source.title = "Defenders Outgunned By Islamists In Desert"
    source.save()
    run_jobs()
    data = json_ld(client.get(post.get_absolute_url()).content.decode())
    assert [work["name"] for work in data["citation"]] == [
        "Quoted only",
        "Defenders Outgunned By Islamists In Desert",
    ]


def test_json_ld_cannot_break_out_of_its_script_element(client):
    """A title holding </script> and markup stays inside the JSON, escaped like json_script."""
    post = make_post(title='</script><script>alert("x")</script> & more')
    content = client.get(post.get_absolute_url()).content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.DOTALL).group(1)
    assert "<" not in script and ">" not in script and "&" not in script
    assert json.loads(script)["headline"] == '</script><script>alert("x")</script> & more'


def test_sitemap_lists_posts_tags_and_archives_on_site_url(client):
    """sitemap.xml lists published posts, tags and archive pages, all on SITE_URL."""
    post = make_post(publish_at=timezone.make_aware(timezone.datetime(2013, 2, 23, 9)))
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    locations = sitemap_locations(client)
    base = "https://blog.example"
    assert {
        base + "/",
        base + "/archive/",
        base + "/tags/",
        base + post.get_absolute_url(),
        base + "/tags/mali/",
        base + "/2013/",
        base + "/2013/02/",
    } <= locations


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_admin(client):
    """robots.txt is plain text that disallows /admin/ and names the absolute sitemap."""
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text.splitlines()
    assert "Sitemap: https://blog.example/sitemap.xml" in text.splitlines()


def test_post_description_falls_back_to_the_opening_without_markup(client):
    """Without a summary, a post's description is its opening text, footnote markers removed."""
    post = make_contract_post(title="Contract", summary="")
    content = client.get(post.get_absolute_url()).content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)">', content).group(1)
    assert description.startswith(
        "Here is yet another report, this one from yesterday’s Wall Street Journal, on"
    )
