"""An import shows on the cached public pages as each batch commits, and retires them once per batch."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from blog.models import Post

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("page_cache")]


def export(posts, comment="On post {n}."):
    """A WXR 1.2 export of ``posts`` published posts, each with one approved comment reading ``comment``."""
    items = "".join(
        f"""<item><title>Post {n}</title><link>https://example.org/post-{n}/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[<p>Text of post {n}.</p>]]></content:encoded><wp:post_id>{n}</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>post-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>{100000 + n}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>
<wp:comment_date_gmt>2020-01-01 11:00:00</wp:comment_date_gmt>
<wp:comment_content>{comment.format(n=n)}</wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment></item>
"""
        for n in range(1, posts + 1)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Site</title><link>https://example.org</link><wp:wxr_version>1.2</wp:wxr_version>
{items}</channel></rss>"""


def run(tmp_path, text):
    path = tmp_path / "export.xml"
    path.write_text(text)
    out = io.StringIO()
    call_command("import_wxr", str(path), stdout=out)
    return out.getvalue()


def warm(url):
    Client().get(url)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    return response.content.decode()


def test_a_reimported_changed_comment_shows_on_the_post_page_at_once(tmp_path):
    """A comment edited in WordPress and imported again replaces the old text on the cached post page."""
    run(tmp_path, export(2))
    url = Post.objects.get(slug="post-1").get_absolute_url()
    assert "On post 1." in warm(url)
    output = run(tmp_path, export(2, comment="Corrected on post {n}."))
    assert "comments: 0 created, 2 updated, 0 unchanged" in output
    page = Client().get(url).content.decode()
    assert "Corrected on post 1." in page and "On post 1." not in page


def test_an_unchanged_reimport_leaves_the_cached_pages(tmp_path, announced):
    """Importing the same export again changes nothing, so nothing is retired."""
    run(tmp_path, export(2))
    url = Post.objects.get(slug="post-1").get_absolute_url()
    warm(url)
    announced.clear()
    assert "comments: 0 created, 0 updated, 2 unchanged" in run(tmp_path, export(2))
    assert announced == []
    assert Client().get(url)["X-Page-Cache"] == "hit"


def test_an_import_retires_the_cached_pages_once_per_batch(tmp_path, settings, announced):
    """250 posts and 250 comments in batches of 100 retire the pages three times, not once per row."""
    settings.WORDPRESS_IMPORT_BATCH_SIZE = 100
    warm("/")
    announced.clear()
    assert "posts: 250 created" in run(tmp_path, export(250))
    assert len(announced) == 3
    home = Client().get("/")
    # All share one date: the last imported is the newest.
    assert home["X-Page-Cache"] == "miss" and "Post 250</a>" in home.content.decode()
