"""Signed-in staff comment as themselves: the form pre-filled and read-only on their own (private) page,
the comment published at once and badged "Author" or "Staff" from a field stored with it; the anonymous
page stays the same bytes for everyone."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import comment_form_data, make_post, make_staff, make_user

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_posts_author_comments_pre_filled_approved_at_once_and_badged_author():
    author = make_staff(groups=["Authors"], first_name="Ada", last_name="Byron", email="ada@example.com")
    post = make_post(author=author)
    client = signed_in(author)
    page = client.get(post.get_absolute_url())
    html = page.content.decode()
    assert 'value="Ada Byron"' in html and 'value="ada@example.com"' in html
    assert html.count("readonly") >= 2
    assert "private" in page["Cache-Control"]

    sent = comment_form_data(post, name="Somebody Else", email="else@example.org", body="Thanks, all.")
    response = client.post(reverse("comments:post", args=[post.pk]), sent)
    comment = Comment.objects.get()
    assert response.url == f"{post.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author_name, comment.author_email, comment.status, comment.staff_role) == (
        "Ada Byron",
        "ada@example.com",
        "approved",
        "author",
    )
    public = Client().get(post.get_absolute_url()).content.decode()
    assert 'comment-badge-author">Author</span>' in public
    assert "Thanks, all." in public


def test_a_moderator_is_badged_staff_and_a_reader_with_the_same_name_is_not():
    post = make_post()
    moderator = make_staff(groups=["Moderators"], username="mo", email="mo@example.com")
    signed_in(moderator).post(
        reverse("comments:post", args=[post.pk]), comment_form_data(post, body="From staff.")
    )
    Client().post(
        reverse("comments:post", args=[post.pk]),
        comment_form_data(post, name="mo", email="mo@example.com", body="Impostor."),
    )
    staff, impostor = Comment.objects.order_by("pk")
    assert (staff.status, staff.staff_role) == ("approved", "staff")
    assert (impostor.status, impostor.staff_role) == ("pending", "")
    assert Client().get(post.get_absolute_url()).content.decode().count(">Staff</span>") == 1


def test_the_anonymous_page_is_the_same_bytes_for_every_visitor_and_carries_no_identity():
    author = make_staff(groups=["Authors"], first_name="Ada", email="ada@example.com")
    post = make_post(author=author)
    signed_in(author).get(post.get_absolute_url())
    first = Client().get(post.get_absolute_url())
    second = Client(HTTP_USER_AGENT="Other").get(post.get_absolute_url())
    assert first.content == second.content
    assert "ada@example.com" not in first.content.decode() and "readonly" not in first.content.decode()


def test_a_signed_in_reader_who_is_not_staff_is_moderated_as_anyone():
    reader = make_user(email="reader@example.org")
    post = make_post()
    client = signed_in(reader)
    assert "readonly" not in client.get(post.get_absolute_url()).content.decode()
    client.post(reverse("comments:post", args=[post.pk]), comment_form_data(post))
    assert Comment.objects.get().status == "pending"
