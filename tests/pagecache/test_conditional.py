"""Post pages and feeds answer conditional GETs with 304 until something changes."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.factories import make_comment, make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def urls(post):
    return [post.get_absolute_url(), "/comments/feed/", f"/comments/feed/{post.pk}/"]


@pytest.mark.parametrize("which", range(3))
def test_an_unchanged_page_answers_304_to_its_etag(which):
    """If-None-Match with the page's ETag gets 304 Not Modified, with no body."""
    url = urls(make_post())[which]
    etag = Client().get(url)["ETag"]
    response = Client().get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.parametrize("which", range(3))
def test_a_change_gives_a_new_page_and_etag(which, django_capture_on_commit_callbacks):
    """After a comment is approved, the old ETag gets the whole new page."""
    post = make_post()
    url = urls(post)[which]
    etag = Client().get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(post=post, body="New word.", status=Comment.Status.APPROVED)
    response = Client().get(url, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "New word." in response.content.decode()
