"""The dialect's heading anchors, ``## Heading {#id}`` (posts only)."""

import re

import pytest

from blog.rendering import render_comment, render_post


def html(text):
    return render_post(text).html.strip()


def test_a_heading_ends_with_its_anchor():
    """``{#id}`` at the end of a heading becomes its id, which in-page links reach."""
    assert html("## Why it *matters* {#why}\n\n[Up](#why)") == (
        '<h2 id="why">Why it <em>matters</em>'
        '<a aria-label="Link to this section" class="heading-anchor" href="#why">§</a></h2>\n'
        '<p><a href="#why">Up</a></p>'
    )


@pytest.mark.parametrize(
    ("text", "braces"),
    [
        (r"## Literally \{#why}", "{#why}"),
        ("## In the {#middle} of a heading", "{#middle}"),
        ("## Not an id {#1st}", "{#1st}"),
        ("## No attributes {#x onclick=alert(1)}", "{#x onclick=alert(1)}"),
        ("A paragraph {#why}", "{#why}"),
    ],
)
def test_anything_else_in_braces_stays_text(text, braces):
    """Only a trailing, unescaped ``{#id}`` on a heading is an anchor; nothing else sets an attribute.

    (A heading still gets an id of its own words: see ``test_rendering_contents``.)
    """
    rendered = html(text)
    assert braces in rendered
    assert "onclick=" not in rendered.replace(braces, "")
    assert not re.search(r'id="(why|middle|1st|x)"', rendered)


def test_comments_do_not_read_anchors():
    """Readers' comments keep the braces as text."""
    assert render_comment("Text {#x}").strip() == "<p>Text {#x}</p>"
