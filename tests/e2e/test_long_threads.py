"""A long thread in a real browser: Reply moves the form under the comment, Preview shows it in place."""

import re

import pytest

from comments.models import Comment
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.e2e


@pytest.fixture
def thread(transactional_db, settings):
    settings.COMMENTS_PER_PAGE = 2
    post = make_post(title="A long thread")
    comments = [
        make_comment(post=post, status=Comment.Status.APPROVED, author_name=name, body=f"{name} speaks.")
        for name in ("Ada", "Ben", "Cleo")
    ]
    return post, comments


def test_reply_moves_the_form_under_the_comment_without_a_reload_and_posts(live_server, page, thread):
    """Reply opens the form under its comment (no reload), focused; Cancel puts it back; posting works."""
    post, (ada, ben, cleo) = thread
    page.goto(f"{live_server.url}{post.get_absolute_url()}?cpage=1")
    page.evaluate("window.notReloaded = true")
    first = page.locator(f"#comment-{ada.pk}")
    first.get_by_role("link", name="Reply to Ada").click()
    form = first.locator("#comment-form")
    assert form.is_visible()
    assert page.evaluate("window.notReloaded") is True
    assert page.evaluate("document.activeElement.name") == "body"
    assert form.get_by_role("heading", name="Reply to Ada").is_visible()
    assert form.locator("input[name=parent]").input_value() == str(ada.pk)

    form.get_by_role("button", name="Cancel reply").click()
    assert page.locator(f"#comment-{ada.pk} #comment-form").count() == 0
    assert page.locator("#comment-form input[name=parent]").input_value() == ""
    assert page.evaluate("document.activeElement.textContent").startswith("Reply")

    page.locator(f"#comment-{ben.pk}").get_by_role("link", name="Reply to Ben").click()
    form = page.locator(f"#comment-{ben.pk} #comment-form")
    form.get_by_label("Name", exact=True).fill("Rosa Reader")
    form.get_by_label("Email", exact=True).fill("rosa@example.org")
    form.get_by_label("Comment", exact=True).fill("Quite so, *Ben*: a<b and `x<y`.")
    form.get_by_role("button", name="Preview").click()
    preview = form.locator("#comment-preview")
    preview.wait_for()
    assert page.evaluate("window.notReloaded") is True
    assert preview.locator("em").inner_text() == "Ben"
    assert "a<b" in preview.inner_text() and "x<y" in preview.inner_text()
    assert "&lt;" not in preview.inner_text()

    form.get_by_role("button", name="Post reply").click()
    page.wait_for_url(re.compile(r"#comment-\d+$"))
    reply = Comment.objects.get(author_name="Rosa Reader")
    assert reply.parent_id == ben.pk
    assert "awaiting moderation" in page.locator(f"#comment-{reply.pk}").inner_text()
    # Held for moderation: on the thread, the page's script shows it to its writer under Ben's comment.
    page.goto(f"{live_server.url}{post.get_absolute_url()}?cpage=1")
    page.locator(f"#comment-{ben.pk} > .comment-replies > #comment-{reply.pk}").wait_for()
