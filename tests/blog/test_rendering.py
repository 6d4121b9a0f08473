"""The example post renders as the design describes, and the pipeline's public API."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blog.rendering import citation_keys, render_post
from demo.content import CONTENT_DIR, load_post
from tests.blog.rendering_helpers import SEED_NOTE, SEED_SHORT_NOTE, SOURCES, soup, text_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example():
    return render_post(load_post(CONTENT_DIR / "outgunned.md").body, SOURCES)


@pytest.fixture(scope="module")
def page(example):
    return soup(example.html)


def test_example_has_one_excerpt_with_a_quote_and_a_caption(page):
    """The example post holds exactly one figure.excerpt, made of a blockquote and a figcaption."""
    figures = page.select("figure.excerpt")
    assert len(figures) == 1
    assert [child.name for child in figures[0].find_all(True, recursive=False)] == [
        "blockquote",
        "figcaption",
    ]


def test_example_quotes_thirteen_paragraphs(page):
    """The attribution is not quoted: the excerpt's blockquote holds the thirteen quoted paragraphs."""
    assert len(page.select("figure.excerpt > blockquote > p")) == 13


def test_example_has_the_two_asides(page, example):
    """The two [Comment: …] asides are spans with a label, and their texts are recorded."""
    asides = page.select("figure.excerpt blockquote span.aside")
    assert [text_of(aside) for aside in asides] == [
        "[Comment: I thought the stated purpose was to protect Libyan civilians.]",
        "[Comment: A little late.]",
    ]
    assert [text_of(aside.select_one(".aside-label")) for aside in asides] == ["Comment:", "Comment:"]
    assert [(aside.text, aside.excerpt_position) for aside in example.asides] == [
        ("I thought the stated purpose was to protect Libyan civilians.", 1),
        ("A little late.", 1),
    ]


def test_example_marks_four_omissions(page, example):
    """Each of the four ellipses in the quote is an omission titled "text omitted"."""
    omissions = page.select("figure.excerpt blockquote span.omission")
    assert [(span.text, span["title"]) for span in omissions] == [("…", "text omitted")] * 4
    assert example.excerpts[0].omissions == 4


def test_example_has_the_full_then_the_short_chicago_note(page, example):
    """The introduction's note is the source's full note, exactly as the citations app formats it;
    the attribution cites the source again, which makes a new, short note (Chicago reuses no number)."""
    notes = page.select("section.footnotes > ol > li")
    assert [note["id"] for note in notes] == ["fn-1", "fn-2"]
    assert text_of(notes[0]).startswith(text_of(soup(SEED_NOTE)))
    assert notes[0].select_one("i").text == "The Wall Street Journal"
    assert [(note.number, note.source_key, note.html) for note in example.footnotes] == [
        (1, "hinshaw2013", SEED_NOTE),
        (2, "hinshaw2013", SEED_SHORT_NOTE),
    ]


def test_example_notes_are_referenced_from_the_introduction_and_the_attribution(page):
    """The introduction points at note 1, the caption at note 2, and each note links back to its reference."""
    intro_ref = page.select_one("p > sup.footnote-ref")
    caption_ref = page.select_one("figure.excerpt figcaption sup.footnote-ref")
    assert (intro_ref["id"], intro_ref.a["href"], intro_ref.a.text) == ("fnref-1", "#fn-1", "1")
    assert (caption_ref["id"], caption_ref.a["href"], caption_ref.a.text) == ("fnref-2", "#fn-2", "2")
    assert [link["href"] for link in page.select("li#fn-2 a.footnote-backref")] == ["#fnref-2"]


def test_example_caption_shows_the_attribution(page):
    """The caption names the authors and the newspaper, from the source's attribution()."""
    caption = page.select_one("figure.excerpt figcaption")
    assert text_of(caption).startswith("— Drew Hinshaw and Margaret Coker, The Wall Street Journal")


def test_example_structure(example):
    """The excerpt row carries its source and counts, and nothing is reported as an error."""
    (excerpt,) = example.excerpts
    assert (excerpt.position, excerpt.source_key, excerpt.locator) == (1, "hinshaw2013", "")
    assert excerpt.text.startswith("Islamist fighters pounded")
    assert "I thought" not in excerpt.text
    assert excerpt.word_count == example.quoted_word_count
    assert 500 < example.quoted_word_count < example.word_count
    assert example.errors == []


def test_rendering_twice_gives_the_same_html(example):
    """Rendering is deterministic."""
    again = render_post(load_post(CONTENT_DIR / "outgunned.md").body, SOURCES)
    assert again == example


def test_every_demo_post_renders_without_errors():
    """The demo posts, with their sources to hand, render with no errors."""
    keys = {"hinshaw2013", "mill1859", "madison1787", "thoreau1849"}
    for path in sorted(CONTENT_DIR.glob("*.md")):
        body = load_post(path).body
        assert citation_keys(body) <= keys
        sources = {key: SOURCES.get(key, SOURCES["hinshaw2013"]) for key in keys}
        assert render_post(body, sources).errors == [], path.name


def test_citation_keys_names_what_the_renderer_cites():
    """citation_keys finds keys in text and attributions, but not in code or email addresses."""
    text = (
        "See [@a] and [see @b, 3–5; @c] but not `[@code]` nor someone@example.com or [x@y.org].\n\n"
        "> quoted\n>\n> — [@d, p. 4]\n"
    )
    assert citation_keys(text) == {"a", "b", "c", "d"}


def test_the_renderer_and_the_model_read_keys_by_one_definition():
    """The renderer reads keys with ``citations.keys``' patterns, as the model's validator does:
    no copy to drift."""
    from blog.rendering import cites
    from citations import keys
    from citations.models import validate_citation_key

    assert keys.BARE_KEY_PATTERN in cites.NARRATIVE_RE and keys.KEY_PATTERN in cites.NARRATIVE_RE
    assert keys.KEY_PATTERN in validate_citation_key.regex.pattern
    patterns = [name for name in vars(cites) if name.endswith("KEY_PATTERN")]
    assert patterns and all(getattr(cites, name) is getattr(keys, name) for name in patterns)


def test_rendering_without_sources_shows_citations_as_unknown():
    """Without sources the dialect still renders, and citations it cannot resolve show as unknown."""
    page = soup(render_post("> quoted [sic]\n>\n> — [@hinshaw2013]").html)
    assert page.select_one("figure.excerpt span.interpolation").text == "[sic]"
    assert page.select_one("figcaption .citation-unknown").text == "[@hinshaw2013?]"


def test_nothing_carries_over_from_one_render_to_the_next():
    """Definitions, abbreviations and notes of one post do not leak into the next one rendered."""
    render_post("HTML [x][r] and[^n].\n\n*[HTML]: Hyper Text\n\n[r]: https://example.org\n\n[^n]: A note.\n")
    rendering = render_post("HTML [x][r] and[^n].")
    assert soup(rendering.html).select("abbr, a, sup, section") == []
    assert rendering.errors == ["The footnote “[^n]” has no text: add a line “[^n]: …”."]


def test_an_empty_post_renders_empty():
    """Blank text gives empty HTML and an empty structure."""
    rendering = render_post("  \n\n ", SOURCES)
    assert (rendering.html, rendering.excerpts, rendering.footnotes, rendering.word_count) == ("", [], [], 0)


def test_the_pipeline_needs_no_django():
    """blog.rendering imports and renders in a bare interpreter, without importing Django at all."""
    script = (
        "import sys\n"
        "from blog.rendering import render_post\n"
        "assert '<figure class=\"excerpt\">' in render_post('> Words.\\n>\\n> — Someone').html\n"
        "print('django' in sys.modules)\n"
    )
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
