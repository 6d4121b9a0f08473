"""The pass that lets Python-Markdown's inline processing skip texts no inline pattern can change."""

import re
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from blog.rendering import pipeline, plain, render_comment, render_post
from tests.blog.rendering_helpers import SOURCES, soup

# Pieces of every inline pattern's syntax, mixed with letters and spaces.
PIECES = [
    "a", "b", "word ", " ", "  ", "\n", "\n\n", "\t", ".", ". ", "-", "–", "—", "'", '"', "`", "\\",
    "[", "]", "(", ")", "!", "<", ">", "&", ";", "#", "*", "_", "@", "^", ":", "/", "1", "s", "…",
    "http://example.org", "x@example.org", "amp", "Comment", "[^a]", "[@hinshaw2013]", "> ", "- ",
    "1. ", "    ", "```\n", "*[ABC]: an abbreviation\n", "ABC", "[^a]: a note\n", "~", "~~",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30).map("".join)
NEVER_SKIP = re.compile("")  # matches every text, so the pass marks nothing
FAST = settings(max_examples=300, deadline=None)


def inline_patterns():
    """Every inline pattern of both Markdowns (Python-Markdown's, the dialect's, smart punctuation's),
    each with whether its Markdown keeps line breaks (comments: a newline triggers too)."""
    comment_md = pipeline._comment_markdown()
    post_md, _extension = pipeline._post_markdown()
    for md, line_breaks in ((comment_md, True), (post_md, False)):
        for pattern in [*md.inlinePatterns, *md.treeprocessors["smarty"].inlinePatterns]:
            yield pattern, line_breaks


@FAST
@given(texts)
def test_no_inline_pattern_matches_a_text_without_triggers(text):
    """A text the triggers do not match is one no registered inline pattern matches either."""
    if plain.TRIGGERS.search(text):
        return
    for pattern, line_breaks in inline_patterns():
        if not (line_breaks and "\n" in text):
            assert pattern.compiled_re.search(text) is None, (pattern, text)


@FAST
@given(texts)
def test_comments_render_the_same_with_and_without_the_pass(text):
    """Skipping the texts without triggers changes no comment's HTML."""
    with patch.object(plain, "TRIGGERS", NEVER_SKIP):
        expected = render_comment(text)
    assert render_comment(text) == expected


@FAST
@given(texts)
def test_posts_render_the_same_with_and_without_the_pass(text):
    """Skipping the texts without triggers changes no post's HTML, errors or outline."""
    with patch.object(plain, "TRIGGERS", NEVER_SKIP):
        expected = render_post(text, SOURCES)
    assert render_post(text, SOURCES) == expected


def test_abbreviations_are_still_found_in_plain_text():
    """A post defining abbreviations has them marked even in texts without any trigger."""
    page = soup(render_post("The UN met today\n\n*[UN]: United Nations\n", SOURCES).html)
    assert [abbr["title"] for abbr in page.select("abbr")] == ["United Nations"]
