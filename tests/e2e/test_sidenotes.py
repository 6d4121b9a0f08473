"""Sidenotes in a real browser: beside their lines on wide screens, no page wider than a phone."""

import pytest

from blog.models import Post
from tests.browser import EXAMPLE_POST_SLUG
from tests.factories import make_post, make_source

pytestmark = pytest.mark.e2e

LONG_URL = "https://www.example.org/" + "a-very-long-path-segment-without-any-break-" * 6 + "end.html"
FILLER = (
    "Sentence after sentence of the author's own prose fills the line and the next, as reading "
    "goes on for a while before the next reference arrives in the text. "
)


def long_url_post(author):
    """A post whose notes hold long addresses and an unbroken word, and a source with a long URL."""
    make_source(key="longurl", title="A report with a long address", url=LONG_URL)
    body = (
        f"{FILLER}A claim.[@longurl] {FILLER}\n\n"
        f"{FILLER}Another.[^url] {FILLER}\n\n"
        f"[^url]: See <{LONG_URL}> and {'Unbrokenword' * 12}.\n"
    )
    return make_post(title="Long addresses", slug="long-addresses", author=author, body=body)


def twelve_note_post(author):
    """A post of twelve paragraphs, each calling one note, the notes of different lengths."""
    paragraphs = [f"{FILLER * 2}Point {n}.[^n{n}] {FILLER}" for n in range(1, 13)]
    notes = [f"[^n{n}]: Note {n}: " + "a remark on the point, " * (n % 4 + 1) + "done." for n in range(1, 13)]
    body = "\n\n".join(paragraphs) + "\n\n" + "\n\n".join(notes) + "\n"
    return make_post(title="Twelve notes", slug="twelve-notes", author=author, body=body)


@pytest.fixture
def posts(live_server, demo_content):
    """The example post, a post with long-URL notes and a 12-note post, by path."""
    author = Post.objects.get(slug=EXAMPLE_POST_SLUG).author
    return {
        "example": Post.objects.get(slug=EXAMPLE_POST_SLUG).get_absolute_url(),
        "long-urls": long_url_post(author).get_absolute_url(),
        "twelve-notes": twelve_note_post(author).get_absolute_url(),
    }


@pytest.mark.parametrize("width", [320, 390])
def test_no_post_scrolls_sideways_on_a_phone(live_server, posts, browser, width):
    """At 320 and 390 px the page is no wider than the screen, long addresses and all."""
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    for name, path in posts.items():
        assert page.goto(live_server.url + path).status == 200
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert scroll_width <= inner_width, f"{name} is {scroll_width}px wide at {width}px"
        assert page.locator(".sidenote").first.is_hidden()
        assert page.locator("section.footnotes").is_visible()
    context.close()


NOTE_POSITIONS = """() => [...document.querySelectorAll('.post-body .sidenote')].map(note => {
    const reference = note.previousElementSibling;
    // The line the reference is on: the box of the text just before it.
    const range = document.createRange();
    range.selectNode(reference);
    const line = range.getClientRects()[0];
    const box = note.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right, line: line.top,
            lineBottom: line.bottom, reference: reference.getBoundingClientRect().right};
})"""


@pytest.mark.parametrize("post", ["example", "long-urls", "twelve-notes"])
def test_each_sidenote_sits_beside_its_line_without_overlapping_the_next(live_server, posts, browser, post):
    """At 1600 px, without JavaScript, each note is in the margin level with its reference's line."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + posts[post])
    notes = page.evaluate(NOTE_POSITIONS)
    assert notes, "the post has sidenotes"
    text_right = page.locator(".post-body > p").first.bounding_box()
    text_right = text_right["x"] + text_right["width"]
    for number, note in enumerate(notes, start=1):
        assert note["left"] > text_right, f"note {number} is in the margin"
        if number == 1 or note["line"] > notes[number - 2]["bottom"]:
            assert abs(note["top"] - note["line"]) <= 8, f"note {number} is level with its line"
        else:  # pushed down by the note before, never over it
            assert note["top"] >= notes[number - 2]["bottom"]
    for above, below in zip(notes, notes[1:], strict=False):
        assert below["top"] >= above["bottom"], "notes do not overlap"
    assert page.locator("section.footnotes").is_hidden()
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert scroll_width <= inner_width
    context.close()


def test_print_shows_the_list_and_each_address_once(live_server, posts, browser):
    """In print the notes are the list at the end, and a note's address is not printed twice."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + posts["long-urls"])
    page.emulate_media(media="print")
    assert page.locator("section.footnotes").is_visible()
    assert page.locator(".sidenote").first.is_hidden()
    after = page.locator("section.footnotes a.url").first.evaluate(
        "a => getComputedStyle(a, '::after').content"
    )
    assert after in ("none", "normal")
    context.close()
