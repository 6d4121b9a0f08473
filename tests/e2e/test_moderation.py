"""Triage in the browser: 300 held comments worked row by row, by keyboard, on a phone, without scripts."""

import pytest
from django.contrib.auth.models import Group, User

from blog.models import Post
from comments.models import Comment
from tests.browser import PHONE, log_in, restore_staff_groups

pytestmark = pytest.mark.e2e

PENDING = 300
QUEUE = "/admin/comments/comment/?status__exact=pending"


@pytest.fixture
def held(transactional_db):
    """A moderator, a post and 300 pending comments on it, newest last (so first in the queue)."""
    restore_staff_groups()
    moderator = User.objects.create_user("moderator", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    post = Post.objects.create(
        title="A busy post", slug="busy", body="Body.", status=Post.Status.PUBLISHED, author=moderator
    )
    Comment.objects.bulk_create(
        Comment(
            post=post,
            author_name=f"Writer {number}",
            author_email=f"writer{number}@example.org",
            body=f"Held comment number {number}.",
            body_html=f"<p>Held comment number {number}.</p>",
            status=Comment.Status.PENDING,
            ip_address=f"203.0.113.{number % 250 + 1}",
        )
        for number in range(PENDING)
    )
    return post


def queue(browser, live_server, **options):
    """The moderator's pending queue, with each navigation of its page counted in ``page.loads``."""
    context, page = log_in(browser, live_server, "moderator", **options)
    page.goto(live_server.url + QUEUE)
    page.loads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and page.loads.append(frame.url))
    return context, page


def row_ids(page):
    boxes = page.locator("#result_list tbody input.action-select")
    return [int(value) for value in boxes.evaluate_all("boxes => boxes.map(box => box.value)")]


def header_count(page):
    return int(page.locator(".comments-pending-count").inner_text())


def status_of(pk):
    return Comment.objects.get(pk=pk).status


def test_the_keyboard_alone_moves_through_the_queue_and_decides_rows_in_place(browser, live_server, held):
    """j/k move, a approves, s marks spam, d trashes, u unapproves: each row changes where it is and the
    header's count follows; e opens the current row's comment."""
    context, page = queue(browser, live_server)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    assert header_count(page) == PENDING
    ids = row_ids(page)
    assert len(ids) == 50
    rows = page.locator("#result_list tbody tr")

    def decide(key, index, label, status):
        page.keyboard.press(key)
        rows.nth(index).locator(".comment-state").get_by_text(f"{label} — just now").wait_for()
        assert status_of(ids[index]) == status

    page.keyboard.press("j")
    assert rows.nth(0).get_attribute("class").split().count("comment-current") == 1
    decide("a", 0, "Approved", Comment.Status.APPROVED)
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert "comment-current" in rows.nth(1).get_attribute("class")
    assert "comment-current" not in rows.nth(2).get_attribute("class")
    decide("s", 1, "Spam", Comment.Status.SPAM)
    page.keyboard.press("j")
    decide("d", 2, "Removed", Comment.Status.REMOVED)
    assert header_count(page) == PENDING - 3
    page.keyboard.press("k")
    page.keyboard.press("k")
    decide("u", 0, "Pending", Comment.Status.PENDING)
    assert header_count(page) == PENDING - 2
    decide("a", 0, "Approved", Comment.Status.APPROVED)
    reply = rows.nth(0).get_by_role("link", name="Reply")
    assert reply.is_visible() and rows.nth(1).get_by_role("link", name="Reply").count() == 0

    assert page.loads == []
    assert [status_of(pk) for pk in ids[3:]] == [Comment.Status.PENDING] * 47
    assert header_count(page) == PENDING - 3
    page.reload()
    assert header_count(page) == PENDING - 3
    assert row_ids(page)[0] == ids[3]
    page.keyboard.press("j")
    page.keyboard.press("e")
    page.wait_for_url(f"**/admin/comments/comment/{ids[3]}/change/")
    context.close()


def test_on_a_phone_the_queue_fits_the_screen_and_a_tap_approves(browser, live_server, held, screenshot):
    """At 390 px the rows are cards with no sideways scroll, their buttons big enough to tap."""
    context, page = queue(browser, live_server, viewport=PHONE, has_touch=True, is_mobile=True)
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    rows = page.locator("#result_list tbody tr")
    for index in range(rows.count()):
        for button in rows.nth(index).get_by_role("button").all():
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert button.is_visible() and box["width"] >= 24 and box["height"] >= 24, (index, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    screenshot(page, "admin-moderation-queue-phone", full_page=False)
    row = rows.nth(4)
    pk = row_ids(page)[4]
    row.get_by_role("button", name="Approve").tap()
    row.locator(".comment-state").get_by_text("Approved — just now").wait_for()
    assert status_of(pk) == Comment.Status.APPROVED
    assert header_count(page) == PENDING - 1
    assert page.loads == []
    context.close()


def test_without_javascript_a_rows_approve_button_posts_and_comes_back_to_the_queue(
    browser, live_server, held
):
    """With scripts off the button is a form POST; the moderator lands on the same pending queue."""
    context, page = queue(browser, live_server, java_script_enabled=False)
    pk = row_ids(page)[0]
    page.locator("#result_list tbody tr").first.get_by_role("button", name="Approve").click()
    page.wait_for_load_state()
    assert page.url == live_server.url + QUEUE
    assert page.locator(".messagelist").inner_text() == "The comment by Writer 299 is now approved."
    assert status_of(pk) == Comment.Status.APPROVED
    assert pk not in row_ids(page)
    assert header_count(page) == PENDING - 1
    context.close()


def test_blocking_a_rows_address_reloads_the_queue_once_and_says_what_it_did(browser, live_server, held):
    """A block decides every pending comment from the address, so the page comes back showing them gone."""
    context, page = queue(browser, live_server)
    first = page.locator("#result_list tbody tr").first
    assert "203.0.113.50" in first.inner_text()
    first.get_by_role("button", name="Block this address").click()
    page.wait_for_load_state()
    assert page.locator(".messagelist").inner_text() == (
        "Blocked 203.0.113.50/32: their comments go to the trash from now on; "
        "2 pending comments from it marked as spam."
    )
    assert Comment.objects.filter(ip_address="203.0.113.50", status=Comment.Status.SPAM).count() == 2
    assert header_count(page) == PENDING - 2
    context.close()
