"""Reader comments: a small Markdown subset under the reader allowlist."""

from blog.rendering import render_comment
from blog.rendering.sanitize import READER_ATTRIBUTES, READER_TAGS
from tests.blog.rendering_helpers import disallowed_markup, soup, text_of


def test_comments_get_paragraphs_emphasis_quotes_and_code():
    """The Markdown a reader needs renders: paragraphs, emphasis, quotes, code."""
    page = soup(
        render_comment("Hello *there*, **you**.\n\n> You said\n\nUse `x = 1`.\n\n    indented code\n")
    )
    assert [p.name for p in page.find_all(recursive=False)] == ["p", "blockquote", "p", "pre"]
    assert (page.em.text, page.strong.text, page.code.text) == ("there", "you", "x = 1")


def test_comment_links_are_nofollow_ugc_noopener():
    """Markdown links and bare URLs both get rel="nofollow ugc noopener"."""
    page = soup(render_comment("[my site](https://example.org/) and https://example.com/page"))
    links = page.select("a")
    assert [a["href"] for a in links] == ["https://example.org/", "https://example.com/page"]
    assert {" ".join(a["rel"]) for a in links} == {"nofollow ugc noopener"}


def test_raw_html_in_comments_is_shown_as_text():
    """A reader's HTML is escaped: it shows as typed and makes no element."""
    page = soup(render_comment("Hi <script>alert(1)</script> <b onclick=x()>bold</b>"))
    assert page.select("script, b") == []
    assert text_of(page) == "Hi <script>alert(1)</script> <b onclick=x()>bold</b>"


def test_javascript_links_lose_their_address():
    """A ``javascript:`` link keeps its text but not its href."""
    page = soup(render_comment("[click](javascript:alert(1))"))
    assert not page.select("a[href]")
    assert "click" in text_of(page)


def test_comments_have_no_images_headings_or_dialect():
    """Images and headings do not render, and the commentary dialect is left as typed."""
    html = render_comment("# Big\n\n![pic](https://example.org/a.png)\n\n[Comment: hi] [@key] ...")
    page = soup(html)
    assert page.select("img, h1, h2, span, sup") == []
    assert "# Big" in text_of(page)
    assert "[Comment: hi] [@key]" in text_of(page)
    assert disallowed_markup(html, READER_TAGS, READER_ATTRIBUTES) == []


def test_code_in_comments_shows_characters_as_typed():
    """Ampersands and angle brackets in a code span show once, not as their escapes."""
    page = soup(render_comment("Use `a && b < c` here."))
    assert page.select_one("code").get_text() == "a && b < c"


def test_bare_urls_end_before_an_angle_bracket():
    """A bare URL followed by a typed "<" links the URL alone, and the "<" stays text."""
    page = soup(render_comment("see https://example.com/a<b> now"))
    assert [a["href"] for a in page.select("a")] == ["https://example.com/a"]
    assert text_of(page) == "see https://example.com/a<b> now"
