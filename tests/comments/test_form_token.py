"""The comment form's signed timestamp expires, belongs to one post, and sends one comment."""

import re
import time

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from comments.forms import make_form_token
from comments.models import Comment
from tests.factories import comment_form_data, make_post

pytestmark = pytest.mark.django_db

DAY = 24 * 3600
FORM_TOKEN = re.compile(r'name="token" value="([^"]+)"')


def send(client, post, **fields):
    return client.post(
        reverse("comments:post", kwargs={"post_id": post.pk}), comment_form_data(post, **fields)
    )


def test_a_thirty_day_old_form_comes_back_with_the_text_and_a_new_timestamp(client, settings):
    """An expired timestamp stores nothing, not even as spam: the form returns with the text."""
    post = make_post()
    response = send(
        client, post, token=make_form_token(post.pk, at=time.time() - 30 * DAY), body="Still mine."
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "opened too long ago" in page and "Still mine." in page
    assert Comment.objects.count() == 0
    settings.COMMENTS_MIN_SECONDS = 0
    assert send(client, post, token=FORM_TOKEN.search(page)[1], body="Still mine.").status_code == 302
    assert Comment.objects.get().status != Comment.Status.SPAM


@override_settings(COMMENTS_FORM_MAX_AGE_SECONDS=3600)
def test_how_long_a_form_lasts_is_a_setting(client):
    """With an hour's life, a form served two hours ago is out of date; half an hour ago is fine."""
    post = make_post()
    assert send(client, post, token=make_form_token(post.pk, at=time.time() - 7200)).status_code == 400
    assert send(client, post, token=make_form_token(post.pk, at=time.time() - 1800)).status_code == 302


def test_a_timestamp_served_for_one_post_is_refused_on_another(client):
    """A form's timestamp names its post; sent to another post it is refused with the text kept."""
    first, second = make_post(), make_post()
    response = send(client, second, token=make_form_token(first.pk, at=time.time() - 60), body="Moved text")
    assert response.status_code == 400
    assert "out of date or was altered" in response.content.decode()
    assert "Moved text" in response.content.decode()


def test_one_harvested_timestamp_sends_one_comment(client):
    """Reused for other comments, with other addresses, a timestamp is refused; the text comes back."""
    post = make_post()
    token = make_form_token(post.pk, at=time.time() - 60)
    answers = [send(client, post, token=token, body=f"Bot comment {n}").status_code for n in range(3)]
    assert answers == [302, 400, 400]
    response = send(client, post, token=token, body="Yet another")
    assert "already sent a comment" in response.content.decode()
    assert "Yet another" in response.content.decode()
    assert Comment.objects.count() == 1


def test_a_double_click_sends_the_same_text_twice_and_stores_it_once(client):
    """The same form sent twice with the same text is not refused: the second answer leads to the comment."""
    post = make_post()
    data = comment_form_data(post, body="Clicked twice.")
    url = reverse("comments:post", kwargs={"post_id": post.pk})
    first, second = client.post(url, data), client.post(url, data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert first["Location"] == second["Location"]
    assert Comment.objects.count() == 1


def test_visitors_on_other_addresses_may_send_forms_served_in_the_same_second():
    """The cached page gives everyone served in one second the same timestamp; each address may use it."""
    post = make_post()
    token = make_form_token(post.pk, at=int(time.time()) - 60)
    for address in ["192.0.2.1", "198.51.100.1"]:
        assert send(Client(REMOTE_ADDR=address), post, token=token).status_code == 302
    assert Comment.objects.count() == 2
