"""A comment form on a cached page works for whoever is served it, and only for them."""

import re
from collections import Counter

import pytest
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CSRF_TOKEN_LENGTH,
    _unmask_cipher_token,
)
from django.test import Client, RequestFactory
from django.urls import reverse

from comments.forms import read_form_token
from comments.models import Comment
from pagecache.holes import csrf_token, random_letters
from tests.factories import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN = re.compile(r'name="token" value="([^"]+)"')


def visit(url):
    client = Client(enforce_csrf_checks=True)
    response = client.get(url)
    content = response.content.decode()
    return client, response, CSRF_INPUT.search(content)[1], FORM_TOKEN.search(content)[1]


def test_a_visitor_served_a_cached_page_can_post_a_comment():
    """The cached page's CSRF token validates with the cookie set for this visitor; the comment is stored."""
    post = make_post()
    visit(post.get_absolute_url())
    client, response, csrf, _ = visit(post.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert "csrftoken" in response.cookies
    data = {
        "csrfmiddlewaretoken": csrf,
        "name": "Second Visitor",
        "email": "second@example.org",
        "body": "Posted from a cached page.",
        "token": FORM_TOKEN.search(response.content.decode())[1],
    }
    reply = client.post(reverse("comments:post", kwargs={"post_id": post.pk}), data)
    assert reply.status_code == 302
    assert Comment.objects.get().body == "Posted from a cached page."


def test_each_visitor_gets_their_own_csrf_token_and_a_fresh_form_timestamp():
    """Two visitors of one cached page get different CSRF tokens, and form tokens dated when served."""
    post = make_post()
    first = visit(post.get_absolute_url())
    second = visit(post.get_absolute_url())
    assert (first[1]["X-Page-Cache"], second[1]["X-Page-Cache"]) == ("miss", "hit")
    assert first[2] != second[2]
    assert first[1].cookies["csrftoken"].value != second[1].cookies["csrftoken"].value
    # Made once a second and shared within it, so at most a second old.
    assert read_form_token(second[3], post.pk) < 2


def test_one_visitors_token_does_not_work_for_another():
    """The first visitor's token, posted with the second visitor's cookie, is refused."""
    post = make_post()
    _, _, first_csrf, _ = visit(post.get_absolute_url())
    client, _, _, form_token = visit(post.get_absolute_url())
    data = {"csrfmiddlewaretoken": first_csrf, "name": "X", "email": "x@example.org", "body": "Hi"}
    response = client.post(
        reverse("comments:post", kwargs={"post_id": post.pk}), {**data, "token": form_token}
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_visitor_who_has_a_csrf_cookie_keeps_it():
    """A returning visitor's cached page carries a token for the cookie they already have."""
    post = make_post()
    client, first, _, _ = visit(post.get_absolute_url())
    cookie = first.cookies["csrftoken"].value
    response = client.get(post.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert client.cookies["csrftoken"].value == cookie
    data = {
        "csrfmiddlewaretoken": CSRF_INPUT.search(response.content.decode())[1],
        "name": "Returning",
        "email": "back@example.org",
        "body": "Back again.",
        "token": FORM_TOKEN.search(response.content.decode())[1],
    }
    reply = client.post(reverse("comments:post", kwargs={"post_id": post.pk}), data)
    assert reply.status_code == 302


def test_csrf_tokens_are_djangos_masked_secrets_of_uniform_letters():
    """The hole's token unmasks to the visitor's secret, which is drawn from every allowed letter."""
    request = RequestFactory().get("/")
    token = csrf_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(token) == CSRF_TOKEN_LENGTH and len(secret) == CSRF_SECRET_LENGTH
    assert _unmask_cipher_token(token) == secret
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert csrf_token(request) != token and _unmask_cipher_token(csrf_token(request)) == secret
    assert set(random_letters(10_000)) == set(CSRF_ALLOWED_CHARS)


def test_no_letter_is_likelier_than_another():
    """About 10,000 of each of the 62 letters in 620,000 draws.

    Keeping the bytes above 247 would give the first eight letters a quarter
    more: some twenty standard deviations.
    """
    counts = Counter(random_letters(620_000))
    assert max(counts.values()) / min(counts.values()) < 1.1
