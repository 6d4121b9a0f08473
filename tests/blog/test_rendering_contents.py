"""Section headings readers can link to, and the contents of a post with several sections."""

import re

from blog.rendering import render_post
from blog.seo import opening_words

SECTIONS = (
    "An opening.\n\n## The army {#army}\n\nText.\n\n## The *militants*\n\n### Arms\n\nMore.\n\n## The army\n"
)


def test_every_heading_gets_an_id_and_a_section_link():
    """A heading without ``{#id}`` gets one from its words; each ends with a § link to itself."""
    html = render_post("## Why it *matters*\n\nText.").html
    assert '<h2 id="why-it-matters">Why it <em>matters</em>' in html
    assert (
        '<a aria-label="Link to this section" class="heading-anchor" href="#why-it-matters">§</a></h2>'
        in html
    )


def test_ids_are_unique_even_for_repeated_headings_and_notes():
    """Two headings of the same words, or one named like a note, get ids of their own."""
    html = render_post(SECTIONS + "\n## fn 1\n\nA note.[^a]\n\n[^a]: Text.").html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="the-army"' in html and 'id="army"' in html


def test_three_headings_make_a_table_of_contents_before_the_first():
    """With three or more headings, a contents list links each, nested by level, before the first heading."""
    html = render_post(SECTIONS).html
    toc = re.search(r'<nav aria-label="Contents" class="toc">.*?</nav>', html).group(0)
    assert html.index("<p>An opening.</p>") < html.index(toc) < html.index('<h2 id="army">')
    assert re.findall(r'<li class="toc-level-(\d)"><a href="#([^"]+)">([^<]+)</a>', toc) == [
        ("1", "army", "The army"),
        ("1", "the-militants", "The militants"),
        ("2", "arms", "Arms"),
        ("1", "the-army", "The army"),
    ]


def test_two_headings_make_no_table_of_contents():
    """A post of two sections has its anchors but no contents list."""
    html = render_post("## One\n\nText.\n\n## Two\n\nText.").html
    assert "toc" not in html and 'href="#one"' in html


def test_headings_inside_quotes_and_the_contents_leave_words_and_descriptions_alone():
    """A quoted heading is not a section; contents and § links add no words and stay out of descriptions."""
    plain = render_post("Intro words here.\n\n## A\n\n## B\n\n## C\n")
    assert plain.word_count == 6
    assert opening_words(render_post("## A\n\n## B\n\n## C\n\nFirst words.").html) == "A B C First words."
    quoted = render_post("> ## Quoted heading\n>\n> Words.").html
    assert "heading-anchor" not in quoted
