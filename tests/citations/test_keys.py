"""Real libraries' keys that Pandoc cites only in braces: imported, shown and cited as Pandoc reads them.

Pandoc's manual, Citation syntax: "Unless a citation key starts with a letter,
digit, or _, and contains only alphanumerics and single internal punctuation
characters (:.#$%&-+?<>~/), it must be surrounded by curly braces, which are
not considered part of the key."
"""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from blog.derived import posts_naming
from citations.models import Source, validate_citation_key, validate_key_as_address
from citations.services import import_file
from tests.blog.rendering_helpers import soup, text_of
from tests.factories import make_post, make_source

# JabRef's apostrophe, Papers' and BibDesk's "*", "/" and trailing "-".
REAL_KEYS = ["O'Hara_1999", "IJCAI01*425", "AAAI/IAAI99*570", "Anonymous:7mjJ5kc-"]

BIBTEX = """
@article{O'Hara_1999,
  author = {O'Hara, K. E. and Gullingsrud, J. R. and Wolfe, J. P.},
  title = {Auger decay of excitons in {Cu$_2$O}},
  journal = {Physical Review B}, volume = {60}, pages = {10872--10885}, year = {1999}}
@inproceedings{IJCAI01*425,
  author = {Boutilier, Craig}, title = {Planning under uncertainty},
  booktitle = {Proceedings of IJCAI-01}, year = {2001}}
@inproceedings{AAAI/IAAI99*570,
  author = {Dean, Thomas}, title = {Decision-theoretic planning},
  booktitle = {Proceedings of AAAI/IAAI-99}, year = {1999}}
@misc{Anonymous:7mjJ5kc-, title = {An untitled preprint's title}, year = {2010}}
@misc{bad key, title = {Spaced}, year = {2010}}
"""


def note_for(key):
    return f"its key needs braces in a post: cite it as [@{{{key}}}]."


@pytest.mark.django_db
def test_bibtex_records_whose_keys_need_braces_are_imported_with_a_note_saying_how_to_cite_them():
    """No longer refused: each is imported, and the report says to cite it in braces."""
    report = import_file(BIBTEX.encode(), "bibtex")
    assert sorted(report.created) == sorted(REAL_KEYS)
    assert [note.split(": ", 1)[1] for note in report.notes] == [note_for(key) for key in REAL_KEYS]
    assert report.notes[0] == "Entry 1 (line 2) (O'Hara_1999): " + note_for("O'Hara_1999")
    assert len(report.skipped) == 1 and "bad key" in report.skipped[0]


@pytest.mark.django_db
def test_csl_json_records_whose_keys_need_braces_are_imported_with_a_note():
    """The same from CSL-JSON, whose ``id`` may hold any text; a key with a space is still refused."""
    records = [{"id": key, "type": "book", "title": f"Book {key}"} for key in [*REAL_KEYS, "bad key"]]
    report = import_file(json.dumps(records).encode(), "csl-json")
    assert report.created == REAL_KEYS
    assert report.notes == [f"Record {n} ({key}): {note_for(key)}" for n, key in enumerate(REAL_KEYS, 1)]
    assert report.skipped == [
        "Record 5 (bad key): key: A key has no spaces, braces, commas or control characters. "
        "A key that starts with a letter, digit or underscore and has only letters, digits and single "
        "punctuation marks (: . # $ % & - + ? < > ~ /) between them is cited as it is, as in "
        "[@hinshaw2013]; any other is cited in braces, as in [@{O'Hara_1999}]."
    ]


@pytest.mark.parametrize("key", [*REAL_KEYS, "a;b]c", "Foo_bar.baz.", "x" * 100, "日本:1"])
def test_any_key_pandoc_can_cite_is_a_valid_key(key):
    """A key has no whitespace, braces, commas or control characters; Pandoc cites anything else,
    bare or braced."""
    validate_citation_key(key)


@pytest.mark.parametrize(
    "key", ["bad key", "tab\tkey", "{braced}", "a}", "nul\x00", "c1\x85", "", "nbsp\xa0key", "Smith,2001"]
)
def test_whitespace_braces_commas_and_control_characters_are_refused(key):
    """Pandoc reads no whitespace in a key, braces end one, a comma ends one in BibTeX (the export
    could not write it back), and a control character cannot be typed."""
    with pytest.raises(ValidationError):
        validate_citation_key(key)


@pytest.mark.django_db
def test_a_post_cites_the_imported_keys_in_every_form(client):
    """On the published page each braced citation is a note; the braces are not part of the key."""
    import_file(BIBTEX.encode(), "bibtex")
    post = make_post(
        body=(
            "Decay[-@{O'Hara_1999}, p. 10873]. Planning[see @{IJCAI01*425}, p. 3; @{AAAI/IAAI99*570}].\n\n"
            "As @{O'Hara_1999} show, and @{Anonymous:7mjJ5kc-} [p. 2] too."
        )
    )
    page = client.get(post.get_absolute_url()).content.decode()
    notes = post.footnotes.order_by("number", "pk").values_list("number", "source__key", "locator")
    assert list(notes) == [
        (1, "O'Hara_1999", "p. 10873"),
        (2, "IJCAI01*425", "p. 3"),
        (2, "AAAI/IAAI99*570", ""),
        (3, "O'Hara_1999", ""),
        (4, "Anonymous:7mjJ5kc-", "p. 2"),
    ]
    assert "citation-unknown" not in page and "@{" not in page
    text = text_of(soup(page).select_one(".post-body"))
    assert "See Craig Boutilier, “Planning Under Uncertainty,” in Proceedings of IJCAI-01 (2001), 3;" in text
    assert "As O'Hara et al.3" in text and "and An Untitled Preprint’s Title4" in text


@pytest.mark.django_db
def test_the_source_page_gives_the_key_as_a_post_cites_it(client):
    """“How to cite it” shows ``[@{O'Hara_1999}]`` for a key that needs braces, else ``[@hinshaw2013]``."""
    braced = make_source(key="O'Hara_1999")
    bare = make_source(key="hinshaw2013")
    page = client.get(reverse("citations:source_detail", kwargs={"key": braced.key})).content.decode()
    assert "<code>[@{O&#x27;Hara_1999}]</code>" in page
    page = client.get(bare.get_absolute_url()).content.decode()
    assert "<code>[@hinshaw2013]</code>" in page


@pytest.mark.django_db
def test_a_post_naming_a_key_in_braces_is_found_to_render_again():
    """A post citing ``@{O'Hara_1999}`` before the library had it is re-rendered when the source arrives."""
    post = make_post(body="Decay[@{O'Hara_1999}].")
    assert list(posts_naming(["O'Hara_1999"])) == [post]
    assert Source.objects.count() == 0


@pytest.mark.parametrize("key", ["a/../b", "../x", "a/.", ".", "x/./y", "v1.0/.."])
def test_a_key_whose_page_address_a_browser_would_rewrite_is_refused(key):
    """A source's page is /sources/<key>/; browsers resolve "." and ".." parts of an address."""
    with pytest.raises(ValidationError):
        validate_key_as_address(key)


@pytest.mark.parametrize("key", ["a.b/c", "x/..y", "...", "a/.b", "Foo_bar.baz."])
def test_dots_that_are_not_a_whole_part_of_the_address_are_allowed(key):
    """Only a part of exactly "." or ".." is resolved; "...", ".b" or a final period are names."""
    validate_key_as_address(key)
