"""A reader's flows in a real browser: reading, footnotes, search, and how the pages look."""

import re

import pytest

from blog.models import Post
from tests.browser import CONTRACT_POST_SLUG, EXAMPLE_POST_SLUG, PHONE, WIDE

pytestmark = pytest.mark.e2e


def post_url(live_server, slug):
    return live_server.url + Post.objects.get(slug=slug).get_absolute_url()


def in_viewport(page, selector):
    """True once the element is on screen (scrolling may be smooth, so wait for it)."""
    page.wait_for_function(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
        }""",
        arg=selector,
        timeout=5_000,
    )
    return True


def id_selector(element_id):
    return f'[id="{element_id}"]'


def test_reader_reads_the_example_post(live_server, demo_content, page):
    """The example post opens from the home page with its quotation and the author's aside."""
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Gaddafi’s Arsenal, Mali’s War", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gaddafi’s Arsenal, Mali’s War"
    body = page.locator(".post-body")
    assert body.get_by_text("Islamist fighters pounded the northern Malian city of Gao").is_visible()
    assert body.get_by_text("I thought the stated purpose was to protect Libyan civilians").is_visible()
    assert page.get_by_role("link", name="Ada Author").is_visible()


@pytest.mark.parametrize(
    "slug", [CONTRACT_POST_SLUG, "gaddafis-arsenal-malis-war", "liberty-is-to-faction-what-air-is-to-fire"]
)
def test_reader_follows_a_footnote_and_its_back_link_on_a_phone(live_server, demo_content, page, slug):
    """On a phone, following a footnote reference shows the note; its back-link returns to the reference."""
    page.set_viewport_size(PHONE)
    page.goto(post_url(live_server, slug))
    reference = page.locator(".post-body sup a[href^='#']").first
    reference_id = reference.evaluate("a => a.closest('[id]').id")
    note_id = reference.get_attribute("href")[1:]
    reference.click()
    assert page.evaluate("location.hash") == f"#{note_id}"
    assert in_viewport(page, id_selector(note_id))
    page.locator(f"{id_selector(note_id)} a[href='#{reference_id}']").click()
    assert page.evaluate("location.hash") == f"#{reference_id}"
    assert in_viewport(page, id_selector(reference_id))


@pytest.mark.parametrize(
    "slug", [CONTRACT_POST_SLUG, "gaddafis-arsenal-malis-war", "liberty-is-to-faction-what-air-is-to-fire"]
)
def test_on_wide_screens_each_reference_has_its_note_beside_it(live_server, demo_content, page, slug):
    """On a wide screen the note a reference calls is on screen beside it, without following the link."""
    page.goto(post_url(live_server, slug))
    reference = page.locator(".post-body sup[id^='fnref']").first
    reference.scroll_into_view_if_needed()
    sidenote = reference.locator("xpath=following-sibling::span[1]")
    assert "sidenote" in sidenote.get_attribute("class")
    assert sidenote.is_visible()
    assert sidenote.get_attribute("aria-label") == "Note " + reference.inner_text()
    assert sidenote.bounding_box()["x"] > reference.bounding_box()["x"]


def test_reader_searches_and_finds_the_example_post(live_server, demo_content, page):
    """Searching from the header for a quoted word finds the example post with the word marked."""
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search posts").fill("Gao")
    page.get_by_role("button", name="Search").click()
    assert re.search(r"/search/\?q=Gao$", page.url)
    result = page.locator(".post-summary").filter(has_text="Gaddafi’s Arsenal, Mali’s War")
    assert result.locator("mark").first.inner_text().lower() == "gao"
    result.get_by_role("link", name="Gaddafi’s Arsenal, Mali’s War", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gaddafi’s Arsenal, Mali’s War"


def test_sidenotes_sit_beside_the_text_on_wide_screens_and_below_it_on_phones(
    live_server, demo_content, page
):
    """Without JavaScript the notes are in the margin at 1400px and in the list after the text at 390px."""
    url = post_url(live_server, CONTRACT_POST_SLUG)
    page.goto(url)
    text = page.locator(".post-body > p").first.bounding_box()
    note = page.locator(".post-body > p .sidenote").first.bounding_box()
    assert note["x"] > text["x"] + text["width"]
    assert note["y"] < text["y"] + 200
    assert page.locator(".post-body > .footnotes").is_hidden()
    page.set_viewport_size(PHONE)
    page.goto(url)
    last_text = page.locator(".post-body > p").last.bounding_box()
    notes = page.locator(".post-body > .footnotes").bounding_box()
    assert notes["y"] > last_text["y"]
    assert page.locator(".sidenote").first.is_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_screenshots_of_home_and_posts(live_server, demo_content, browser, screenshot, viewport, scheme):
    """Home, the example post and the full-dialect post render in both schemes at both widths."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, java_script_enabled=False)
    page = context.new_page()
    width = "wide" if viewport is WIDE else "phone"
    for name, url in (
        ("home", live_server.url + "/"),
        ("example-post", post_url(live_server, EXAMPLE_POST_SLUG)),
        ("dialect-post", post_url(live_server, CONTRACT_POST_SLUG)),
    ):
        response = page.goto(url)
        assert response.status == 200
        path = screenshot(page, f"{name}-{width}-{scheme}")
        assert path.stat().st_size > 10_000
    context.close()
