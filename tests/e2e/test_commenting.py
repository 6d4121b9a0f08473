"""Commenting in a real browser: posting, moderation, threaded replies, editing and withdrawing."""

import re

import pytest

from blog.models import Post
from tests.browser import EXAMPLE_POST_SLUG, WIDE, log_in

pytestmark = pytest.mark.e2e

AWAITING = "Your comment is awaiting moderation"


@pytest.fixture
def post_url(live_server, demo_content):
    return live_server.url + Post.objects.get(slug=EXAMPLE_POST_SLUG).get_absolute_url()


@pytest.fixture
def reader(browser):
    """A second reader: another browser context, with no cookies of the first."""
    context = browser.new_context(viewport=WIDE, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def send_comment(page, body, *, name="Rosa Reader", email="rosa@example.org", button="Post comment"):
    form = page.locator("#comment-form")
    form.get_by_label("Name", exact=True).fill(name)
    form.get_by_label("Email", exact=True).fill(email)
    form.get_by_label("Comment", exact=True).fill(body)
    assert form.locator("input[name=homepage]").input_value() == ""
    form.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    # A held comment is added by the page's script (static/js/comments.js), after the page loads.
    comment = page.locator(page.url[page.url.index("#") :])
    comment.wait_for()
    return comment


def approve_in_queue(browser, live_server, body, screenshot=None):
    """The moderator opens the comment queue, finds the comment by its text and approves it."""
    context, page = log_in(browser, live_server, "moderator")
    page.locator("tr.model-comment").get_by_role("link", name="Comments").click()
    row = page.locator("#result_list tbody tr").filter(has_text=body[:60])
    assert "first comment from this email address" in row.inner_text()
    if screenshot:
        screenshot(page, "admin-moderation-queue")
    row.get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Mark selected comments as approved")
    page.get_by_role("button", name="Go").click()
    assert page.locator(".messagelist").inner_text() == "1 comment approved."
    assert "Approved" in page.locator("#result_list tbody tr").filter(has_text=body[:60]).inner_text()
    context.close()


def test_a_held_comment_shows_only_to_its_writer_until_a_moderator_approves_it(
    live_server, post_url, page, reader, browser, screenshot
):
    """A first comment is held: its writer sees it marked, others don't; approved, everyone sees it."""
    body = "The recoilless rifles were sold to Libya in the 1950s; a long shelf life indeed."
    page.goto(post_url)
    comment = send_comment(page, body)
    assert comment.get_by_text(body).is_visible()
    assert AWAITING in comment.get_by_role("status").inner_text()
    reader.goto(post_url)
    assert reader.get_by_text(body).count() == 0

    approve_in_queue(browser, live_server, body, screenshot)

    for someone in (page, reader):
        someone.goto(post_url)
        published = someone.locator(".comment").filter(has_text=body)
        assert published.locator(".comment-body").inner_text() == body
        assert AWAITING not in published.inner_text()
        assert published.get_by_role("link", name=re.compile("^Reply")).is_visible()


def test_a_reply_from_the_reply_link_is_threaded_under_its_parent(
    live_server, post_url, page, browser, screenshot
):
    """The Reply link opens the form for that comment; approved, the reply sits under its parent."""
    page.goto(post_url)
    parent = page.locator(".comment").filter(has_text="The Libya arms story keeps getting worse").first
    parent.get_by_role("link", name="Reply to Ellen").click()
    assert page.get_by_role("heading", name="Reply to Ellen").is_visible()
    body = "Agreed, Ellen; the excerpt says it all."
    reply = send_comment(page, body, button="Post reply")
    assert AWAITING in reply.inner_text()

    approve_in_queue(browser, live_server, body)

    page.goto(post_url)
    ellen = page.locator(".comment", has_text="The Libya arms story keeps getting worse").first
    threaded = ellen.locator(":scope > .comment-replies > .comment").filter(has_text=body)
    assert threaded.locator(".comment-body").inner_text() == body
    screenshot(page, "comments-thread-with-reply")


def test_a_writer_edits_and_then_withdraws_their_comment_from_the_same_browser(
    live_server, post_url, page, reader
):
    """Within the edit window the writer's browser may edit the comment, then withdraw it; others may not."""
    page.goto(post_url)
    comment = send_comment(page, "Fist draft, with a typo.")
    comment.get_by_role("link", name="Edit").click()
    page.get_by_label("Comment", exact=True).fill("First draft, typo fixed.")
    page.get_by_role("button", name="Save").click()
    comment = page.locator(page.url[page.url.index("#") :])
    assert comment.locator(".comment-body").inner_text() == "First draft, typo fixed."
    assert "edited" in comment.locator(".comment-meta").inner_text()
    edit_url = comment.get_by_role("link", name="Edit").get_attribute("href")

    reader.goto(live_server.url + edit_url)
    assert reader.get_by_role("heading", name="This comment can no longer be changed").is_visible()

    comment.get_by_role("link", name="Withdraw").click()
    page.get_by_role("button", name="Withdraw it").click()
    assert page.url.endswith("#comments")
    assert page.get_by_text("First draft, typo fixed.").count() == 0


def test_without_javascript_a_reader_reads_follows_a_footnote_and_comments(post_url, browser):
    """With scripts off the post reads, its footnote links work and the comment form posts."""
    context = browser.new_context(viewport=WIDE, color_scheme="light", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(post_url)
    assert page.get_by_role("heading", level=1).inner_text() == "Gaddafi’s Arsenal, Mali’s War"
    reference = page.locator(".post-body sup a[href^='#']").first
    note_id = reference.get_attribute("href")[1:]
    reference.click()
    assert page.url.endswith(f"#{note_id}")
    assert "Defenders Outgunned" in page.locator(f"[id='{note_id}']").inner_text()

    body = "Read with scripts off; the form still works."
    comment = send_comment(page, body)
    assert comment.locator(".comment-body").inner_text() == body
    assert AWAITING in comment.inner_text()
    context.close()
