"""Email as background jobs: moderators hear of held comments, subscribers of approved replies."""

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from comments import notifications, services
from comments.models import Comment
from comments.notifications import read_unsubscribe_token, unsubscribe_url
from tests.factories import comment_form_data, make_comment, make_post, make_staff, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def submit(post, **fields):
    fields.setdefault("author_name", "Reader")
    fields.setdefault("author_email", "reader@example.org")
    fields.setdefault("body", "A comment.")
    return services.comment_submit(post=post, **fields)


@override_settings(SITE_URL="https://blog.example.com")
def test_moderators_and_the_author_hear_of_a_held_comment_from_the_worker():
    """A held comment emails each moderator and the post's author from a background job, not the request."""
    make_staff(groups=["Moderators"], email="mod@example.com")
    make_staff(groups=["Moderators"], email="")
    post = make_post(author=make_user(email="author@example.com"))
    comment = submit(post, body="Please hold me.")
    assert mail.outbox == []
    run_jobs()
    assert sorted(message.to[0] for message in mail.outbox) == ["author@example.com", "mod@example.com"]
    for message in mail.outbox:
        assert post.title in message.subject
        assert "Please hold me." in message.body
        assert f"https://blog.example.com/admin/comments/comment/{comment.pk}/change/" in message.body


@override_settings(SITE_URL="https://blog.example.com")
def test_an_approved_comment_bothers_no_moderator_and_tells_the_posts_author_once():
    """A comment approved automatically mails no moderator, and the post's author once, from the worker."""
    make_staff(groups=["Moderators"], email="mod@example.com")
    post = make_post(author=make_user(email="author@example.com"))
    make_comment(author_name="Reader", author_email="reader@example.org", status=Comment.Status.APPROVED)
    comment = submit(post, body="Well said.")
    assert comment.status == Comment.Status.APPROVED
    assert mail.outbox == []
    run_jobs()
    (message,) = mail.outbox
    assert message.to == ["author@example.com"]
    assert message.subject.endswith(f"Reader commented on “{post.title}”")
    assert "Well said." in message.body
    assert f"https://blog.example.com{comment.get_absolute_url()}" in message.body
    notifications.notify_author(comment.pk)
    run_jobs()
    assert len(mail.outbox) == 1


@override_settings(COMMENTS_NOTIFY_AUTHOR=False)
def test_the_posts_author_notice_can_be_turned_off():
    """COMMENTS_NOTIFY_AUTHOR=False tells the post's author nothing of approved comments."""
    post = make_post(author=make_user(email="author@example.com"))
    make_comment(author_name="Reader", author_email="reader@example.org", status=Comment.Status.APPROVED)
    assert submit(post).status == Comment.Status.APPROVED
    run_jobs()
    assert mail.outbox == []


@pytest.mark.parametrize("signed", ["by address", "by account"])
def test_the_posts_author_hears_nothing_of_their_own_comment(signed):
    """The author's own approved comment, signed with their address or posted signed in, mails nobody."""
    author = make_user(email="Author@example.com")
    post = make_post(author=author)
    email = "author@EXAMPLE.com" if signed == "by address" else "other@example.org"
    make_comment(author_name="Reader", author_email=email, status=Comment.Status.APPROVED)
    user = author if signed == "by account" else None
    assert submit(post, author_email=email, user=user).status == Comment.Status.APPROVED
    run_jobs()
    assert mail.outbox == []


def test_a_held_comment_approved_later_is_not_told_to_the_author_twice():
    """The author heard of the held comment with the moderators; its approval sends them nothing more."""
    moderator = make_staff(groups=["Moderators"], email="mod@example.com")
    post = make_post(author=make_user(email="author@example.com"))
    comment = submit(post)
    run_jobs()
    assert sorted(message.to[0] for message in mail.outbox) == ["author@example.com", "mod@example.com"]
    mail.outbox.clear()
    services.comment_moderate(comments=[comment], status=Comment.Status.APPROVED, moderator=moderator)
    run_jobs()
    assert mail.outbox == []


def test_a_comment_rescued_from_spam_is_told_to_the_author_when_approved():
    """Spam notifies nobody; once a moderator approves it, the post's author hears of it."""
    moderator = make_staff(groups=["Moderators"], email="mod@example.com")
    post = make_post(author=make_user(email="author@example.com"))
    comment = submit(post, body="Not spam, honest: viagra is a word I use.")
    assert comment.status == Comment.Status.SPAM
    run_jobs()
    assert mail.outbox == []
    services.comment_moderate(comments=[comment], status=Comment.Status.APPROVED, moderator=moderator)
    run_jobs()
    assert [message.to for message in mail.outbox] == [["author@example.com"]]


@override_settings(COMMENTS_NOTIFY_MODERATORS=False)
def test_moderator_email_can_be_turned_off():
    """COMMENTS_NOTIFY_MODERATORS=False sends nothing for a held comment."""
    make_staff(groups=["Moderators"], email="mod@example.com")
    submit(make_post())
    run_jobs()
    assert mail.outbox == []


def subscribed_parent(notify_replies=True):
    """A published comment from an address that confirmed it wants reply notices."""
    services.subscriber_confirm(email="asker@example.org")
    return make_comment(
        status=Comment.Status.APPROVED, author_email="asker@example.org", notify_replies=notify_replies
    )


def test_reply_notice_waits_for_approval_and_is_sent_once():
    """The subscriber hears of a reply only when it is approved, and only once however often it is."""
    parent = subscribed_parent()
    moderator = make_staff(groups=["Moderators"], email="")
    reply = submit(parent.post, parent=parent, author_name="Tom", body="Here is my answer.")
    run_jobs()
    assert reply.status == Comment.Status.PENDING
    assert [message.to for message in mail.outbox] == [[parent.post.author.email]]  # the moderation notice
    mail.outbox.clear()
    for status in ["approved", "pending", "approved"]:
        services.comment_moderate(comments=[reply], status=status, moderator=moderator)
        run_jobs()
    [message] = mail.outbox
    assert message.to == ["asker@example.org"]
    assert "Tom replied" in message.subject
    assert "Here is my answer." in message.body
    assert f"/comments/{reply.pk}/" in message.body
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert link in message.body
    assert link.startswith("http://127.0.0.1:8000/comments/unsubscribe/")
    assert read_unsubscribe_token(link.rstrip("/").rsplit("/", 1)[1]) == "asker@example.org"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_an_auto_approved_reply_notifies_at_once(client):
    """A reply approved automatically through the form is notified by the next job the worker runs."""
    parent = subscribed_parent()
    make_comment(author_name="Known", author_email="known@example.org", status=Comment.Status.APPROVED)
    data = comment_form_data(parent.post, name="Known", email="known@example.org", parent=parent.pk)
    assert client.post(reverse("comments:post", args=[parent.post.pk]), data).status_code == 302
    run_jobs()
    assert sorted(message.to[0] for message in mail.outbox) == ["asker@example.org", parent.post.author.email]


def test_the_author_subscribed_to_the_comment_answered_gets_the_reply_notice_only():
    """A reply to the post's author's own subscribed comment tells them once, as a reply."""
    author = make_user(email="author@example.com")
    services.subscriber_confirm(email="Author@example.com")
    parent = make_comment(
        post=make_post(author=author),
        author_email="author@example.com",
        status=Comment.Status.APPROVED,
        notify_replies=True,
    )
    make_comment(author_name="Reader", author_email="reader@example.org", status=Comment.Status.APPROVED)
    submit(parent.post, parent=parent)
    run_jobs()
    (message,) = mail.outbox
    assert message.to == ["author@example.com"] and "replied to you" in message.subject


@pytest.mark.parametrize("case", ["not subscribed", "own reply"])
@override_settings(COMMENTS_NOTIFY_AUTHOR=False)
def test_no_notice_when_not_asked_or_replying_to_oneself(case):
    """Nobody is emailed who did not ask, nor about their own replies."""
    parent = subscribed_parent(notify_replies=case == "own reply")
    email = "asker@example.org" if case == "own reply" else "other@example.org"
    make_comment(author_name="Reader", author_email=email, status=Comment.Status.APPROVED)
    assert submit(parent.post, parent=parent, author_email=email).status == Comment.Status.APPROVED
    run_jobs()
    assert mail.outbox == []


def test_unsubscribe_asks_on_get_and_acts_on_post_without_login():
    """GET shows a confirmation and changes nothing; a one-click POST (no CSRF token) unsubscribes."""
    parent = subscribed_parent()
    other = make_comment(author_email="ASKER@example.org", notify_replies=True)
    url = unsubscribe_url(parent.pk).removeprefix("http://127.0.0.1:8000")
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert "Stop reply notices?" in page.content.decode()
    parent.refresh_from_db()
    assert parent.notify_replies
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    parent.refresh_from_db()
    other.refresh_from_db()
    assert not parent.notify_replies and not other.notify_replies


def test_a_forged_unsubscribe_link_is_refused(client):
    """A token the site did not sign is a readable 400."""
    response = client.post(reverse("comments:unsubscribe", args=["someone@example.org:forged"]))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


@override_settings(COMMENTS_MAX_DEPTH=2, COMMENTS_NOTIFY_AUTHOR=False)
def test_past_the_depth_limit_the_reply_notice_goes_to_the_person_answered():
    """A reply hung beside the deepest comment tells that comment's writer, not the one above it."""
    services.subscriber_confirm(email="deep@example.org")
    services.subscriber_confirm(email="top@example.org")
    top = make_comment(status=Comment.Status.APPROVED, author_email="top@example.org", notify_replies=True)
    deep = make_comment(
        parent=top, status=Comment.Status.APPROVED, author_email="deep@example.org", notify_replies=True
    )
    mail.outbox.clear()
    make_comment(author_name="Known", author_email="known@example.org", status=Comment.Status.APPROVED)
    reply = submit(top.post, parent=deep, author_name="Known", author_email="known@example.org")
    assert (reply.parent, reply.replied_to, reply.answered) == (top, deep, deep)
    run_jobs()
    (message,) = mail.outbox
    assert message.to == ["deep@example.org"]
