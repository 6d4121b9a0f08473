"""A preview before posting: the text through the comments' own pipeline, nothing stored, the text kept."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db


def preview_url(post):
    return f"/comments/post/{post.pk}/preview/"


def test_preview_without_javascript_shows_the_rendering_and_the_form_with_the_text_kept():
    post = make_post()
    body = "Some *emphasis* and `a<b`."
    response = Client().post(preview_url(post), comment_form_data(post, body=body, name="", email=""))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<em>emphasis</em>" in content and "<code>a&lt;b</code>" in content
    assert "Some *emphasis* and `a&lt;b`.</textarea>" in content
    assert "noindex" in content
    assert not Comment.objects.exists()


def test_preview_of_a_reply_keeps_the_parent():
    post = make_post()
    parent = make_comment(post=post, status=Comment.Status.APPROVED, author_name="Ada")
    data = comment_form_data(post, body="Yes.", parent=str(parent.pk))
    content = Client().post(preview_url(post), data).content.decode()
    assert f'name="parent" value="{parent.pk}"' in content
    assert "Reply to <bdi>Ada</bdi>" in content


def test_preview_for_the_page_script_is_json():
    post = make_post()
    client = Client(headers={"Accept": "application/json"})
    response = client.post(preview_url(post), comment_form_data(post, body="A list:\n\n- one\n- two"))
    assert response.json() == {"html": "<p>A list:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"}
    empty = client.post(preview_url(post), comment_form_data(post, body="  "))
    assert empty.status_code == 400 and empty.json()["errors"]


def test_preview_refuses_a_form_sent_from_another_site_as_the_comment_post_does():
    post = make_post()
    headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
    response = Client(headers=headers).post(preview_url(post), comment_form_data(post, body="Hello."))
    assert response.status_code == 403
    assert "Hello." in response.content.decode()


def test_preview_is_only_posted():
    assert Client().get(preview_url(make_post())).status_code == 405
