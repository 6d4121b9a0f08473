"""Hostile WordPress exports: linear conversion within named limits, a clear error, nothing harmed.

Property tests build nested, long and repetitive HTML, shortcodes and XML; whatever
the shape, converting gives Markdown or raises ``LimitError``, and reading an export
gives records or raises ``WXRError`` — never RecursionError, never a 500.
"""

import io
from xml.sax.saxutils import escape

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blog.models import Post
from comments.models import Comment
from importing.htmltree import LimitError
from tests.factories import make_staff
from tests.imports.pages import finished_page
from wordpress import wxr
from wordpress.convert import convert_post
from wordpress.importer import import_wxr

URL = reverse("admin:wordpress_import")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def export(content: str = "<p>Hello</p>", comments: str = "", post_id: int = 1) -> bytes:
    """A WXR 1.2 export of one published post with ``content`` (HTML) and ``comments`` (XML)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Site</title><link>https://example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Post</title><link>https://example.org/post/</link><dc:creator>editor</dc:creator>
<content:encoded>{escape(content)}</content:encoded><wp:post_id>{post_id}</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>post</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>{comments}</item>
</channel></rss>""".encode()


def comment(wp_id: int, parent: int, body: str = "A reply.") -> str:
    return (
        f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
        f"<wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content>{escape(body)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def converted_or_limit_error(html: str) -> None:
    """Convert ``html`` as a post and as a comment; only ``LimitError`` may come out."""
    for as_comment in (False, True):
        try:
            assert isinstance(convert_post(html, comment=as_comment).markdown, str)
        except LimitError as error:
            assert "WORDPRESS_IMPORT_MAX_HTML_DEPTH" in str(error)


HTML_PIECES = """<div> </div> <ul><li> </li> <ol> <blockquote> </blockquote> <table><tr><td> </td> <b>
<em> </em> <p> </p> <br> <hr> <a_href='x'> </a> <code> ` <pre> <!-- --> <!  </ < &amp; &# & [1] * †
[caption] [/caption] [x_a='1'] [[x]] <sup>1</sup> word _ # - 1. [ ] ( ) <x_y=' '>"""
SPACES = ["\n\n", "\n", " "]
html_pieces = st.sampled_from([piece.replace("_", " ") for piece in HTML_PIECES.split()] + SPACES)


def repeated(pieces, max_size):
    return st.lists(pieces, max_size=max_size).map("".join) | st.tuples(pieces, st.integers(1, 3000)).map(
        lambda args: args[0] * args[1]
    )


@PROPERTY
@given(repeated(html_pieces, 300))
def test_hostile_post_html_converts_or_gives_a_limit_error(html):
    """Nested, unclosed, repeated or broken HTML and shortcodes convert, or are refused by the depth limit."""
    converted_or_limit_error(html)


@PROPERTY
@given(
    st.integers(1, 3000),
    st.sampled_from(["div", "ul", "ol", "blockquote", "table", "td", "em", "span", "x-unknown"]),
)
def test_nesting_within_the_limit_converts_and_beyond_it_is_refused(depth, tag):
    """Elements nested up to WORDPRESS_IMPORT_MAX_HTML_DEPTH convert; one level more is a LimitError."""
    html = f"<{tag}>" * depth + "text" + f"</{tag}>" * depth
    if depth <= 100:
        markdown = convert_post(html).markdown
        assert "text" in markdown or tag in ("ul", "ol", "table")  # lists and tables hold no bare text
    else:
        with pytest.raises(LimitError, match="deeper than 100 elements"):
            convert_post(html)


XML_PIECES = [
    "<rss>",
    "<channel>",
    "</channel>",
    "<a>",
    "</a>",
    "<![CDATA[",
    "]]>",
    "&lt;",
    "<!--",
    "<?x?>",
    "<item>",
    "</item>",
    "<wp:wxr_version>1.2</wp:wxr_version>",
]


@PROPERTY
@given(repeated(st.sampled_from(XML_PIECES), 300))
def test_hostile_xml_gives_records_or_a_wxr_error(text):
    """Nested, unclosed or repeated XML is read or refused with WXRError."""
    try:
        for _record in wxr.read(io.BytesIO(text.encode())):
            pass
    except wxr.WXRError as error:
        assert str(error)


def test_shortcodes_without_closing_tags_are_found_in_linear_time():
    """Thousands of unclosed shortcodes are kept as text, and a closed one still keeps its text."""
    html = "[sic] " * 20_000 + "[caption]An image[/caption]"
    markdown = convert_post(html).markdown
    assert markdown.count("[sic]") == 20_000
    assert markdown.rstrip().endswith("An image")


def test_shortcodes_nested_past_the_limit_are_refused():
    """Shortcodes whose text is kept nest at most as deep as elements do."""
    html = "".join(f"[n{i}]" for i in range(200)) + "x" + "".join(f"[/n{i}]" for i in reversed(range(200)))
    with pytest.raises(LimitError, match="shortcodes nest deeper than 100"):
        convert_post(html)


@pytest.mark.django_db
def test_twenty_thousand_nested_divs_skip_the_post_and_the_page_says_why(client):
    """20,000 nested <div> in a post (the issue's attack) skip that post; the report names the limit."""
    client.force_login(make_staff(groups=["Editors"]))
    upload = io.BytesIO(export("<div>" * 20_000 + "x"))
    upload.name = "export.xml"
    page = finished_page(client, client.post(URL, {"export": upload}))
    [line] = [line for line in page.splitlines() if line.startswith("  post 1: not imported")]
    assert "WORDPRESS_IMPORT_MAX_HTML_DEPTH" in line
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_comment_beyond_a_limit_is_skipped_and_its_post_imported(tmp_path):
    """``import_wxr`` skips a comment nested past the limit, says so in one line, and imports its post."""
    path = tmp_path / "deep.xml"
    path.write_bytes(export(comments=comment(7, 0, "<blockquote>" * 500) + comment(8, 0)))
    out = io.StringIO()
    call_command("import_wxr", str(path), stdout=out)
    assert "  comment 7: not imported: " in out.getvalue()
    assert "comments: 1 created, 0 updated, 0 unchanged, 1 skipped" in out.getvalue()
    assert Post.objects.exists() and Comment.objects.get().body == "A reply."


@pytest.mark.django_db
def test_over_long_content_skips_that_post_alone(settings):
    """A post longer than WORDPRESS_IMPORT_MAX_CONTENT_LENGTH is skipped and reported; the next imports."""
    settings.WORDPRESS_IMPORT_MAX_CONTENT_LENGTH = 40
    two = export("x" * 50).replace(b"</item>", b"</item>" + ITEM_TWO, 1)
    report = import_wxr(io.BytesIO(two))
    assert any(
        line.startswith("  post 1: not imported") and "MAX_CONTENT_LENGTH" in line for line in report.lines()
    )
    assert list(Post.objects.values_list("title", flat=True)) == ["Second"]


ITEM_TWO = b"""<item><title>Second</title><content:encoded>Short.</content:encoded><wp:post_id>2</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>second</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (export()[:-40], "may be truncated"),
        (export()[:200], "may be truncated"),
        (export().replace(b"<rss", b"<!DOCTYPE rss [<!ENTITY a 'aaaa'>]>\n<rss", 1), "document type"),
        (
            export().replace(b"</item>", b"<x>" * 40 + b"</x>" * 40 + b"</item>"),
            "WORDPRESS_IMPORT_MAX_XML_DEPTH",
        ),
    ],
)
def test_broken_or_hostile_exports_are_refused_whole(data, message):
    """A truncated file, a DTD or deep XML is a WXRError saying which; nothing is kept."""
    with pytest.raises(wxr.WXRError, match=message):
        import_wxr(io.BytesIO(data))
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_a_chain_of_thousands_of_replies_is_imported_without_recursion(settings):
    """5,000 comments each answering the one before import, flattened at the thread depth limit."""
    settings.COMMENTS_MAX_DEPTH = 4
    chain = "".join(comment(wp_id, wp_id - 1 if wp_id > 1 else 0) for wp_id in range(1, 5001))
    report = import_wxr(io.BytesIO(export(comments=chain)))
    assert Comment.objects.count() == 5000, report.lines()
    assert max(Comment.objects.values_list("depth", flat=True)) == 3


@pytest.mark.django_db
def test_a_loop_of_replies_is_skipped_once_each():
    """Two comments answering each other are each reported once as skipped, not imported."""
    report = import_wxr(io.BytesIO(export(comments=comment(1, 2) + comment(2, 1))))
    problems = [line for line in report.lines() if "was skipped" in line]
    assert len(problems) == 2
    assert not Comment.objects.exists()
