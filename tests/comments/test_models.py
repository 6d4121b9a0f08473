"""The Comment model: stored sanitized HTML, permalinks, and the querysets reads build on."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from comments.models import Comment
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.django_db


def test_saving_stores_the_body_rendered_under_the_reader_allowlist():
    """The body is kept as written and rendered to HTML with scripts, images and headings stripped."""
    body = "# Big\n\n*hi* <script>alert(1)</script> ![x](https://img.example/x.png) [l](javascript:alert(1))"
    comment = make_comment(body=body)
    assert comment.body == body
    html = comment.body_html
    assert "<em>hi</em>" in html
    for forbidden in ["<script", "<img", "<h1", "javascript:"]:
        assert forbidden not in html


def test_quotes_code_and_links_survive():
    """Quotes, code and links are in the comment subset; links are nofollow ugc noopener."""
    html = make_comment(body="> quoted\n\n`code` and [a link](https://example.org)").body_html
    assert "<blockquote>" in html and "<code>code</code>" in html
    assert 'rel="nofollow ugc noopener"' in html


def test_permalink_is_the_comment_address_that_finds_its_page():
    """A comment's URL is /comments/<id>/, which redirects to the page of the thread with its anchor."""
    comment = make_comment(status=Comment.Status.APPROVED)
    assert comment.get_absolute_url() == f"/comments/{comment.pk}/"


def test_by_email_ignores_case_and_spaces():
    """Finding a commenter's comments ignores the case of the address."""
    comment = make_comment(author_email="Ann@Example.ORG")
    make_comment(author_email="bob@example.org")
    assert list(Comment.objects.by_email(" ann@example.org ")) == [comment]


def test_public_means_approved_on_a_published_post():
    """Only approved comments on published, not scheduled or draft, posts are public."""
    shown = make_comment(status=Comment.Status.APPROVED)
    make_comment()
    make_comment(post=make_post(status=Post.Status.DRAFT), status=Comment.Status.APPROVED)
    make_comment(
        post=make_post(publish_at=timezone.now() + timedelta(hours=1)), status=Comment.Status.APPROVED
    )
    assert list(Comment.objects.public()) == [shown]


def test_statuses_are_the_four_of_the_design():
    """A comment is pending, approved, spam or removed, and new ones start pending."""
    assert Comment.Status.values == ["pending", "approved", "spam", "removed"]
    assert make_comment().status == Comment.Status.PENDING
