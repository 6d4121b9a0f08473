"""Citation keys as Pandoc reads them, bare and in braces, checked on the page a reader gets.

Pandoc's manual, Citation syntax: "Unless a citation key starts with a letter,
digit, or _, and contains only alphanumerics and single internal punctuation
characters (:.#$%&-+?<>~/), it must be surrounded by curly braces, which are
not considered part of the key."
"""

from dataclasses import replace

import pytest

from blog.rendering import citation_keys, keys_to_fetch
from blog.rendering.cites import parse_citation
from citations.keys import cite_key, needs_braces
from tests.blog.rendering_helpers import SEED, render_with_notes, text_of

# Real keys that Pandoc can cite only in braces: JabRef's, Papers' and BibDesk's.
REAL_KEYS = ["O'Hara_1999", "IJCAI01*425", "AAAI/IAAI99*570", "Anonymous:7mjJ5kc-"]
KEYS = [*REAL_KEYS, "Foo_bar", "Foo_bar.baz", "Foo_bar.baz.", "http://x.org/a", "a;b]c"]
SOURCES = {key: replace(SEED, key=key) for key in KEYS}
FULL = (
    "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
    "The Wall Street Journal, February 22, 2013"
)


def render(text, sources=SOURCES):
    """The rendering, its HTML and the text of each note as a reader sees it."""
    return render_with_notes(text, sources)


@pytest.mark.parametrize("key", REAL_KEYS)
def test_a_key_in_braces_is_cited_without_its_braces(key):
    """ "…it must be surrounded by curly braces, which are not considered part of the key": ``[@{key}]``."""
    rendering, _page, notes = render(f"A claim[@{{{key}}}].")
    assert rendering.errors == []
    assert notes == [f"{FULL}."]
    assert [note.source_key for note in rendering.footnotes] == [key]


def test_every_form_of_citation_reads_a_key_in_braces():
    """Suppress-author, prefix and locator, several in one bracket, narrative alone and with a bracket."""
    text = (
        "One[-@{O'Hara_1999}]. Two[see @{IJCAI01*425}, p. 3]. "
        "Three[@{AAAI/IAAI99*570}; @{Anonymous:7mjJ5kc-}].\n\n"
        "As @{O'Hara_1999} says, and @{IJCAI01*425} [p. 33] too."
    )
    rendering, page, notes = render(text)
    assert rendering.errors == []
    assert [(note.source_keys, note.locator) for note in rendering.footnotes] == [
        (("O'Hara_1999",), ""),
        (("IJCAI01*425",), "p. 3"),
        (("AAAI/IAAI99*570", "Anonymous:7mjJ5kc-"), ""),
        (("O'Hara_1999",), ""),
        (("IJCAI01*425",), "p. 33"),
    ]
    assert (
        notes[0]
        == "“Defenders Outgunned By Islamists In Desert,” The Wall Street Journal, February 22, 2013."
    )
    assert notes[1] == f"See {FULL}, 3."
    assert notes[2] == f"{FULL}; {FULL}."
    assert notes[4] == "“Defenders Outgunned,” 33."
    paragraph = text_of(page.select("p")[1])
    assert paragraph.startswith("As Hinshaw and Coker4 says, and Hinshaw and Coker5 too.")


def test_a_final_period_is_not_internal_punctuation():
    """ "In @Foo_bar.baz., the key is Foo_bar.baz because the final period is not internal punctuation"."""
    rendering, page, _notes = render("As @Foo_bar.baz. So it is.")
    assert [note.source_key for note in rendering.footnotes] == ["Foo_bar.baz"]
    assert text_of(page.select_one("p")) == "As Drew Hinshaw and Margaret Coker1. So it is."


def test_a_final_period_in_braces_is_part_of_the_key():
    """ "In @{Foo_bar.baz.}, the key is Foo_bar.baz., including the final period"."""
    rendering, _page, _notes = render("As @{Foo_bar.baz.} say.")
    assert [note.source_key for note in rendering.footnotes] == ["Foo_bar.baz."]


def test_repeated_punctuation_ends_a_bare_key():
    """ "In @Foo_bar--baz, the key is Foo_bar because the repeated internal punctuation characters are not
    single characters"."""
    rendering, page, _notes = render("As @Foo_bar--baz say.")
    assert [note.source_key for note in rendering.footnotes] == ["Foo_bar"]
    assert (
        text_of(page.select_one("p")) == "As Drew Hinshaw and Margaret Coker1–baz say."
    )  # "--" set as a dash


def test_a_bare_key_stops_before_a_character_it_cannot_hold():
    """``[@O'Hara_1999]`` cites ``O``, as Pandoc reads it: the apostrophe is no key's character unbraced."""
    rendering, _page, _notes = render("A claim[@O'Hara_1999].")
    assert rendering.errors[0].startswith("Unknown source “@O”")


def test_a_url_can_be_a_key_bare_or_in_braces():
    """ "The curly braces are recommended if you use URLs as keys"; Pandoc's reader lets ":" or "/" stand
    before "/", so ``@http://x.org/a`` reads whole too."""
    rendering, _page, notes = render("One[@http://x.org/a, p. 4]. Two[@{http://x.org/a}, p. 33].")
    assert rendering.errors == []
    assert [(note.source_key, note.locator) for note in rendering.footnotes] == [
        ("http://x.org/a", "p. 4"),
        ("http://x.org/a", "p. 33"),
    ]


def test_a_key_in_braces_may_hold_a_semicolon_and_a_bracket():
    """Within braces ``;`` does not split the citation nor ``]`` close it (Pandoc reads ``[@{a;b]c}]`` so)."""
    rendering, _page, _notes = render("A claim[@{a;b]c}, p. 3; @Foo_bar].")
    assert rendering.errors == []
    assert [(note.source_keys, note.locator) for note in rendering.footnotes] == [
        (("a;b]c", "Foo_bar"), "p. 3")
    ]


def test_an_unknown_key_in_braces_is_named_as_it_is_written():
    """An unknown key still gives the clear error naming it, in braces when it needs them to read back."""
    rendering, page, _notes = render("A claim[see @{O'Brien_2001}, p. 3]. And @{Nobody*1}.", {})
    assert rendering.errors == [
        "Unknown source “@{O'Brien_2001}”: add it to the library or correct the key "
        "(write “\\@” for an at sign that cites nothing).",
        "Unknown source “@{Nobody*1}”: add it to the library or correct the key "
        "(write “\\@” for an at sign that cites nothing).",
    ]
    assert [text_of(span) for span in page.select(".citation-unknown")] == [
        "[see @{O'Brien_2001}?, p. 3]",
        "@{Nobody*1}?",
    ]


def test_braces_around_a_key_with_a_space_are_no_citation():
    """A key holds no whitespace, so ``@{a b}`` is text, as in Pandoc."""
    rendering, page, _notes = render("Mail @{a b} now.")
    assert rendering.errors == [] and rendering.footnotes == []
    assert text_of(page.select_one("p")) == "Mail @{a b} now."


def test_the_keys_to_fetch_are_the_keys_without_braces():
    """citation_keys and keys_to_fetch give the keys themselves, braces taken off."""
    text = "[@{O'Hara_1999}; -@Foo_bar--baz] and @{IJCAI01*425} [p. 3]."
    assert citation_keys(text) == {"O'Hara_1999", "Foo_bar", "IJCAI01*425"}
    assert citation_keys(text) <= keys_to_fetch(text)


@pytest.mark.parametrize(
    ("key", "written"),
    [
        ("hinshaw2013", "@hinshaw2013"),
        ("Foo_bar.baz", "@Foo_bar.baz"),
        ("http://x.org/a", "@http://x.org/a"),
        ("_a-b", "@_a-b"),
        ("Foo_bar.baz.", "@{Foo_bar.baz.}"),
        ("Foo_bar--baz", "@{Foo_bar--baz}"),
        ("a/", "@{a/}"),
        ("-a", "@{-a}"),
        *[(key, f"@{{{key}}}") for key in REAL_KEYS],
    ],
)
def test_a_key_is_written_in_braces_only_when_the_bare_form_would_not_read_back(key, written):
    """``cite_key`` writes ``@key``, or ``@{key}`` when ``@key`` would cite another key: either reads
    back whole."""
    assert cite_key(key) == written
    assert needs_braces(key) == written.startswith("@{")
    assert [cite.key for cite in parse_citation(f"see {written}, p. 3")] == [key]


def test_an_excerpt_is_attributed_to_a_key_in_braces():
    """``> — [@{O'Hara_1999}, p. 4]`` attributes the excerpt to O'Hara_1999; ``[@{…}]`` inside it is no
    interpolation."""
    rendering, page, notes = render("> Words [@{IJCAI01*425}] quoted.\n>\n> — [@{O'Hara_1999}, p. 4]\n")
    assert rendering.errors == []
    excerpts = [(excerpt.source_key, excerpt.locator) for excerpt in rendering.excerpts]
    assert excerpts == [("O'Hara_1999", "p. 4")]
    assert page.select(".interpolation") == []
    assert notes == [f"{FULL}.", f"{FULL}, 4."]
