"""Links to the passage: text fragments built from an excerpt's quoted words."""

from blog.rendering import render_post
from blog.rendering.fragments import encode_term, passage_url, text_directive
from tests.blog.rendering_helpers import MILL, SOURCES, soup


def caption_href(markdown):
    return soup(render_post(markdown, SOURCES).html).select_one("figcaption a[href]")["href"]


def test_reserved_characters_dashes_ampersands_and_commas_are_encoded():
    """'-', '&' and ',' separate a directive's parts, so they are percent-encoded, as are spaces."""
    assert encode_term("rock-and-roll, salt & pepper") == "rock%2Dand%2Droll%2C%20salt%20%26%20pepper"
    assert encode_term("a #b?c=d/e") == "a%20%23b%3Fc%3Dd%2Fe"


def test_unicode_is_encoded_as_utf8():
    """Letters outside ASCII and typographic quotes are percent-encoded from UTF-8, as the spec requires."""
    assert encode_term("Mädchen „saß“") == "M%C3%A4dchen%20%E2%80%9Esa%C3%9F%E2%80%9C"


def test_a_short_passage_is_the_whole_directive():
    """Up to ten words, the passage is one term, without the quote marks and punctuation at its edges."""
    assert text_directive(["“To be, or not to be.”"]) == "text=To%20be%2C%20or%20not%20to%20be"


def test_a_long_passage_is_its_first_and_last_words():
    """A longer passage is named by its first five words and its last five."""
    passage = "It was the best of times, it was the worst of times, it was the age of wisdom."
    assert text_directive([passage]) == "text=It%20was%20the%20best%20of,was%20the%20age%20of%20wisdom"


def test_an_end_that_occurs_earlier_is_lengthened():
    """The browser ends the range at the end term's first occurrence, so a repeated end grows until unique."""
    passage = "one two three four five and so on, and so on, and so on, until at last and so on"
    start, end = text_directive([passage]).removeprefix("text=").split(",")
    assert start == "one%20two%20three%20four%20five"
    assert end == "at%20last%20and%20so%20on"


def test_paragraphs_give_the_start_and_the_end():
    """A term cannot cross a paragraph: the start comes from the first, the end from the last."""
    assert text_directive(["First words here.\n\nMiddle.\n\nAnd the closing words."]) == (
        "text=First%20words%20here,And%20the%20closing%20words"
    )


def test_the_first_span_of_three_words_is_used():
    """Spans are cut at omissions and interpolations; the first with three words or more is the passage."""
    assert text_directive(["", "So", "the rest of it", "later words here"]) == "text=the%20rest%20of%20it"
    assert text_directive(["So", "it"]) == "text=So"
    assert text_directive(["", " "]) == ""


def test_a_url_with_a_fragment_keeps_it():
    """A source's URL that already points somewhere in the page is left as it is."""
    assert (
        passage_url("https://example.org/a#section-2", ["some quoted words"])
        == "https://example.org/a#section-2"
    )
    assert passage_url("https://example.org/a", ["some quoted words"]) == (
        "https://example.org/a#:~:text=some%20quoted%20words"
    )


def test_the_caption_links_to_the_first_span_before_an_omission():
    """The caption links to the first quoted span; omissions cut it, interpolations, asides left out."""
    href = caption_href(
        "> The [militant] sovereign [Comment: sic] is the individual … and nothing more.\n>\n> — [@mill1859]"
    )
    assert href == MILL.url + "#:~:text=sovereign%20is%20the%20individual"


def test_an_excerpt_of_a_source_without_url_has_no_link():
    """A source without a web address gets no caption link at all."""
    page = soup(render_post("> Some words quoted.\n>\n> — [@hinshaw2013]", SOURCES).html)
    assert page.select_one("figcaption .excerpt-source").parent.name == "figcaption"
