"""The stored public thread (``comments.published``) is always the thread as it would be rendered now."""

import pytest
from django.test import Client, override_settings
from django.utils.safestring import SafeString

from comments import published
from comments.models import Comment, PublishedThread
from comments.privacy import commenter_erase
from comments.selectors import build_thread, thread_rows
from comments.services import comment_edit, comment_moderate, comment_withdraw
from comments.thread import render_thread
from tests.factories import make_comment, make_post, make_staff

pytestmark = pytest.mark.django_db

APPROVED, PENDING, REMOVED = Comment.Status.APPROVED, Comment.Status.PENDING, Comment.Status.REMOVED


def page_thread(post):
    """The thread a visitor without cookies gets on the post page."""
    content = Client().get(post.get_absolute_url()).content.decode()
    opening = '<ol class="comment-list">'
    start = content.find(opening)
    if start < 0:
        return ""
    end = min(
        found
        for found in (
            content.find('<form class="comment-form"', start),
            content.find('<p class="comments-closed"', start),
        )
        if found >= 0
    )
    thread = content[start + len(opening) : end].strip()
    return thread.removesuffix("</ol>").strip()


def fresh_thread(post, closed=False):
    roots, _ = build_thread(thread_rows(post))
    return str(render_thread(roots, closed)).strip()


def test_every_kind_of_change_shows_at_once():
    """Approving, editing, removing a parent, withdrawing, erasing and deleting each show on the next view."""
    post = make_post()
    first = make_comment(post=post, status=APPROVED)
    reply = make_comment(post=post, parent=first, status=APPROVED, author_email="bob@example.org")
    held = make_comment(post=post, status=PENDING)
    other = make_comment(post=post, status=APPROVED)
    moderator = make_staff()
    changes = [
        lambda: comment_moderate(comments=[held], status=APPROVED, moderator=moderator),
        lambda: comment_edit(comment=Comment.objects.get(pk=other.pk), body="Edited words."),
        lambda: comment_moderate(comments=[first], status=REMOVED, moderator=moderator),
        lambda: comment_withdraw(comment=Comment.objects.get(pk=held.pk)),
        lambda: commenter_erase(email="bob@example.org"),
        lambda: Comment.objects.get(pk=reply.pk).delete(),
    ]
    assert page_thread(post) == fresh_thread(post)
    for number, change in enumerate(changes):
        before = page_thread(post)
        change()
        after = page_thread(post)
        assert after == fresh_thread(post)
        assert after != before, number


def test_a_held_comment_leaves_the_stored_thread_as_it_is():
    post = make_post()
    make_comment(post=post, status=APPROVED)
    page_thread(post)
    version = PublishedThread.objects.get(post=post).version
    make_comment(post=post, status=PENDING)
    assert PublishedThread.objects.get(post=post).version == version


def test_closing_comments_takes_the_reply_links_away():
    post = make_post()
    make_comment(post=post, status=APPROVED)
    assert "Reply" in page_thread(post)
    post.comments_enabled = False
    post.save(update_fields=["comments_enabled"])
    assert "Reply" not in page_thread(post)
    assert page_thread(post) == fresh_thread(post, closed=True)


def test_a_new_time_zone_renders_the_dates_again():
    post = make_post()
    make_comment(post=post, status=APPROVED)
    with override_settings(TIME_ZONE="UTC"):
        in_utc = page_thread(post)
    with override_settings(TIME_ZONE="Asia/Tokyo"):
        in_tokyo = page_thread(post)
    assert in_tokyo != in_utc
    assert "+09:00" in in_tokyo


def test_a_render_from_rows_older_than_a_concurrent_change_is_not_stored():
    """A change committed while a reader renders bumps the version, so the reader's render is not kept."""
    post = make_post()
    make_comment(post=post, status=APPROVED)

    def render_then_someone_approves():
        roots, nodes = build_thread(thread_rows(post))
        make_comment(post=post, status=APPROVED)
        return roots, 1

    page = published.public_page(post, False, render_then_someone_approves)
    assert page.count == 1
    assert PublishedThread.objects.get(post=post).stamp == ""
    assert page_thread(post) == fresh_thread(post)
    assert page_thread(post).count('class="comment"') == 2


def test_a_thread_stored_by_older_markup_is_rendered_again(monkeypatch):
    """A stored thread records its markup's version: served until the version changes, then rendered anew."""
    post = make_post()
    make_comment(post=post, status=APPROVED, body="Stored words.")
    stored = page_thread(post)
    new_markup = lambda roots, closed: (SafeString("<li>New markup</li>"), [0])  # noqa: E731
    monkeypatch.setattr(published, "render_roots", new_markup)
    assert page_thread(post) == stored
    monkeypatch.setattr(published, "MARKUP_VERSION", "next")
    assert page_thread(post) == "<li>New markup</li>"
