"""Old WordPress addresses redirect permanently to the imported posts."""

import pytest

from blog.models import Post


@pytest.fixture
def post(run_import):
    run_import("outgunned")
    run_import("site")
    return Post.objects.get(slug="gaddafis-arsenal-malis-war")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old",
    [
        "/?p=412",
        "/2013/02/24/gaddafis-arsenal-malis-war/",
        "/2013/02/gaddafis-arsenal-malis-war/",
        "/2013/02/23/gaddafis-arsenal-malis-war",
    ],
)
def test_old_addresses_redirect_with_301(client, post, old):
    """?p=ID, /YYYY/MM/DD/slug/, /YYYY/MM/slug/ and the export's link path answer 301 to the post."""
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


@pytest.mark.django_db
def test_new_address_is_served_not_redirected(client, post):
    """The post's own address is served as it is."""
    assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_renamed_slug_redirects_from_the_wordpress_link(client, run_import):
    """A post whose slug was made unique is reached from its old WordPress link."""
    run_import("site")
    post = Post.objects.get(title="Same slug")
    response = client.get("/2014/01/05/café-society/")
    assert response.status_code == 301 and response["Location"] == post.get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old", ["/?p=15", "/?p=14", "/?p=99999", "/2014/01/01/pending/", "/2020/01/nothing-here/"]
)
def test_drafts_scheduled_and_unknown_posts_are_not_redirected(client, post, old):
    """Only public posts are redirected to; drafts, scheduled and unknown IDs keep their normal answer."""
    assert client.get(old).status_code in (200, 404)


@pytest.mark.django_db
def test_home_page_without_p_is_untouched(client, post):
    """The home page itself is not redirected."""
    assert client.get("/").status_code == 200


def old_site_export(base: str) -> str:
    """A small export of a site installed under ``base`` ("" or "/blog"), with each kind of old address.

    Post 412 has a ``.html`` permalink, post 415 a custom structure (``/archives/%post_id%``);
    attachment 500 belongs to post 412; page 2 is the site's About page; post 413 is private and
    post 414 published behind a password.
    """
    home = f"https://old.example.org{base}"

    def item(wp_id, post_type, link, status="publish", extra=""):
        return f"""<item><title>Item {wp_id}</title><link>{home}{link}</link>
        <dc:creator><![CDATA[jane.doe]]></dc:creator>
        <content:encoded><![CDATA[<p>Text {wp_id}.</p>]]></content:encoded>
        <wp:post_id>{wp_id}</wp:post_id><wp:post_date>2013-02-23 12:00:00</wp:post_date>
        <wp:post_date_gmt>2013-02-23 12:00:00</wp:post_date_gmt><wp:post_name>item-{wp_id}</wp:post_name>
        <wp:status>{status}</wp:status><wp:post_type>{post_type}</wp:post_type>{extra}</item>"""

    terms = (
        '<category domain="category" nicename="world-news"><![CDATA[World News]]></category>'
        '<category domain="post_tag" nicename="mali"><![CDATA[Mali]]></category>'
    )
    items = [
        item(412, "post", "/2013/02/gaddafis-arsenal.html", extra=terms),
        item(415, "post", "/archives/415"),
        item(500, "attachment", "/2013/02/gaddafis-arsenal.html/map-of-mali/", "inherit",
             "<wp:post_parent>412</wp:post_parent>"
             f"<wp:attachment_url>{home}/wp-content/uploads/map.png</wp:attachment_url>"),
        item(2, "page", "/about/"),
        item(413, "post", "/2013/02/private.html", "private"),
        item(414, "post", "/2013/02/protected.html", extra="<wp:post_password>secret</wp:post_password>"),
    ]  # fmt: skip
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old</title><link>{home}</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.org</wp:base_site_url>
<wp:base_blog_url>{home}</wp:base_blog_url>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login>jane.doe</wp:author_login></wp:author>
{"".join(items)}</channel></rss>"""


@pytest.fixture(params=["", "/blog"], ids=["at the root", "in a sub-directory"])
def old_site(request, run_import, tmp_path):
    """The old site imported; its base path ("" or "/blog")."""
    path = tmp_path / "old.xml"
    path.write_text(old_site_export(request.param), encoding="utf-8")
    run_import(str(path))
    return request.param


@pytest.fixture
def old_site_output(run_import, tmp_path):
    """What importing the old site, installed at the root, printed."""
    path = tmp_path / "old.xml"
    path.write_text(old_site_export(""), encoding="utf-8")
    return run_import(str(path))


def assert_leads_to(client, old: str, new: str) -> None:
    """``old`` answers 301 to ``new``, or is ``new`` itself and is served."""
    response = client.get(old)
    if old == new:
        assert response.status_code == 200
    else:
        assert response.status_code == 301, old
        assert response["Location"] == new


def post_url(wp_id: int) -> str:
    return Post.objects.get(title=f"Item {wp_id}").get_absolute_url()


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/?p=412", "/index.php?p=412", "/2013/02/gaddafis-arsenal.html"])
def test_post_ids_and_html_permalinks_redirect_to_the_post(client, old_site, old):
    """?p=ID, /index.php?p=ID and a .html permalink lead to the post, under the install's path too."""
    assert_leads_to(client, old_site + old, post_url(412))


@pytest.mark.django_db
def test_custom_permalink_structure_redirects_by_the_recorded_link(client, old_site):
    """A permalink of a structure of the site's own (/archives/415) leads to its post."""
    assert_leads_to(client, f"{old_site}/archives/415", post_url(415))
    assert_leads_to(client, f"{old_site}/archives/415/", post_url(415))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old",
    [
        "/category/world-news/",
        "/category/world/world-news/",
        "/category/world-news",
        "/?category_name=world-news",
    ],
)
def test_category_archives_redirect_to_the_tag_page(client, old_site, old):
    """A category archive, nested or not, leads to the tag the category became."""
    assert_leads_to(client, old_site + old, "/tags/world-news/")


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/tag/mali/", "/?tag=mali"])
def test_tag_archives_redirect_to_the_tag_page(client, old_site, old):
    """A tag archive leads to the new tag page."""
    assert_leads_to(client, old_site + old, "/tags/mali/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old, new",
    [
        ("/category/world-news/feed/", "/tags/world-news/feed/"),
        ("/tag/mali/feed/atom/", "/tags/mali/feed/atom/"),
        ("/feed/", "/feed/"),
        ("/feed/rss2/", "/feed/"),
        ("/feed/atom/", "/feed/atom/"),
        ("/?feed=rss2", "/feed/"),
        ("/comments/feed/", "/comments/feed/"),
        ("/?feed=comments-rss2", "/comments/feed/"),
    ],
)
def test_feeds_redirect_to_the_new_feeds(client, old_site, old, new):
    """The site's, a category's, a tag's and the comments' feeds lead to the new feeds."""
    assert_leads_to(client, old_site + old, new)


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/author/jane-doe/", "/author/jane-doe/feed/", "/?author=3"])
def test_author_archives_redirect_to_the_author_page(client, old_site, old):
    """An author's archive (by nicename or ID) leads to the page of the account the author became."""
    assert_leads_to(client, old_site + old, "/authors/jane.doe/")


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/?attachment_id=500", "/2013/02/gaddafis-arsenal.html/map-of-mali/"])
def test_attachment_pages_redirect_to_their_post(client, old_site, old):
    """An attachment's page, its files not being imported, leads to the post it belongs to."""
    assert_leads_to(client, old_site + old, post_url(412))


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/?page_id=2", "/about/"])
def test_page_addresses_redirect_to_the_imported_page(client, old_site, old):
    """A page's ?page_id= and old path lead to the page it became, among the site's posts."""
    assert_leads_to(client, old_site + old, "/pages/item-2/")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "old", ["/category/nothing/", "/tag/nothing/", "/author/nobody/", "/?attachment_id=9", "/archives/9"]
)
def test_unknown_archives_stay_404(client, old_site, old):
    """An archive of a category, tag, author or attachment the import did not bring answers as before."""
    assert client.get(old_site + old).status_code in (200, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/category/a%00b/", "/?p=4%0012", "/blog/tag/%00/", "/author/%ff%fe/"])
def test_odd_input_stays_a_client_error(client, old_site, old):
    """NUL bytes and undecodable paths get a 4xx (or the home page), never a 500 or a redirect."""
    assert client.get(old).status_code in (200, 400, 404)


@pytest.mark.django_db
@pytest.mark.parametrize("wp_id", [413, 414])
def test_private_and_password_protected_posts_become_drafts(old_site_output, wp_id):
    """A private post and a password-protected one are imported as drafts, and the report says so."""
    assert Post.objects.get(title=f"Item {wp_id}").status == Post.Status.DRAFT
    why = "private" if wp_id == 413 else "password-protected"
    assert f"post {wp_id}: {why} in WordPress; imported as a draft" in old_site_output


@pytest.mark.django_db
@pytest.mark.parametrize("old", ["/?p=413", "/?p=414", "/2013/02/private.html", "/2013/02/protected.html"])
def test_private_and_password_protected_posts_are_not_redirected_to(client, old_site_output, old):
    """The old addresses of private and protected posts do not lead to them."""
    assert client.get(old).status_code in (200, 404)
