"""WordPress pages become pages here, their old addresses redirect, and what is not kept is reported."""

import pytest

from blog.models import Page
from tests.wordpress.test_redirects import assert_leads_to

pytestmark = pytest.mark.django_db

HOME = "https://old.example.org"


def export(base="", pages=(), categories=""):
    """A small export of a site installed under ``base`` with the given page ``<item>`` elements."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old</title><link>{HOME}{base}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{HOME}</wp:base_site_url>
<wp:base_blog_url>{HOME}{base}</wp:base_blog_url>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login>jane</wp:author_login></wp:author>
{categories}{"".join(pages)}</channel></rss>"""


def comment(wp_id, kind=""):
    return f"""<wp:comment><wp:comment_id>{wp_id}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
    <wp:comment_date_gmt>2014-01-02 10:00:00</wp:comment_date_gmt>
    <wp:comment_content>Nice.</wp:comment_content>
    <wp:comment_approved>1</wp:comment_approved><wp:comment_type>{kind}</wp:comment_type></wp:comment>"""


def page(wp_id, slug, *, base="", status="publish", body="<p>Who <em>I</em> am.</p>", extra=""):
    return f"""<item><title>Page {wp_id}</title><link>{HOME}{base}/{slug}/</link>
    <dc:creator>jane</dc:creator><content:encoded><![CDATA[{body}]]></content:encoded>
    <wp:post_id>{wp_id}</wp:post_id><wp:post_date_gmt>2014-01-01 09:00:00</wp:post_date_gmt>
    <wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>
    <wp:post_type>page</wp:post_type>{extra}</item>"""


@pytest.fixture
def import_text(run_import, tmp_path):
    """Import the export text given; returns what the command printed."""

    def run(text):
        path = tmp_path / "pages.xml"
        path.write_text(text, encoding="utf-8")
        return run_import(str(path))

    return run


def test_pages_are_imported_converted_like_posts(import_text):
    """A page becomes a published Page whose body is in the dialect and rendered."""
    output = import_text(export(pages=[page(2, "about")]))
    about = Page.objects.get(slug="about")
    assert (about.title, about.status) == ("Page 2", Page.Status.PUBLISHED)
    assert about.body.strip() == "Who *I* am."
    assert "<em>I</em>" in about.body_html
    assert "pages: 1 created, 0 updated, 0 unchanged, 0 skipped" in output


def test_private_and_protected_pages_become_drafts(import_text):
    """A private or password-protected page is a draft, and the report says why."""
    output = import_text(export(pages=[
        page(2, "private", status="private"),
        page(3, "protected", extra="<wp:post_password>secret</wp:post_password>"),
    ]))  # fmt: skip
    assert set(Page.objects.values_list("status", flat=True)) == {Page.Status.DRAFT}
    assert "page 2: private in WordPress; imported as a draft" in output
    assert "page 3: password-protected in WordPress; imported as a draft" in output


def test_reimport_leaves_pages_unchanged_and_a_changed_page_is_updated(import_text):
    """Importing the same export again changes nothing; a page edited in WordPress is updated in place."""
    import_text(export(pages=[page(2, "about")]))
    before = Page.objects.get()
    again = import_text(export(pages=[page(2, "about")]))
    assert "pages: 0 created, 0 updated, 1 unchanged, 0 skipped" in again
    assert Page.objects.get().updated == before.updated
    edited = import_text(export(pages=[page(2, "about", body="<p>Who I was.</p>")]))
    assert "pages: 0 created, 1 updated, 0 unchanged, 0 skipped" in edited
    assert Page.objects.get(pk=before.pk).body.strip() == "Who I was."


def test_page_comments_are_reported_as_skipped_by_page(import_text):
    """A page's comments are counted as skipped and named with the page's ID, never dropped silently."""
    comments = comment(7) + comment(8) + comment(9, "pingback")
    output = import_text(export(pages=[page(2, "about", extra=comments)]))
    assert "comments: 0 created, 0 updated, 0 unchanged, 2 skipped" in output
    assert "page 2: 2 comments not imported: comments here belong to posts" in output


def test_categories_with_a_parent_are_reported_as_flattened(import_text):
    """Categories that had a parent are named in the report, since tags here are flat."""
    categories = "".join(
        f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
        f"<wp:category_parent>{parent}</wp:category_parent><wp:cat_name>{name}</wp:cat_name></wp:category>"
        for slug, parent, name in [
            ("world", "", "World"),
            ("africa", "world", "Africa"),
            ("mali", "africa", "Mali"),
        ]
    )
    output = import_text(export(categories=categories))
    assert "categories flattened into tags (their parent not kept): 2 (Africa, Mali)" in output


def test_sub_pages_are_imported_flat_and_reported(client, import_text):
    """A sub-page is a page of its own, reported as not nested; its nested old path still leads to it."""
    child = page(3, "team", extra="<wp:post_parent>2</wp:post_parent>").replace("/team/", "/about/team/")
    output = import_text(export(pages=[page(2, "about"), child]))
    assert "page 3: a sub-page of page 2 in WordPress; pages here are not nested" in output
    assert_leads_to(client, "/about/team/", "/pages/team/")


@pytest.mark.parametrize("base", ["", "/blog"], ids=["at the root", "in a sub-directory"])
@pytest.mark.parametrize("old", ["/about/", "/about", "/?page_id=2"])
def test_old_page_addresses_redirect_to_the_page(client, import_text, base, old):
    """?page_id=ID and the page's old path lead to the page, under the install's path too."""
    import_text(export(base, pages=[page(2, "about", base=base)]))
    assert_leads_to(client, base + old, "/pages/about/")


def test_draft_pages_are_not_redirected_to(client, import_text):
    """A page imported as a draft keeps its old addresses' normal answer."""
    import_text(export(pages=[page(2, "about", status="draft")]))
    assert client.get("/about/").status_code == 404
    assert client.get("/?page_id=2").status_code == 200
