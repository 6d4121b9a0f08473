"""The comments app plugs itself into the blog's pages and post admin, which know nothing of it."""

import pytest
from django.urls import reverse

from blog import hooks
from blog.admin import posts as posts_admin
from comments import selectors
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.django_db


def test_comments_fill_the_blogs_page_hooks():
    """The thread and form follow each post, each summary has its count, fetched once per list page."""
    assert "comments/includes/post_comments.html" in hooks.post_sections
    assert "comments/includes/post_summary_count.html" in hooks.summary_extras
    assert selectors.attach_comment_counts in hooks.list_preparers


def test_the_post_form_has_the_comments_switch_in_publishing(admin_client):
    """comments adds its "comments enabled" switch to the post form's Publishing section."""
    assert posts_admin.fields["Publishing"] == ["comments_enabled"]
    page = admin_client.get(reverse("admin:blog_post_change", args=[make_post().pk])).content.decode()
    assert 'name="comments_enabled"' in page


def test_a_list_counts_each_posts_approved_comments(client):
    """The home page's summaries say how many approved comments each post has."""
    post = make_post()
    make_comment(post=post, status="approved")
    make_comment(post=post)
    assert "1 comment</a>" in client.get("/").content.decode()
