"""Signed links and cookies expire, and no URL shows an email address."""

import base64
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client, override_settings
from django.urls import reverse

from comments import cookies
from comments.models import Comment
from comments.notifications import UNSUBSCRIBE_SALT, unsubscribe_url
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


def made_days_ago(days, make):
    """What ``make()`` returns when run ``days`` ago (signatures carry the moment they were made)."""
    with mock.patch.object(signing.time, "time", return_value=time.time() - days * DAY):
        return make()


def path_of(url):
    return url.removeprefix("http://127.0.0.1:8000")


def subscribed(email="asker@example.org"):
    return make_comment(author_email=email, notify_replies=True, status=Comment.Status.APPROVED)


def test_an_unsubscribe_link_shows_no_address():
    """Neither the URL nor any part of it decoded holds the address; the page shows it only partly."""
    parent = subscribed("asker.private@example.org")
    url = unsubscribe_url(parent.pk)
    payload = url.rstrip("/").rsplit("/", 1)[1].split(":")[0]
    assert "asker" not in url and "@" not in url.split("//", 1)[1]
    assert b"asker" not in base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    page = Client().get(url).content.decode()
    assert "asker.private@example.org" not in page and "a…@example.org" in page


def test_an_unsubscribe_link_works_for_a_year_then_says_it_expired():
    """A 364-day-old link still unsubscribes; a 366-day-old one is a readable 410 that changes nothing."""
    old, older = subscribed(), subscribed("other@example.org")
    still_good = made_days_ago(364, lambda: path_of(unsubscribe_url(old.pk)))
    expired = made_days_ago(366, lambda: path_of(unsubscribe_url(older.pk)))
    assert Client().post(still_good).status_code == 200
    response = Client().post(expired)
    assert response.status_code == 410
    assert "has expired" in response.content.decode()
    old.refresh_from_db(), older.refresh_from_db()
    assert not old.notify_replies and older.notify_replies


@override_settings(COMMENTS_UNSUBSCRIBE_LINK_DAYS=30)
def test_the_unsubscribe_links_life_is_a_setting():
    """With a 30-day life, a 31-day-old link has expired."""
    parent = subscribed()
    expired = made_days_ago(31, lambda: path_of(unsubscribe_url(parent.pk)))
    assert Client().get(expired).status_code == 410


def test_a_link_sent_before_links_named_comments_works_until_it_expires():
    """A link that carried the address is honoured for its year, and no longer."""
    parent = subscribed()
    recent = reverse("comments:unsubscribe", args=[signing.dumps("asker@example.org", salt=UNSUBSCRIBE_SALT)])
    expired = made_days_ago(
        400,
        lambda: reverse(
            "comments:unsubscribe", args=[signing.dumps("asker@example.org", salt=UNSUBSCRIBE_SALT)]
        ),
    )
    assert Client().post(expired).status_code == 410
    assert Client().post(recent).status_code == 200
    parent.refresh_from_db()
    assert not parent.notify_replies


def test_a_link_for_a_comment_whose_data_was_erased_is_refused():
    """Once the address is erased there is nobody to unsubscribe: a readable 400."""
    parent = subscribed()
    url = path_of(unsubscribe_url(parent.pk))
    Comment.objects.filter(pk=parent.pk).update(author_email="")
    response = Client().post(url)
    assert response.status_code == 400 and "not valid" in response.content.decode()


@override_settings(COMMENTS_EDIT_MINUTES=15)
def test_the_edit_grant_lasts_the_edit_window_from_its_signed_moment():
    """A cookie that says the comment was posted 16 minutes ago opens no edit, whatever the row says."""
    comment = make_comment()
    browser = Client()
    with mock.patch.object(cookies.time, "time", return_value=time.time() - 16 * 60):
        value = f"{comment.pk}.{int(cookies.time.time())}"
    browser.cookies[cookies.OWN_COOKIE] = signing.get_cookie_signer(
        salt=cookies.OWN_COOKIE + cookies.OWN_SALT
    ).sign(value)
    response = browser.get(reverse("comments:edit", args=[comment.pk]))
    assert response.status_code == 403
    assert "can no longer be changed" in response.content.decode()


@override_settings(COMMENTS_EDIT_MINUTES=15)
def test_an_own_comment_cookie_without_moments_shows_held_comments_but_opens_no_edit():
    """Entries from before moments were recorded still show the writer's held comment, but grant no edit."""
    comment = make_comment(status=Comment.Status.PENDING, body="Held for now")
    browser = Client()
    signer = signing.get_cookie_signer(salt=cookies.OWN_COOKIE + cookies.OWN_SALT)
    browser.cookies[cookies.OWN_COOKIE] = signer.sign(str(comment.pk))
    own = browser.get(reverse("comments:own", args=[comment.post.pk])).json()
    assert [held["id"] for held in own["held"]] == [comment.pk]
    assert "Held for now" in own["held"][0]["html"] and "awaiting moderation" in own["held"][0]["html"]
    assert reverse("comments:edit", args=[comment.pk]) not in own["held"][0]["html"]
    assert browser.get(reverse("comments:edit", args=[comment.pk])).status_code == 403


def test_the_writer_can_edit_at_once_through_the_cookie_set_when_posting():
    """Posting sets the signed grant; the same browser opens the edit form right away."""
    post = make_post()
    browser = Client()
    browser.post(reverse("comments:post", args=[post.pk]), comment_form_data(post))
    comment = Comment.objects.get()
    assert browser.get(reverse("comments:edit", args=[comment.pk])).status_code == 200
    assert "@" not in browser.cookies[cookies.OWN_COOKIE].value
