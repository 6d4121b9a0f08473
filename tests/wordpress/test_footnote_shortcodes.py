"""Footnote plugins' shortcodes and ``((…))`` become the dialect's footnotes (pure functions, no database)."""

import pytest

from wordpress.convert import convert_post


@pytest.mark.parametrize("name", ["efn_note", "mfn", "footnote", "ref"])
def test_footnote_shortcode_becomes_a_footnote_not_text_in_the_sentence(name):
    """Easy Footnotes, Modern Footnotes, [footnote] and [ref] notes leave a marker and a definition."""
    html = f"<p>The vote was close[{name}]Counted again on <em>4 May</em>.[/{name}], they said.</p>"
    conversion = convert_post(html)
    assert conversion.markdown == "The vote was close[^1], they said.\n\n[^1]: Counted again on *4 May*.\n"
    assert conversion.shortcodes == {name: 1}


def test_double_parentheses_become_footnotes_and_code_keeps_them():
    """WP Footnotes' ((note)) is a footnote, parentheses inside it included; in code it is code."""
    html = (
        "First claim((As reported (twice) by the council.)) and a second((Minutes, p. 3.)).\n\n"
        "<pre>(defun f (x) ((lambda (y) y) x))</pre>"
    )
    assert convert_post(html).markdown == (
        "First claim[^1] and a second[^2].\n\n```\n(defun f (x) ((lambda (y) y) x))\n```\n\n"
        "[^1]: As reported (twice) by the council.\n\n[^2]: Minutes, p. 3.\n"
    )


def test_footnote_shortcodes_number_in_reading_order_inside_a_list():
    """Several plugin notes are numbered in reading order, and stay notes inside a list item."""
    html = "<ul><li>One[efn_note]Note one.[/efn_note]</li><li>Two[efn_note]Note two.[/efn_note]</li></ul>"
    assert convert_post(html).markdown == "- One[^1]\n- Two[^2]\n\n[^1]: Note one.\n\n[^2]: Note two.\n"


def test_footnote_shortcode_holding_a_citation_becomes_a_citation():
    """A plugin note that reads as a Chicago citation is resolved to a source like any other note."""
    cited = []
    html = (
        "<p>Liberty is fragile[mfn]John Stuart Mill, <em>On Liberty</em> "
        "(London: John W. Parker, 1859).[/mfn].</p>"
    )
    result = convert_post(html, resolve=lambda reference: cited.append(reference) or "mill1859")
    assert result.markdown == "Liberty is fragile[@mill1859].\n"
    assert cited[0].title == "On Liberty"
