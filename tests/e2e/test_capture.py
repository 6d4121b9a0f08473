"""Capturing in a real browser: a passage selected on a page, the bookmarklet, and the draft it makes."""

import pytest

from blog.models import Post
from tests.browser import log_in, restore_staff_groups
from tests.capture.conftest import web  # noqa: F401 (the local web server fixture)
from tests.capture.pages import JSON_LD
from tests.factories import make_staff

pytestmark = pytest.mark.e2e

ARTICLE = JSON_LD.replace(
    "<main><p>In Diabaly, the militants came at dawn.</p></main>",
    "<nav>Home</nav><main><h1>Defenders Outgunned</h1><p id=before>Bamako, Mali.</p>"
    "<p id=passage>The militants came at dawn, with weapons from Libya's arsenals.</p>"
    "<p>More follows.</p></main>",
)


def test_an_author_selects_a_passage_clicks_the_bookmarklet_and_gets_a_draft(browser, live_server, web):  # noqa: F811
    """The selection, the page's address and title go to the form by GET; the author confirms; the draft
    quotes the passage, attributed to a complete new source, and the source keeps the page's snapshot."""
    restore_staff_groups()
    make_staff(username="writer", groups=["Authors"])
    web.page("/news/article", ARTICLE)
    context, page = log_in(browser, live_server, "writer")
    try:
        page.goto(live_server.url + "/admin/capture/page/")
        bookmarklet = page.get_by_role("link", name="Quote in Commonplace").get_attribute("href")
        assert bookmarklet.startswith("javascript:")

        page.goto(web.url("/news/article"))
        page.locator("#passage").click(click_count=3)
        page.evaluate(bookmarklet.removeprefix("javascript:"))
        page.get_by_role("heading", name="New post from a page").wait_for()
        assert page.get_by_label("Address of the page").input_value() == web.url("/news/article")
        assert "weapons from Libya's arsenals" in page.get_by_label("Passage").input_value()
        assert Post.objects.count() == 0

        page.get_by_role("button", name="Make the draft").click()
        page.get_by_role("heading", name="Change post").wait_for()
        assert "Added the source [@hinshaw2013]" in page.locator(".messagelist").inner_text()
        post = Post.objects.get()
        assert post.body == (
            "> The militants came at dawn, with weapons from Libya's arsenals.\n>\n> — [@hinshaw2013]\n"
        )
        source = post.excerpts.get().source
        assert (source.title, source.container_title, source.issued_year) == (
            "Defenders Outgunned By Islamists In Desert",
            "The Wall Street Journal",
            2013,
        )
        assert [name["family"] for name in source.authors] == ["Hinshaw", "Coker"]
        assert source.snapshots.get().text.startswith("Defenders Outgunned\n\nBamako, Mali.")
    finally:
        context.close()
