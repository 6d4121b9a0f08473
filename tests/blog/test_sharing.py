"""Pages worth sharing: their own titles and descriptions, feeds in the head, sitemaps, icon and manifest."""

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.utils import timezone

from blog.models import Tag
from tests.factories import make_post, make_source, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://blog.example"


def meta(content, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', content)
    return match and match.group(1)


def alternates(content):
    """(type, href) of each ``<link rel="alternate">`` in the page."""
    return re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', content)


@pytest.mark.parametrize(
    ("path", "page_title", "title", "description"),
    [
        ("/tags/mali/", "Mali", "Mali", "Posts filed under Mali."),
        ("/authors/ann/", "Ann Writer", "Ann Writer", "Posts by Ann Writer."),
        ("/2013/", "2013", "Posts of 2013", "Posts published in 2013."),
        ("/2013/02/", "February 2013", "Posts of February 2013", "Posts published in February 2013."),
        ("/archive/", "Archive", "Archive", "Every month of Commonplace, by year."),
    ],
)
def test_list_pages_have_their_own_title_and_description_for_link_previews(
    client, path, page_title, title, description
):
    """Tag, author and archive pages name themselves in <title>, og:title and the descriptions."""
    author = make_user(username="ann", first_name="Ann", last_name="Writer")
    post = make_post(author=author, publish_at=timezone.make_aware(timezone.datetime(2013, 2, 23, 9)))
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    content = client.get(path).content.decode()
    assert f"<title>{page_title} · Commonplace</title>" in content
    assert meta(content, "property", "og:title") == title
    assert meta(content, "property", "og:description") == description
    assert meta(content, "name", "description") == description


def test_a_source_page_describes_itself_by_its_entry(client):
    """A source's page is titled by the source, and described by its bibliography entry as plain text."""
    source = make_source(title="Defenders Outgunned", authors=[{"given": "Drew", "family": "Hinshaw"}])
    content = client.get(source.get_absolute_url()).content.decode()
    assert meta(content, "property", "og:title") == "Defenders Outgunned"
    description = meta(content, "property", "og:description")
    assert description.startswith("Hinshaw, Drew.") and "Defenders Outgunned" in description
    assert "<" not in description


def test_every_page_advertises_the_site_feeds(client):
    """The home page's head names the posts feeds and the comments feeds, RSS and Atom."""
    make_post()
    links = alternates(client.get("/").content.decode())
    assert ("application/rss+xml", "/feed/") in links
    assert ("application/atom+xml", "/feed/atom/") in links
    assert ("application/rss+xml", "/comments/feed/") in links


def test_a_tag_page_and_an_author_page_advertise_their_own_feeds(client):
    """A tag page names the tag's feeds, an author page the author's, and both feeds answer."""
    post = make_post(author=make_user(username="ann"))
    post.tags.add(Tag.objects.create(name="Mali", slug="mali"))
    tag_links = alternates(client.get("/tags/mali/").content.decode())
    assert ("application/rss+xml", "/tags/mali/feed/") in tag_links
    author_links = alternates(client.get("/authors/ann/").content.decode())
    assert ("application/rss+xml", "/authors/ann/feed/") in author_links
    assert ("application/atom+xml", "/authors/ann/feed/atom/") in author_links
    feed = client.get("/authors/ann/feed/")
    assert feed.status_code == 200 and post.title in feed.content.decode()
    assert client.get("/authors/nobody/feed/").status_code == 404


def test_a_post_page_advertises_its_comment_feed(client):
    """A post's head names the feed of its own comments, which answers."""
    post = make_post()
    links = alternates(client.get(post.get_absolute_url()).content.decode())
    assert ("application/rss+xml", f"/comments/feed/{post.pk}/") in links
    assert ("application/atom+xml", f"/comments/feed/{post.pk}/atom/") in links
    assert client.get(f"/comments/feed/{post.pk}/").status_code == 200


def test_sitemap_lists_cited_sources_and_authors_with_posts(client):
    """The sitemap names the sources published posts cite and the authors who published, no others."""
    make_source(key="cited", title="Cited")
    make_source(key="uncited", title="Not cited")
    make_post(author=make_user(username="ann"), body="A report[@cited].")
    make_post(author=make_user(username="drafter"), status="draft")
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = set()
    for section in index.findall("s:sitemap/s:loc", SITEMAP_NS):
        content = client.get(section.text.removeprefix("https://blog.example")).content
        locations |= {loc.text for loc in ET.fromstring(content).findall("s:url/s:loc", SITEMAP_NS)}
    assert {"https://blog.example/sources/cited/", "https://blog.example/authors/ann/"} <= locations
    assert "https://blog.example/sources/uncited/" not in locations
    assert "https://blog.example/authors/drafter/" not in locations


def test_favicon_ico_leads_to_the_svg_icon_the_pages_name(client):
    """/favicon.ico redirects to the SVG icon that each page's head links, and that file exists."""
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("favicon.svg")
    content = client.get("/tags/").content.decode()
    assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg" type="image/svg\+xml">', content)
    assert (ROOT / "static" / "favicon.svg").read_text().startswith("<svg")


def test_the_web_app_manifest_names_the_site_its_icon_and_colours(client):
    """/manifest.webmanifest is JSON with the site's name, start page, theme colour and an icon."""
    content = client.get("/tags/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in content
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    data = json.loads(response.content)
    assert data["name"] == "Commonplace" and data["start_url"] == "/"
    assert re.fullmatch(r"#[0-9a-f]{6}", data["theme_color"])
    assert data["icons"][0]["type"] == "image/svg+xml" and data["icons"][0]["src"].endswith("favicon.svg")
    assert meta(content, "name", "theme-color") == data["theme_color"]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["run", "serve"])
def test_make_gives_the_site_the_address_it_serves_on(target):
    """Under PORT=8101 the server is started with SITE_URL on port 8101, unless SITE_URL is set."""
    commands = subprocess.run(
        ["make", "-n", target, "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    server = next(line for line in commands.splitlines() if "runserver" in line or "deploy.serve" in line)
    assert 'SITE_URL="${SITE_URL:-http://127.0.0.1:8101}"' in server
