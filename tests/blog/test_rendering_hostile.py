"""Hostile shapes: the pipeline renders them within its allowlists, in work that grows linearly.

No test here times anything (the benchmark ``bench/hostile.py`` does):
linearity is checked by counting the work that used to grow with the square
of the input, and by comparing the linear replacements with
Python-Markdown's and bleach's own answers on ordinary input.
"""

import bleach
import markdown
from bleach.linkifier import URL_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from blog.rendering import Limits, brackets, render_comment, render_post, tables, wide
from blog.rendering.limits import MAX_MESSAGES, nesting_depth
from blog.rendering.sanitize import (
    AUTHOR_ATTRIBUTES,
    AUTHOR_TAGS,
    PROTOCOLS,
    READER_ATTRIBUTES,
    READER_TAGS,
    READER_URL_RE,
    clean_author_html,
)
from tests.blog.rendering_helpers import SOURCES, disallowed_markup

SHAPES = [
    "[a](", "[a](\"", "[^a]", "[@nobody] ", "[@hinshaw2013, p. 1] ", ">", "> ", "    - x\n", "- ", "1. ",
    "*", "*a", "_a_ ", "`", "`a", "[", "]", "<", "<a", "&", "(", "a-", "[Comment: ", "...", "… ",
    "| a | b |\n", "|---|---|\n", "<div>\n", "# a\n", "a\n-\n", "***\n", "*[A]: x\n", "[r]: /x\n",
    "[^n]: x\n", "\n", "\n\n", "'\"", "--", "a.com ", "http://", "\\",
    "@nobody ", "@hinshaw2013 [p. 1] ", "[-@hinshaw2013, ", "[@hinshaw2013, {", "pp. 1, ", "\\@",
]  # fmt: skip

# A few shapes, each repeated up to a few hundred times: the inputs that used to be quadratic.
hostile_text = st.lists(
    st.tuples(st.sampled_from(SHAPES), st.integers(min_value=1, max_value=400)), min_size=1, max_size=4
).map(lambda runs: "".join(shape * count for shape, count in runs))

HOSTILE = settings(max_examples=40, deadline=None)
ORDINARY = settings(max_examples=150, deadline=None)


@HOSTILE
@given(hostile_text)
def test_hostile_posts_render_within_the_author_allowlist(text):
    """Any run of hostile shapes renders, within the allowlist, without the pipeline failing."""
    rendering = render_post(text + "\n\n[^a]: note\n\n[^n]: x\n", SOURCES)
    assert disallowed_markup(rendering.html) == []
    assert not any("could not be rendered" in error for error in rendering.errors)
    assert len(rendering.errors) <= MAX_MESSAGES + 1


@HOSTILE
@given(hostile_text)
def test_hostile_comments_render_within_the_reader_allowlist(text):
    """Any run of hostile shapes renders as a comment within the reader allowlist."""
    assert disallowed_markup(render_comment(text), READER_TAGS, READER_ATTRIBUTES) == []


class CountingLinkScan(brackets.LinkScan):
    builds = 0

    def build(self, text):
        CountingLinkScan.builds += 1
        super().build(text)


def link_scans(monkeypatch, text):
    """How often the link processors paired a text's parentheses while rendering ``text``."""
    monkeypatch.setattr(brackets, "LinkScan", CountingLinkScan)
    CountingLinkScan.builds = 0
    md = markdown.Markdown()
    brackets.register(md)
    md.convert(text)
    return CountingLinkScan.builds


def test_unclosed_links_pair_their_parentheses_once(monkeypatch):
    """2,500 unclosed ``[a](`` cost one pairing of the text, not one walk per link."""
    assert link_scans(monkeypatch, "[a](" * 2_500) == link_scans(monkeypatch, "[a](" * 10)


def test_closed_links_pair_their_parentheses_a_bounded_number_of_times(monkeypatch):
    """Links that succeed one after another reuse the pairing of the text to their right."""
    assert link_scans(monkeypatch, "[a](b) " * 2_000) == link_scans(monkeypatch, "[a](b) " * 10)


LINKISH = st.lists(
    st.sampled_from(
        ["[", "]", "(", ")", "a", " ", "'", '"', "<", ">", "![", "\\", "http://x", "\n", "[r]", "`"]
    ),
    max_size=30,
).map("".join)


@ORDINARY
@given(LINKISH)
def test_linear_links_are_python_markdowns_links(text):
    """On ordinary input the linear link processors give Python-Markdown's own answer."""
    text += "\n\n[r]: http://r\n"
    ours = markdown.Markdown()
    brackets.register(ours)
    assert ours.convert(text) == markdown.Markdown().convert(text)


TABLEISH = st.lists(
    st.sampled_from(["|", " a ", "---", ":-", "-:", "\n", "# h\n", "`|`", "\\|", "b"]), max_size=30
).map("".join)


@ORDINARY
@given(TABLEISH)
def test_linear_tables_are_python_markdowns_tables(text):
    """Deciding from a block's first lines finds the tables Python-Markdown finds."""
    ours = markdown.Markdown(extensions=["tables"])
    tables.register(ours)
    assert ours.convert(text) == markdown.Markdown(extensions=["tables"]).convert(text)


WIDE = st.lists(
    st.sampled_from(["*a* ", '"b" ', "`c` ", "'d'", "-- ", "...", "\n", "- e\n"]), max_size=300
).map("".join)


@ORDINARY
@given(WIDE)
def test_chunked_smart_punctuation_is_python_markdowns(text):
    """Holding wide elements' children in chunks changes nothing smart punctuation produces."""
    ours = markdown.Markdown(extensions=["smarty"])
    wide.register(ours)
    assert ours.convert(text) == markdown.Markdown(extensions=["smarty"]).convert(text)


URLISH = st.lists(
    st.sampled_from(
        ["(", ")", "http://", "www.", "example", ".com", ".org", "/p", "?q=1", " ", "a", "-", ".", "@"]
    ),
    max_size=15,
).map("".join)


@ORDINARY
@given(URLISH)
def test_reader_links_are_found_where_bleach_finds_them(text):
    """The linear URL pattern finds bleach's links in text with ordinary (≤ 63-character) labels."""
    assert [m.span() for m in READER_URL_RE.finditer(text)] == [m.span() for m in URL_RE.finditer(text)]


@ORDINARY
@given(
    st.lists(
        st.sampled_from(["<p>", "</p>", "<em>a</em>", "<script>", "b", "<ol><li>x</li></ol>"]), max_size=200
    )
)
def test_linear_cleaning_is_bleachs_cleaning(parts):
    """The linear tree walker cleans HTML exactly as bleach does."""
    html = "".join(parts)
    expected = bleach.clean(
        html, tags=AUTHOR_TAGS, attributes=AUTHOR_ATTRIBUTES, protocols=PROTOCOLS, strip=True
    )
    assert clean_author_html(html) == expected


def test_a_text_over_the_length_limit_is_plain_text_with_the_limit_named():
    """A body longer than the limit is not rendered but shown escaped, and the message names the limit."""
    rendering = render_post("*word* <b>x</b> " * 100, SOURCES, Limits(max_length=1_000))
    assert rendering.errors == [
        "The text has 1,600 characters; the limit is 1,000. Shorten it or split it into several posts."
    ]
    assert "<em>" not in rendering.html and "&lt;b&gt;" in rendering.html


def test_a_block_of_too_many_lines_is_plain_text_with_the_limit_named():
    """A block past the lines limit, headings taken off its top one by one, is shown as text."""
    rendering = render_post("# a\n" * 300, SOURCES, Limits(max_block_lines=200))
    assert rendering.errors == [
        "A paragraph, list or table runs 300 lines without a blank line; the limit is 200. "
        "Separate it with blank lines."
    ]
    assert "<h2>" not in rendering.html


def test_lines_nested_too_deeply_are_plain_text_and_the_rest_renders():
    """Quotes nested past the limit become text; the post's other dialect still renders."""
    text = ">" * 40 + " deep\n\nA *word* [@hinshaw2013].\n"
    rendering = render_post(text, SOURCES, Limits(max_depth=8))
    assert "nested 40 levels deep; the limit is 8" in " ".join(rendering.errors)
    assert rendering.html.count("<blockquote") == 0
    assert "<em>word</em>" in rendering.html and len(rendering.footnotes) == 1


def test_nesting_depth_counts_quotes_list_markers_and_indentation():
    """A line's depth is its quote markers, list markers and four-space steps of indentation."""
    assert [nesting_depth(line) for line in ["a", "> > - a", "        - x", "\t- x", "**b**"]] == [
        0,
        3,
        3,
        2,
        0,
    ]


def test_a_citation_naming_too_many_sources_is_shown_as_written():
    """A citation over the keys limit is text, and the message names the limit."""
    text = "See [" + "; ".join(["@hinshaw2013"] * 5) + "]."
    rendering = render_post(text, SOURCES, Limits(max_citation_keys=4))
    assert rendering.footnotes == []
    assert "A citation names 5 sources; the limit is 4. Split it into several citations." in rendering.errors
    assert "[@hinshaw2013; @hinshaw2013" in rendering.html


def test_notes_past_the_limit_are_shown_as_written():
    """Past the notes limit, further footnote references stay text and the limit is named."""
    text = " ".join(f"[^{n}]" for n in range(5)) + "\n\n" + "".join(f"[^{n}]: note {n}\n\n" for n in range(5))
    rendering = render_post(text, SOURCES, Limits(max_notes=3))
    assert [note.number for note in rendering.footnotes] == [1, 2, 3]
    assert "The post has more than 3 notes, the limit; the references past it are shown as written." in (
        rendering.errors
    )


def test_references_to_one_note_past_the_limit_are_shown_as_written():
    """20,000 references to one footnote: the first ones link to it, the rest are text."""
    rendering = render_post("[^a] " * 20_000 + "\n\n[^a]: the note\n", SOURCES, Limits(max_references=50))
    assert rendering.footnotes[0].references == 50
    assert rendering.html.count('class="footnote-backref"') == 50
    assert "Note 1 is referred to more than 50 times, the limit" in rendering.errors[0]


def test_many_problems_are_listed_up_to_a_count():
    """15,000 unknown keys give a readable list: the first problems, then how many more (the
    5,000 keys read, and that the citations past them were not)."""
    rendering = render_post(" ".join(f"[@k{n}]" for n in range(15_000)), {})
    assert len(rendering.errors) == MAX_MESSAGES + 1
    assert rendering.errors[-1] == f"… and {5_001 - MAX_MESSAGES:,} more problems of the kinds above."


def test_a_maximum_length_comment_of_unclosed_links_renders():
    """The issue's comment, ``[a](`` 2,499 times, renders as text."""
    html = render_comment("[a](" * 2_499)
    assert html.startswith("<p>[a](") and "<a" not in html
