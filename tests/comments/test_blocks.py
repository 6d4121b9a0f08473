"""Blocked commenters: addresses, networks (IPv4 and IPv6), emails and domains, kept in the database,
fed from the moderation queue; a blocked commenter's comment goes to the trash, as WordPress's
disallowed comment keys send it."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Block, Comment
from comments.moderation import find_block, normalise_block
from tests.factories import comment_form_data, make_comment, make_post, make_staff

CHANGELIST = reverse("admin:comments_comment_changelist")


@pytest.mark.parametrize(
    ("kind", "value", "stored"),
    [
        ("network", "203.0.113.7", "203.0.113.7/32"),
        ("network", "203.0.113.9/24", "203.0.113.0/24"),
        ("network", "2001:DB8::1/64", "2001:db8::/64"),
        ("email", "Spammer@Example.COM", "spammer@example.com"),
        ("email", "@example.com", "example.com"),
    ],
)
def test_entries_are_stored_in_one_form(kind, value, stored):
    assert normalise_block(kind, value) == stored


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("network", "203.0.113", "is not an IP address or network"),
        ("network", "0.0.0.0/0", "too wide a network"),
        ("email", "@", "is not an email address or a domain"),
        ("email", "localhost", "is not an email address or a domain"),
    ],
)
def test_bad_entries_say_why(kind, value, message):
    with pytest.raises(ValueError, match=message):
        normalise_block(kind, value)


BLOCKS = (
    ("network", "203.0.113.0/24"),
    ("network", "2001:db8::/48"),
    ("email", "spammer@example.com"),
    ("email", "junk.test"),
)


@pytest.mark.parametrize(
    ("ip_address", "email", "found"),
    [
        ("203.0.113.200", "ann@example.org", ("network", "203.0.113.0/24")),
        ("::ffff:203.0.113.5", "ann@example.org", ("network", "203.0.113.0/24")),
        ("2001:db8:0:1::9", "ann@example.org", ("network", "2001:db8::/48")),
        ("198.51.100.1", "SPAMMER@example.com", ("email", "spammer@example.com")),
        ("198.51.100.1", "a@mail.junk.test", ("email", "junk.test")),
        ("198.51.100.1", "a@notjunk.test", None),
        ("198.51.100.1", "other@example.com", None),
        ("2001:db9::1", "", None),
        ("", "", None),
    ],
)
def test_a_commenter_is_blocked_by_address_network_email_or_domain(ip_address, email, found):
    assert find_block(BLOCKS, ip_address=ip_address, email=email) == found


def post_from(post, address, **fields):
    Client(REMOTE_ADDR=address).post(
        reverse("comments:post", args=[post.pk]), comment_form_data(post, **fields)
    )
    return Comment.objects.latest("pk")


@pytest.mark.django_db
def test_a_blocked_commenters_comment_goes_to_the_trash_and_never_to_the_page():
    post = make_post()
    Block.objects.create(kind="network", value="203.0.113.0/24")
    Block.objects.create(kind="email", value="junk.test")
    by_address = post_from(post, "203.0.113.9", body="From a blocked network")
    by_domain = post_from(post, "198.51.100.1", email="a@mail.junk.test", body="From a blocked domain")
    fine = post_from(post, "198.51.100.1", body="From nowhere blocked")
    assert (by_address.status, by_address.status_reason) == ("removed", "blocked address 203.0.113.0/24")
    assert (by_domain.status, by_domain.status_reason) == ("removed", "blocked email junk.test")
    assert fine.status == "pending"
    Comment.objects.filter(pk=fine.pk).update(status="approved")
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "From nowhere blocked" in page
    assert "blocked network" not in page and "blocked domain" not in page


@pytest.mark.django_db
def test_a_moderator_blocks_a_network_from_the_queue_and_its_pending_comments_become_spam():
    client = Client()
    client.force_login(make_staff(groups=["Moderators"], username="mo"))
    post = make_post()
    held = make_comment(post=post, ip_address="203.0.113.7", body="Buy now")
    neighbour = make_comment(post=post, ip_address="203.0.113.99", body="Also buy")
    approved = make_comment(post=post, ip_address="203.0.113.8", status="approved")
    elsewhere = make_comment(post=post, ip_address="198.51.100.7")
    page = client.get(CHANGELIST, {"status__exact": "pending"}).content.decode()
    block = reverse("admin:comments_comment_block", args=[held.pk])
    assert f'formaction="{block}" name="what" value="network"' in page
    assert "Block network 203.0.113.0/24" in page and "Block this email" in page

    back = f"{CHANGELIST}?status__exact=pending"
    response = client.post(block, {"what": "network", "next": back}, follow=True)
    assert response.redirect_chain[-1][0] == back
    assert "Blocked 203.0.113.0/24: their comments go to the trash from now on; 2 pending comments" in (
        response.content.decode()
    )
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert [statuses[c.pk] for c in (held, neighbour, approved, elsewhere)] == [
        "spam",
        "spam",
        "approved",
        "pending",
    ]
    assert Block.objects.get().created_by.username == "mo"
    assert post_from(post, "203.0.113.50").status == "removed"


@pytest.mark.django_db
def test_blocking_an_email_from_the_change_view():
    client = Client()
    client.force_login(make_staff(groups=["Editors"]))
    held = make_comment(author_email="Spammer@Example.com")
    make_comment(author_email="spammer@example.com")
    page = client.get(reverse("admin:comments_comment_change", args=[held.pk])).content.decode()
    assert 'form="comment-block"' in page and '<form id="comment-block"' in page
    client.post(reverse("admin:comments_comment_block", args=[held.pk]), {"what": "email"})
    assert Block.objects.get().value == "spammer@example.com"
    assert set(Comment.objects.values_list("status", flat=True)) == {"spam"}


@pytest.mark.django_db
def test_a_post_author_moderating_their_own_comments_cannot_block():
    author = make_staff(groups=["Authors"])
    client = Client()
    client.force_login(author)
    held = make_comment(post=make_post(author=author), ip_address="203.0.113.7")
    assert "Block this address" not in client.get(CHANGELIST).content.decode()
    response = client.post(reverse("admin:comments_comment_block", args=[held.pk]), {"what": "address"})
    assert response.status_code == 403
    assert not Block.objects.exists()
