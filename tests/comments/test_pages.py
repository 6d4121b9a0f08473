"""Long threads come in pages of top-level comments, as WordPress's "Break comments into pages"."""

import gzip
import re

import pytest
from django.test import Client, override_settings

from blog.seo import absolute_url
from comments.models import Comment
from tests.comments.test_queries import add_comments, page_queries
from tests.factories import comment_form_data, make_comment, make_post

pytestmark = pytest.mark.django_db

APPROVED = Comment.Status.APPROVED


def thread_of(post, roots=7):
    """``roots`` top-level comments, oldest first, each with a reply and the reply a reply."""
    tops, replies = [], []
    for number in range(roots):
        top = make_comment(post=post, status=APPROVED, body=f"Top {number}.")
        reply = make_comment(post=post, parent=top, status=APPROVED, body=f"Reply {number}.")
        make_comment(post=post, parent=reply, status=APPROVED, body=f"Deeper {number}.")
        tops.append(top)
        replies.append(reply)
    return tops, replies


def shown(content):
    """The top-level comments' bodies a page shows, in order."""
    return re.findall(r"<p>Top (\d+)\.</p>", content)


def get(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


@override_settings(COMMENTS_PER_PAGE=3, COMMENTS_DEFAULT_PAGE="last", COMMENTS_ORDER="oldest")
def test_the_post_shows_the_newest_page_and_older_pages_have_their_own_address():
    """7 top-level comments by 3: the post shows the 7th; ?cpage=1 the oldest three with their replies."""
    post = make_post()
    thread_of(post)
    url = post.get_absolute_url()
    default = get(url)
    assert shown(default) == ["6"]
    assert "Reply 6." in default and "Deeper 6." in default
    assert "21 comments" in default
    assert "Page 3 of 3 of comments." in default
    assert f'<link rel="canonical" href="{absolute_url(url)}">' in default
    assert f'<link rel="prev" href="{url}?cpage=2">' in default
    assert 'rel="next"' not in default.split("</head>")[0]
    first = get(f"{url}?cpage=1")
    assert shown(first) == ["0", "1", "2"]
    assert all(f"Deeper {number}." in first for number in range(3)) and "Deeper 3." not in first
    assert f'<link rel="canonical" href="{absolute_url(url)}?cpage=1">' in first
    assert f'<link rel="next" href="{url}?cpage=2">' in first
    assert f'<a href="{url}#comments" rel="next">Newer comments</a>' in get(f"{url}?cpage=2")
    # A page that is not there is the post's own page, canonically so.
    assert shown(get(f"{url}?cpage=9")) == ["6"] and shown(get(f"{url}?cpage=x")) == ["6"]


@override_settings(COMMENTS_PER_PAGE=3, COMMENTS_DEFAULT_PAGE="first", COMMENTS_ORDER="newest")
def test_oldest_page_by_default_with_newest_first_within_a_page():
    """Page 1 always holds the oldest comments; COMMENTS_ORDER turns them round within the page."""
    post = make_post()
    thread_of(post)
    url = post.get_absolute_url()
    assert shown(get(url)) == ["2", "1", "0"]
    assert shown(get(f"{url}?cpage=3")) == ["6"]
    assert shown(get(f"{url}?cpage=2")) == ["5", "4", "3"]


@override_settings(COMMENTS_PER_PAGE=0)
def test_no_paging_shows_every_comment():
    post = make_post()
    thread_of(post)
    content = get(post.get_absolute_url())
    assert shown(content) == [str(number) for number in range(7)]
    assert "comment-pages" not in content


@override_settings(COMMENTS_PER_PAGE=3)
def test_every_permalink_finds_its_page():
    """/comments/<id>/ redirects to the page holding the comment, at its anchor; a reply goes with its top."""
    post = make_post()
    tops, replies = thread_of(post)
    url = post.get_absolute_url()
    client = Client()
    for comment, page_url in [
        (tops[1], f"{url}?cpage=1"),
        (replies[4], f"{url}?cpage=2"),
        (tops[6], url),
    ]:
        response = client.get(comment.get_absolute_url())
        assert response.status_code == 302
        assert response["Location"] == f"{page_url}#comment-{comment.pk}"
        assert f'id="comment-{comment.pk}"' in get(response["Location"])
    held = make_comment(post=post, status=Comment.Status.PENDING)
    assert client.get(held.get_absolute_url())["Location"] == f"{url}#comments"


@override_settings(COMMENTS_PER_PAGE=3)
def test_a_removed_comment_kept_for_its_replies_is_found_too():
    post = make_post()
    tops, _ = thread_of(post)
    Comment.objects.filter(pk=tops[0].pk).update(status=Comment.Status.REMOVED)
    make_comment(post=post, status=APPROVED)  # a change: the thread is rendered again
    response = Client().get(tops[0].get_absolute_url())
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=1#comment-{tops[0].pk}"


@override_settings(COMMENTS_PER_PAGE=3)
def test_a_posted_comment_leads_to_its_page():
    post = make_post()
    tops, _ = thread_of(post)
    make_comment(post=post, status=APPROVED, author_name="Ann", author_email="ann@example.org")
    data = comment_form_data(post, name="Ann", email="ann@example.org", parent=str(tops[0].pk))
    response = Client().post(f"/comments/post/{post.pk}/", data)
    reply = Comment.objects.latest("pk")
    assert reply.is_public
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=1#comment-{reply.pk}"


@override_settings(COMMENTS_PER_PAGE=3)
def test_reply_without_javascript_shows_the_page_of_the_comment_with_the_form_naming_it():
    """?replyto=<id> shows the page holding that comment, and the form replies to it by name."""
    post = make_post()
    tops, _ = thread_of(post)
    content = get(f"{post.get_absolute_url()}?replyto={tops[1].pk}")
    assert shown(content) == ["0", "1", "2"]
    assert f'Replying to <a href="#comment-{tops[1].pk}">' in content
    assert f'name="parent" value="{tops[1].pk}"' in content
    assert f'<link rel="canonical" href="{absolute_url(post.get_absolute_url())}?cpage=1">' in content


@pytest.mark.parametrize("roots", [40, 400])
@override_settings(COMMENTS_PER_PAGE=10)
def test_a_page_of_comments_costs_the_same_queries_whatever_the_thread_length(
    django_assert_num_queries, roots
):
    """The post page's six, and one more to read the page's part of the stored thread, for any page.

    The first reader renders the thread (four more) and reads the discussion settings and block list (two).
    """
    post = make_post()
    add_comments(post, roots)
    url = post.get_absolute_url()
    page_queries(django_assert_num_queries, url, 6 + 4 + 2)
    for page_url in (url, f"{url}?cpage=1", f"{url}?cpage=2"):
        content = page_queries(django_assert_num_queries, page_url, 7).content.decode()
        assert content.count('<li class="comment"') >= 10


@override_settings(COMMENTS_PER_PAGE=3)
def test_pages_of_comments_are_shared_compressed_and_keyed_by_their_thread(settings):
    """Every page of comments is public, gzipped and tagged with the thread's surrogate key."""
    post = make_post()
    thread_of(post)
    for url in (post.get_absolute_url(), f"{post.get_absolute_url()}?cpage=1"):
        response = Client().get(url, headers={"Accept-Encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert "public" in response["Cache-Control"]
        assert f"thread-{post.pk}" in response["Surrogate-Key"].split()
        assert "Top" in gzip.decompress(response.content).decode()
