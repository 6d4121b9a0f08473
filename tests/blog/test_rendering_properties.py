"""Properties that hold for any text: the pipeline never raises, emits only allowed markup, repeats itself."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from blog.rendering import citation_keys, keys_to_fetch, render_comment, render_post
from blog.rendering.sanitize import READER_ATTRIBUTES, READER_TAGS
from tests.blog.rendering_helpers import SOURCES, disallowed_markup, soup

FRAGMENTS = [
    "> ", "\n", "\n\n", ">\n", "— ", "-- ", "—", "[@hinshaw2013]", "[@mill1859, p. 4]",
    "[see @hinshaw2013, 3–5; @mill1859]", "[@nobody]", "[@", "@hinshaw2013", "someone@example.com",
    "[Comment: ", "[Note: ", "[Update:", "]", "[", "[sic]", "[the militants]", "...", "…", "[…]",
    "[^a]", "[^a]: ", "[^b]", "\n    ", "`", "```\n", "*", "_", "[link](https://example.org)",
    "[x](javascript:alert(1))", "<b>", "</b>", "<script>", "&amp;", "\\", "|", "| a | b |\n|---|---|\n",
    "# ", "---", "words ", "quoted text ", "\x00", "\x02", "\x03", '"', "'", "<", "![i](x.png)",
    "[@{O'Hara_1999}]", "@{IJCAI01*425}", "[-@{a;b]c}, p. 3]", "@{", "{", "}", "@Foo_bar--baz", ";",
]  # fmt: skip

dialect_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)
any_text = dialect_text | st.text(max_size=300)

FAST = settings(max_examples=200, deadline=None)
UNKNOWN_KEY_RE = re.compile(r"Unknown source “@(?:\{(?P<braced>.+?)\}|(?P<bare>.+?))”")


@FAST
@given(any_text)
def test_posts_always_render_allowed_markup_the_same_way(text):
    """Any text renders without raising, within the author allowlist, identically twice."""
    rendering = render_post(text, SOURCES)
    assert disallowed_markup(rendering.html) == []
    assert not any("could not be rendered" in error for error in rendering.errors)
    assert render_post(text, SOURCES) == rendering
    assert rendering.quoted_word_count <= rendering.word_count + sum(
        len(aside.text.split()) for aside in rendering.asides
    )


@FAST
@given(any_text)
def test_comments_always_render_reader_markup(text):
    """Any comment renders within the reader allowlist, links marked nofollow ugc noopener."""
    html = render_comment(text)
    assert disallowed_markup(html, READER_TAGS, READER_ATTRIBUTES) == []
    assert all(" ".join(a.get("rel", [])) == "nofollow ugc noopener" for a in soup(html).select("a"))


@FAST
@given(dialect_text)
def test_citation_keys_are_the_keys_the_renderer_looks_up(text):
    """citation_keys lists exactly the keys a render without sources reports as unknown."""
    errors = render_post(text, {}).errors
    named = [match["braced"] or match["bare"] for error in errors if (match := UNKNOWN_KEY_RE.match(error))]
    assert citation_keys(text) == set(named)


@FAST
@given(dialect_text)
def test_keys_to_fetch_include_every_key_the_renderer_looks_up(text):
    """keys_to_fetch, found without rendering, never misses a key citation_keys finds."""
    assert citation_keys(text) <= keys_to_fetch(text)


def test_huge_and_hostile_input_renders():
    """NUL bytes, deep nesting, unbalanced brackets and a large body still give HTML."""
    hostile = (
        "\x00" * 10
        + ">" * 400
        + " deep\n\n"
        + "[" * 5000
        + "[Comment: " * 2000
        + "](" * 1000
        + "\n\n"
        + "> quote [@hinshaw2013] ... [sic]\n>\n> — [@hinshaw2013]\n\n" * 150
    )
    rendering = render_post(hostile, SOURCES)
    assert len(rendering.excerpts) == 150
    assert disallowed_markup(rendering.html) == []
    assert "\x00" not in rendering.html
