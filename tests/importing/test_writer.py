"""The dialect writer as any importer uses it: HTML in, the blog's Markdown out, read back as written."""

import pytest

from blog.rendering.pipeline import render_post
from blog.rendering.scripts import SUBSCRIPT, SUPERSCRIPT
from blog.rendering.strike import STRIKE
from importing.htmltree import blockify, parse
from importing.writer import Writer


def write(html: str, **kwargs) -> tuple[str, list]:
    """What another platform's adapter does: parse, blockify, write."""
    root, _ = parse(html, 50)
    blockify(root, True)
    problems = []
    writer = Writer({}, lambda reference: None, problems, **kwargs)
    return "\n\n".join(writer.blocks(root.children)), problems


def test_markers_are_the_dialects_own():
    markdown, _ = write("<p>E = mc<sup>2</sup>, H<sub>2</sub>O, <del>wrong</del> right</p>")
    assert (
        markdown
        == f"E = mc{SUPERSCRIPT}2{SUPERSCRIPT}, H{SUBSCRIPT}2{SUBSCRIPT}O, {STRIKE}wrong{STRIKE} right"
    )
    html = render_post(markdown).html
    assert "<sup>2</sup>" in html and "<sub>2</sub>" in html and "<del>wrong</del>" in html


@pytest.mark.parametrize(
    "text",
    [
        "~5 minutes ~ or so^",
        "an @alice mention",
        "[^1] and [@key]",
        "*stars* and _under_ `tick`",
    ],
)
def test_prose_that_looks_like_the_dialect_stays_prose(text):
    markdown, _ = write(f"<p>{text}</p>")
    html = render_post(markdown).html
    assert text.replace("&", "&amp;") in html.replace("&nbsp;", " ")


def test_files_point_where_the_adapter_says():
    markdown, _ = write(
        '<p><img src="https://old.example/a.png" alt="A"> <a href="https://old.example/b.pdf">B</a></p>',
        media_url=lambda url: url.replace("https://old.example", "/media"),
        link_url=lambda href, has_image: href.replace("https://old.example", "/files"),
    )
    assert markdown == "![A](/media/a.png) [B](/files/b.pdf)"


def test_what_cannot_be_written_is_named_as_a_problem():
    markdown, problems = write('<p>Before <iframe src="https://player.example/1"></iframe> after</p>')
    assert "<https://player.example/1>" in markdown
    assert problems == ["<iframe> replaced by its link https://player.example/1"]


def test_an_editors_bracketed_aside_stays_the_dialects_aside():
    """WordPress posts wrote "[Note: …]" asides by hand; the dialect has them, under the same labels."""
    markdown, _ = write("<p>Text <em>[Update: fixed]</em></p>")
    assert "aside-update" in render_post(markdown).html
