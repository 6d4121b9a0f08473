"""The post page and the home page read comments in a fixed number of queries."""

import pytest
from django.test import Client, override_settings

from blog.models import Post
from comments.models import Comment
from comments.selectors import with_comment_counts
from tests.factories import make_comment, make_post

pytestmark = pytest.mark.django_db


def add_comments(post, number):
    """``number`` approved comments, every third a reply, plus held ones that must not show."""
    comments = []
    for index in range(number):
        parent = comments[index - 1] if index % 3 == 2 else None
        comments.append(
            Comment(
                post=post,
                parent=parent,
                depth=parent.depth + 1 if parent else 0,
                author_name=f"R{index}",
                author_email=f"r{index}@example.org",
                body=f"Comment {index}",
                body_html=f"<p>Comment {index}</p>",
                status=Comment.Status.APPROVED,
            )
        )
        if parent is None:
            Comment.objects.bulk_create([comments[-1]])
        else:
            comments[-1].save()
    make_comment(post=post, body="held")


def page_queries(django_assert_num_queries, url, expected):
    with django_assert_num_queries(expected):
        response = Client().get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("number", [0, 500])
@override_settings(COMMENTS_PER_PAGE=0)
def test_post_page_uses_a_fixed_number_of_queries(django_assert_num_queries, number):
    """Six queries (the post, its tags, its stored thread, its sources' ids, read once for the surrogate
    keys and related posts, the older and newer post) with no comments or 500; sharing nothing, it has no
    related posts to read.

    The first reader after a change renders and stores the thread: four more
    (make the row, note its version, read the comments, store); and the first
    page after an empty cache reads the discussion settings and the block list: two more.
    """
    post = make_post()
    add_comments(post, number)
    page_queries(django_assert_num_queries, post.get_absolute_url(), 6 + 4 + 2)
    response = page_queries(django_assert_num_queries, post.get_absolute_url(), 6)
    assert f"{number} comments" in response.content.decode() or number == 0
    assert "held" not in response.content.decode()


@pytest.mark.parametrize("posts", [1, 10])
def test_home_page_counts_comments_in_one_query(django_assert_num_queries, posts):
    """Next scheduled post and count (then cached), posts, their tags, one query for all comment counts."""
    for _ in range(posts):
        add_comments(make_post(), 3)
    response = page_queries(django_assert_num_queries, "/", 5)
    assert "3 comments" in response.content.decode()


def test_with_comment_counts_annotates_a_queryset(django_assert_num_queries):
    """with_comment_counts() gives each post its approved-comment count in the same query."""
    busy, quiet = make_post(), make_post()
    add_comments(busy, 4)
    with django_assert_num_queries(1):
        counts = {post.pk: post.approved_comment_count for post in with_comment_counts(Post.objects.all())}
    assert counts == {busy.pk: 4, quiet.pk: 0}
