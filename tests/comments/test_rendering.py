"""A comment reads as typed: code escaped once, lists and line breaks kept, links counted as shown."""

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from comments.models import Comment, body_stamp
from comments.moderation import count_links
from jobs.signals import worker_started
from tests.factories import make_comment
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def shown(body):
    """The comment's body as a reader's page has it."""
    comment = make_comment(body=body, status=Comment.Status.APPROVED)
    content = Client().get(comment.post.get_absolute_url()).content.decode()
    start = content.index(f'id="comment-{comment.pk}"')
    body_start = content.index('<div class="comment-body">', start)
    return content[body_start + len('<div class="comment-body">') : content.index("</div>", body_start)]


def test_code_is_escaped_once():
    """`a<b` shows as a<b: one &lt; in the HTML, never &amp;lt;."""
    html = shown("Use `a<b` here:\n\n```\nif a < b && c:\n```")
    assert "<code>a&lt;b</code>" in html
    assert "if a &lt; b &amp;&amp; c:" in html
    assert "&amp;lt;" not in html and "&amp;amp;" not in html


def test_lists_and_single_line_breaks_are_kept():
    html = shown("Two things:\n\n- one\n- two\n\nThen:\n\n1. first\n2. second\n\nLine one\nline two")
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n<li>second</li>\n</ol>" in html
    assert "<p>Line one<br>\nline two</p>" in html


def test_a_bare_domain_is_linked_and_counted():
    """What the page shows as a link counts towards the link rule, and nothing else does."""
    body = "Cheap at cheap-pills.com and pills.example.net/buy"
    html = shown(body)
    assert html.count("<a ") == 2 == count_links(body)
    assert 'rel="nofollow ugc noopener"' in html


def test_comments_rendered_by_an_older_pipeline_are_rendered_again_when_a_worker_starts(
    django_capture_on_commit_callbacks,
):
    """Stored comment HTML records what made it; a worker starting renders the stale ones again."""
    comment = make_comment(body="One\n\n- a\n- b", status=Comment.Status.APPROVED)
    Comment.objects.filter(pk=comment.pk).update(body_html="<p>One - a - b</p>", rendered_with="old")
    assert "<li>a</li>" not in Client().get(comment.post.get_absolute_url()).content.decode()
    worker_started.send(sender=None, worker_id="starting")
    with django_capture_on_commit_callbacks(execute=True):
        run_jobs()
    assert "<li>a</li>" in Client().get(comment.post.get_absolute_url()).content.decode()
    assert Comment.objects.get(pk=comment.pk).rendered_with == body_stamp()
    worker_started.send(sender=None, worker_id="again")
    assert not DBTaskResult.objects.ready().exists()
