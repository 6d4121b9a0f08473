"""Reply notices go to confirmed addresses only: the "notify me" box mails one confirmation link,
a GET of which asks and a POST confirms; a confirmed address stays confirmed; unconfirmed ones expire."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from comments import services, tasks
from comments.models import Comment, Subscriber
from tests.factories import comment_form_data, make_post, make_staff
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def comment_asking_for_notices(post, email="asker@example.org", **fields):
    """A reader's comment with the box ticked, approved (as a known commenter's would be)."""
    Client().post(
        reverse("comments:post", args=[post.pk]),
        comment_form_data(post, email=email, notify="on", **fields),
    )
    comment = Comment.objects.latest("pk")
    services.comment_moderate(comments=[comment], status="approved", moderator=make_staff())
    comment.refresh_from_db()
    return comment


def reply_to(parent, body="An answer."):
    services.comment_submit(
        post=parent.post, parent=parent, author_name="Tom", author_email="tom@example.org", body=body
    )
    reply = Comment.objects.latest("pk")
    services.comment_moderate(comments=[reply], status="approved", moderator=make_staff())
    run_jobs()


def link_in(message):
    return re.search(r"^(https?://\S+/comments/confirm/\S+/)$", message.body, re.M)[1]


@override_settings(SITE_URL="http://testserver")
def test_no_notice_until_the_address_is_confirmed_by_the_link_it_was_mailed():
    post = make_post(author=make_staff(email=""))
    parent = comment_asking_for_notices(post)
    run_jobs()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["asker@example.org"]
    assert "Confirm reply notices" in confirmation.subject
    mail.outbox.clear()

    reply_to(parent)
    assert mail.outbox == []

    client = Client()
    page = client.get(link_in(confirmation))
    assert page.status_code == 200
    assert "Confirm reply notices?" in page.content.decode() and "a…@example.org" in page.content.decode()
    assert not Subscriber.objects.filter(confirmed_at__isnull=False).exists()
    done = client.post(link_in(confirmation))
    assert "Reply notices confirmed" in done.content.decode()

    reply_to(parent, "Another answer.")
    (notice,) = mail.outbox
    assert notice.to == ["asker@example.org"] and "Tom replied to you" in notice.subject


@override_settings(SITE_URL="http://testserver")
def test_one_confirmation_per_address_and_none_once_confirmed():
    post = make_post(author=make_staff(email=""))
    comment_asking_for_notices(post, email="Asker@example.org")
    comment_asking_for_notices(post)
    run_jobs()
    assert len(mail.outbox) == 1
    services.subscriber_confirm(email="asker@example.org")
    mail.outbox.clear()
    later = comment_asking_for_notices(make_post(author=make_staff(email="")))
    run_jobs()
    assert mail.outbox == []
    reply_to(later)
    assert [message.to for message in mail.outbox] == [["asker@example.org"]]


def test_a_held_or_spam_comment_mails_no_confirmation():
    """An address typed into a comment nobody approved is never mailed: the box is no way to spam someone."""
    post = make_post(author=make_staff(email=""))
    Client().post(
        reverse("comments:post", args=[post.pk]),
        comment_form_data(post, email="victim@example.org", notify="on", body="cheap viagra"),
    )
    Client().post(
        reverse("comments:post", args=[post.pk]),
        comment_form_data(post, email="victim@example.org", notify="on"),
    )
    run_jobs()
    assert mail.outbox == []
    assert not Subscriber.objects.exists()


@override_settings(SITE_URL="http://testserver", COMMENTS_CONFIRM_LINK_DAYS=7)
def test_unconfirmed_addresses_expire_with_their_link():
    post = make_post(author=make_staff(email=""))
    parent = comment_asking_for_notices(post)
    run_jobs()
    link = link_in(mail.outbox[0])
    Subscriber.objects.update(requested_at=timezone.now() - timedelta(days=8))
    tasks.expire_subscribers.enqueue()
    run_jobs()
    parent.refresh_from_db()
    assert not parent.notify_replies
    assert not Subscriber.objects.exists()
    with override_settings(COMMENTS_CONFIRM_LINK_DAYS=0):
        expired = Client().get(link)
    assert expired.status_code == 410
    assert "This confirmation link has expired" in expired.content.decode()


def test_a_forged_confirmation_link_is_refused():
    response = Client().post(reverse("comments:confirm", args=["forged"]))
    assert response.status_code == 400
    assert "This confirmation link is not valid" in response.content.decode()
    assert not Subscriber.objects.exists()
