"""The dialect's strike-through, superscript and subscript (posts only)."""

import pytest

from blog.rendering import render_comment, render_post


def html(text):
    return render_post(text).html.strip()


def test_double_tildes_strike_text_through():
    """``~~text~~`` is struck text, spaces and emphasis inside included."""
    assert html("It was ~~quite *wrong*~~ right.") == "<p>It was <del>quite <em>wrong</em></del> right.</p>"


def test_carets_and_single_tildes_raise_and_lower_text():
    """``^2^`` is a superscript and ``~2~`` a subscript, as pandoc writes them."""
    assert html("E = mc^2^ and H~2~O.") == "<p>E = mc<sup>2</sup> and H<sub>2</sub>O.</p>"


@pytest.mark.parametrize(
    "text",
    [
        "about ~5 minutes, or 2^n steps",
        "a ~~ b ~~ c",
        "x ^ y ^ z and a ~ b ~ c",
        r"\~not\~ and \^not\^ and \~\~not\~\~",
        "`~~code~~ ^x^`",
    ],
)
def test_stray_or_escaped_markers_stay_text(text):
    """Markers next to spaces, escaped with a backslash or in code change nothing."""
    assert "<del>" not in html(text) and "<sup>" not in html(text) and "<sub>" not in html(text)


def test_footnote_references_are_not_superscripts():
    """``[^1]`` stays a footnote reference even with a second caret later in the paragraph."""
    page = html("One[^1] and two[^2].\n\n[^1]: First.\n[^2]: Second.\n")
    assert page.count('class="footnote-ref"') == 2


def test_comments_do_not_read_the_markers():
    """Readers' comments keep their tildes and carets as text."""
    assert render_comment("~~no~~ ^no^").strip() == "<p>~~no~~ ^no^</p>"
