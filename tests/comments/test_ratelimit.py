"""Every anonymous write is rate-limited per address and per network, and a 429 says how long to wait."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from comments import ratelimit
from comments.models import Comment
from comments.notifications import unsubscribe_url
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db


def send(client, post, **fields):
    return client.post(
        reverse("comments:post", kwargs={"post_id": post.pk}), comment_form_data(post, **fields)
    )


def own_comment(client):
    """A comment this browser just posted (so it may edit it)."""
    post = make_post()
    assert send(client, post, email="writer@example.org").status_code == 302
    return Comment.objects.latest("pk")


def assert_retry_after(response):
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 600


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.9", "198.51.100.0/24"),
    ],
)
def test_networks_are_ipv4_slash_24_and_ipv6_slash_64(address, expected):
    """An address is counted in its IPv4 /24 or IPv6 /64 (an IPv4-mapped address as IPv4)."""
    assert ratelimit.network(address) == expected


@override_settings(COMMENTS_RATE_LIMIT=2, COMMENTS_RATE_LIMIT_NETWORK=0, COMMENTS_RATE_WINDOW_SECONDS=600)
def test_retry_after_is_the_time_left_in_the_window():
    """Windows start on multiples of their length, so the wait is exact: 100 s into one, 500 s are left."""
    start = 600 * 2_900_000
    for _ in range(2):
        assert ratelimit.retry_after(action="post", email="a@example.org", now=start + 100) is None
    assert ratelimit.retry_after(action="post", email="a@example.org", now=start + 100) == 500
    assert ratelimit.retry_after(action="post", email="a@example.org", now=start + 599.5) == 1
    assert ratelimit.retry_after(action="post", email="a@example.org", now=start + 600) is None


@override_settings(COMMENTS_RATE_LIMIT=2)
def test_a_refused_comment_gets_retry_after_and_its_text_back(client):
    """Over the limit, the 429 page names the wait, carries Retry-After, and shows the form with the text."""
    post = make_post()
    send(client, post)
    send(client, post)
    response = send(client, post, body="Words I do not want to lose.")
    assert_retry_after(response)
    page = response.content.decode()
    assert "Too many comments" in page and "Please wait" in page
    assert "Words I do not want to lose." in page
    assert 'id="comment-form"' in page
    assert Comment.objects.count() == 2


@override_settings(COMMENTS_RATE_LIMIT=100, COMMENTS_RATE_LIMIT_NETWORK=3)
def test_changing_address_within_a_network_does_not_get_round_it():
    """Four addresses in one /24 share the network's limit; another network is not affected."""
    post = make_post()
    answers = [send(Client(REMOTE_ADDR=f"203.0.113.{host}"), post).status_code for host in range(1, 5)]
    assert answers == [302, 302, 302, 429]
    assert send(Client(REMOTE_ADDR="203.0.114.1"), post).status_code == 302


@override_settings(COMMENTS_RATE_LIMIT=100, COMMENTS_RATE_LIMIT_NETWORK=2)
def test_ipv6_addresses_are_limited_per_slash_64():
    """Addresses anywhere in one IPv6 /64 count together."""
    post = make_post()
    for host in ["2001:db8:0:1::1", "2001:db8:0:1:ffff::2"]:
        assert send(Client(REMOTE_ADDR=host), post).status_code == 302
    assert send(Client(REMOTE_ADDR="2001:db8:0:1:abcd::3"), post).status_code == 429
    assert send(Client(REMOTE_ADDR="2001:db8:0:2::1"), post).status_code == 302


@override_settings(COMMENTS_EDIT_RATE_LIMIT=2)
def test_editing_is_rate_limited_and_the_edit_is_kept(client):
    """The third edit in a window is refused with Retry-After and its text shown again; nothing changes."""
    comment = own_comment(client)
    url = reverse("comments:edit", args=[comment.pk])
    assert client.post(url, {"body": "First edit"}).status_code == 302
    assert client.post(url, {"body": "Second edit"}).status_code == 302
    response = client.post(url, {"body": "Third edit"})
    assert_retry_after(response)
    assert "Too many changes" in response.content.decode()
    assert "Third edit" in response.content.decode()
    comment.refresh_from_db()
    assert comment.body == "Second edit"


@override_settings(COMMENTS_EDIT_RATE_LIMIT=1)
def test_withdrawing_counts_with_edits(client):
    """Withdrawals share the edits' limit, and a refused one leaves the comment as it was."""
    comment = own_comment(client)
    assert client.post(reverse("comments:edit", args=[comment.pk]), {"body": "Edited"}).status_code == 302
    assert_retry_after(client.post(reverse("comments:withdraw", args=[comment.pk])))
    comment.refresh_from_db()
    assert comment.status != Comment.Status.REMOVED


@override_settings(COMMENTS_UNSUBSCRIBE_RATE_LIMIT=2)
def test_unsubscribing_is_rate_limited_per_address():
    """One address asking to stop notices a third time in a window gets a 429 with Retry-After."""
    parent = make_comment(author_email="asker@example.org", notify_replies=True)
    url = unsubscribe_url(parent.pk).removeprefix("http://127.0.0.1:8000")
    assert Client().post(url).status_code == 200
    assert Client().post(url).status_code == 200
    response = Client(REMOTE_ADDR="198.51.100.1").post(url)
    assert_retry_after(response)
    assert "Too many requests" in response.content.decode()


@override_settings(COMMENTS_UNSUBSCRIBE_RATE_LIMIT=100, COMMENTS_UNSUBSCRIBE_RATE_LIMIT_NETWORK=2)
def test_unsubscribing_is_rate_limited_per_network():
    """Unsubscribe links for many addresses, sent from one network, share its limit."""
    links = [
        unsubscribe_url(make_comment(author_email=f"a{n}@example.org", notify_replies=True).pk)
        for n in range(3)
    ]
    answers = [Client(REMOTE_ADDR="192.0.2.9").post(link).status_code for link in links]
    assert answers == [200, 200, 429]


def test_reading_an_unsubscribe_link_is_not_counted():
    """GET only asks to confirm, so link scanners in mail systems use up nothing."""
    parent = make_comment(author_email="asker@example.org", notify_replies=True)
    url = unsubscribe_url(parent.pk)
    with override_settings(COMMENTS_UNSUBSCRIBE_RATE_LIMIT=1):
        for _ in range(3):
            assert Client().get(url).status_code == 200
        assert Client().post(url).status_code == 200


@override_settings(COMMENTS_RATE_LIMIT=0, COMMENTS_RATE_LIMIT_NETWORK=0)
def test_zero_turns_a_limit_off(client):
    """With both posting limits at 0, any number of comments is accepted."""
    post = make_post()
    assert {send(client, post).status_code for _ in range(8)} == {302}
