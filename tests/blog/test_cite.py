"""Citing a post: "Cite this post" in the site's style, BibTeX, CSL-JSON and RIS files, citation_* tags."""

import json
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from citations.models import Source
from citations.services import import_file
from tests.factories import make_post, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://blog.example"
    settings.SITE_NAME = "Commonplace"


@pytest.fixture
def post():
    author = make_user(username="ada", first_name="Ada", last_name="Author")
    return make_post(
        title="Gaddafi’s Arsenal, Mali’s War",
        slug="gaddafis-arsenal",
        author=author,
        publish_at=timezone.make_aware(timezone.datetime(2013, 2, 23, 9)),
    )


class MetaTags(HTMLParser):
    """The ``<meta name=… content=…>`` pairs of a page, in order, as a reference manager reads them."""

    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and "name" in attributes:
            self.tags.append((attributes["name"], attributes.get("content")))


def meta_tags(content):
    parser = MetaTags()
    parser.feed(content)
    return parser.tags


def test_the_post_shows_how_to_cite_it_in_the_site_style(client, post):
    """The page ends with "Cite this post": the Chicago bibliography entry of the post as a blog post,
    a period after "(blog)" (CMOS 17 14.208)."""
    page = BeautifulSoup(client.get(post.get_absolute_url()).content, "html.parser")
    block = page.select_one("section.cite-post")
    assert block.h2.text == "Cite this post"
    assert block.select_one(".citation").get_text() == (
        "Author, Ada. “Gaddafi’s Arsenal, Mali’s War.” Commonplace (blog). February 23, 2013. "
        "https://blog.example/2013/02/23/gaddafis-arsenal/."
    )
    links = {link.text: link["href"] for link in block.select(".cite-downloads a[download]")}
    base = "/2013/02/23/gaddafis-arsenal/cite."
    assert links == {"BibTeX": base + "bib", "CSL-JSON": base + "json", "RIS": base + "ris"}


def test_the_citation_meta_tags_describe_the_post(client, post):
    """citation_title, citation_author, the date and the public URL are there for Zotero and Scholar."""
    tags = meta_tags(client.get(post.get_absolute_url()).content.decode())
    citation = [(name, content) for name, content in tags if name.startswith("citation_")]
    url = "https://blog.example/2013/02/23/gaddafis-arsenal/"
    assert ("citation_title", "Gaddafi’s Arsenal, Mali’s War") in citation
    assert [content for name, content in citation if name == "citation_author"] == ["Author, Ada"]
    assert ("citation_publication_date", "2013/02/23") in citation
    assert ("citation_publisher", "Commonplace") in citation
    assert ("citation_public_url", url) in citation


def test_the_bibtex_file_imports_back_into_the_library_as_the_same_post(client, post):
    """The BibTeX download, imported by the library's importer, gives the post's title, author, date, URL."""
    response = client.get(post.get_cite_url("bib"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="gaddafis-arsenal.bib"'
    report = import_file(response.content, "bibtex", strict=True)
    assert report.created == ["gaddafis-arsenal"]
    source = Source.objects.get(key="gaddafis-arsenal")
    assert source.title == "Gaddafi’s Arsenal, Mali’s War"
    assert source.authors == [{"family": "Author", "given": "Ada"}]
    assert (source.issued_year, source.issued_month, source.issued_day) == (2013, 2, 23)
    assert source.url == "https://blog.example/2013/02/23/gaddafis-arsenal/"
    assert source.container_title == "Commonplace"
    assert source.type == "post-weblog"


def test_the_csl_json_and_ris_files_hold_the_post(client, post):
    """CSL-JSON is a one-item list of type post-weblog; RIS a BLOG record with author, title, date, URL."""
    (item,) = json.loads(client.get(post.get_cite_url("json")).content)
    assert item["type"] == "post-weblog"
    assert item["author"] == [{"family": "Author", "given": "Ada"}]
    assert item["issued"] == {"date-parts": [[2013, 2, 23]]}
    assert item["container-title"] == "Commonplace"
    ris = client.get(post.get_cite_url("ris")).content.decode().splitlines()
    assert ris[0] == "TY  - BLOG"
    for line in (
        "AU  - Author, Ada",
        "TI  - Gaddafi’s Arsenal, Mali’s War",
        "DA  - 2013/02/23/",
        "UR  - https://blog.example/2013/02/23/gaddafis-arsenal/",
    ):
        assert line in ris
    assert ris[-1] == "ER  - "


def test_a_file_at_a_wrong_date_redirects_and_an_unknown_extension_is_not_found(client, post):
    """An old date in the address redirects to the file's right address; cite.pdf is a 404."""
    response = client.get("/2013/02/24/gaddafis-arsenal/cite.bib")
    assert response.status_code == 301 and response["Location"] == post.get_cite_url("bib")
    assert client.get("/2013/02/23/gaddafis-arsenal/cite.pdf").status_code == 404


def test_a_draft_has_no_citation_files(client):
    """A post that is not published offers no file to anyone."""
    draft = make_post(status="draft")
    assert client.get(draft.get_cite_url("bib")).status_code == 404


def test_an_author_without_a_full_name_is_cited_by_username(client):
    """An account with no names is cited under its username, whole."""
    post = make_post(author=make_user(username="anon"))
    (item,) = json.loads(client.get(post.get_cite_url("json")).content)
    assert item["author"] == [{"literal": "anon"}]


def test_a_citation_file_costs_one_query(client, post, django_assert_num_queries):
    """The post and its author, together."""
    with django_assert_num_queries(1):
        assert client.get(post.get_cite_url("ris")).status_code == 200
