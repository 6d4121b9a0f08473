"""``comments.thread.render_thread`` writes exactly what the recursive template used to render.

``reference/comment.html`` is the template the thread was rendered with
before; each test renders a representative thread both ways.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.template import Context, Engine
from django.test import override_settings
from django.utils import timezone

from comments.models import Comment
from comments.selectors import Node, ThreadComment
from comments.thread import author_html, render_thread, timestamp_html

REFERENCE = (Path(__file__).parent / "reference" / "comment.html").read_text()
ENGINE = Engine(
    loaders=[("django.template.loaders.locmem.Loader", {"comments/includes/comment.html": REFERENCE})],
)
ROOTS = ENGINE.from_string(
    '{% for node in roots %}{% include "comments/includes/comment.html" %}{% endfor %}'
)


def comment(pk, status=Comment.Status.APPROVED, **fields):
    fields = {
        "parent_id": None,
        "author_name": f"Reader {pk}",
        "author_url": "",
        "body_html": f"<p>Comment {pk} &amp; <em>more</em>.</p>",
        "created": datetime(2026, 3, 4, 9, 5, 7, 123456, tzinfo=UTC),
        "edited": None,
        "staff_role": "",
        **fields,
    }
    return ThreadComment(pk=pk, status=status, **fields)


def representative_thread():
    """Roots and replies covering every branch: links, edits, held, own, hidden parent, nesting, badges."""
    hidden = Node(
        comment(1, Comment.Status.REMOVED),
        children=[
            Node(comment(2, author_url="https://ann.example/?a=1&b=<2>", author_name='Ann "A" <Smith>')),
            Node(
                comment(3, edited=datetime(2026, 3, 5, tzinfo=UTC)),
                children=[
                    Node(comment(4, created=datetime(2026, 12, 31, 23, 59, tzinfo=UTC), staff_role="author"))
                ],
            ),
        ],
    )
    own_held = Node(comment(5, Comment.Status.PENDING), own=True, editable=True)
    own_public = Node(
        comment(6, author_url="http://plain.example", staff_role="staff"), own=True, editable=True
    )
    spam_of_other = Node(comment(7, Comment.Status.SPAM))
    own_old = Node(comment(8, Comment.Status.SPAM), own=True)
    return [hidden, own_held, own_public, spam_of_other, own_old]


def template_render(roots, closed_reason):
    return ROOTS.render(Context({"roots": roots, "closed_reason": closed_reason}))


@pytest.mark.parametrize("closed_reason", ["", "This post is more than 30 days old."])
@pytest.mark.parametrize("zone", ["UTC", "Europe/Paris", "America/New_York"])
def test_thread_matches_the_template(closed_reason, zone):
    """Open or closed, in any time zone, the Python thread is byte for byte the template's."""
    roots = representative_thread()
    with override_settings(TIME_ZONE=zone), timezone.override(zone):
        assert render_thread(roots, closed_reason) == template_render(roots, closed_reason)


def test_empty_thread_is_empty():
    """A post without comments gives no markup."""
    assert render_thread([]) == ""


def test_author_names_and_websites_are_escaped():
    """A commenter's name and website are escaped; the body is the stored, sanitized HTML."""
    html = render_thread(
        [Node(comment(9, author_name="<script>x</script>", author_url='https://e.example/"x'))]
    )
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="https://e.example/&quot;x"' in html
    assert "<p>Comment 9 &amp; <em>more</em>.</p>" in html


@pytest.mark.parametrize("url", ["ftp://files.example/x", "javascript:alert(1)", "//no-scheme.example"])
def test_only_http_websites_are_links(url):
    """A website that is not http or https is shown as the plain name, never as a link."""
    assert author_html("Ann", url) == "<bdi>Ann</bdi>"


def test_timestamp_is_local_and_readable():
    """The ``<time>`` carries the ISO moment and the human date in the current time zone."""
    with timezone.override("Europe/Paris"):
        html = timestamp_html(datetime(2026, 3, 4, 9, 5, tzinfo=UTC))
    assert html == '<time datetime="2026-03-04T10:05:00+01:00">March 4, 2026, 10:05</time>'
