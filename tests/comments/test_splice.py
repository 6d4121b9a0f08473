"""The comment thread goes into the post page after rendering, exactly once, and nothing else is touched."""

import pytest
from django.test import Client
from django.urls import reverse

from blog.splice import splice
from comments.models import Comment
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db


def test_splice_replaces_each_marker_once():
    content = b"<p>a</p><!--spliced-1--><p>b</p><!--spliced-2-->"
    spliced = {b"<!--spliced-1-->": "<li>één</li>".encode(), b"<!--spliced-2-->": b""}
    assert splice(content, spliced) == "<p>a</p><li>één</li><p>b</p>".encode()


def test_the_post_page_holds_the_whole_thread_and_no_placeholder():
    post = make_post()
    for number in range(3):
        make_comment(post=post, body=f"Comment number {number}, “quoted” ✓.", status=Comment.Status.APPROVED)
    response = Client().get(post.get_absolute_url())
    content = response.content.decode()
    for number in range(3):
        assert content.count(f"Comment number {number}, “quoted” ✓.") == 1
    assert "<!--spliced-" not in content
    assert int(response["Content-Length"]) == len(response.content)


def test_a_comment_that_looks_like_a_placeholder_cannot_stand_for_one():
    """Comments lose HTML comments to the allowlist, and a marker's name is random anyway."""
    post = make_post()
    make_comment(post=post, body="Try <!--spliced-0123456789abcdef--> here.", status=Comment.Status.APPROVED)
    content = Client().get(post.get_absolute_url()).content.decode()
    assert content.count(" here.") == 1
    assert "<!--spliced-" not in content


def test_a_commenter_with_comments_of_their_own_gets_the_shared_thread_spliced():
    """The writer's held comment is not in the page (their script adds it); the public thread is, once."""
    post = make_post()
    make_comment(post=post, body="Someone else’s approved comment.", status=Comment.Status.APPROVED)
    client = Client()
    data = comment_form_data(post, body="My comment, held for a moderator.")
    assert client.post(reverse("comments:post", args=[post.pk]), data).status_code == 302
    content = client.get(post.get_absolute_url()).content.decode()
    assert "My comment, held for a moderator." not in content
    assert content.count("Someone else’s approved comment.") == 1
    assert "<!--spliced-" not in content


def test_a_page_without_comments_has_no_placeholder():
    post = make_post()
    content = Client().get(post.get_absolute_url()).content.decode()
    assert "<!--spliced-" not in content
    assert "No comments" in content
