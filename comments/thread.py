"""A post's comment thread as HTML, written in Python rather than by recursive template includes.

The thread of a popular post is hundreds of comments; rendering each through
Django's template engine (an ``{% include %}`` per comment, a ``date`` filter
per timestamp) cost most of the post page's time. ``render_thread`` writes
the same markup directly: it is a pure function of the ``selectors.Node``
trees and whether comments are closed.

Everything a commenter wrote is escaped here (name, website; with
``html.escape``, which ``django.utils.html.escape`` wraps) except the
body: ``Comment.body_html`` is the sanitized output of
``blog.rendering.render_comment``, made when the comment was saved, and is
inserted as stored (as the template's ``|safe`` did). Only ``http`` and
``https`` websites become links. Names are isolated in ``<bdi>``, so no
direction a name carries reorders the text around it.
"""

from datetime import tzinfo
from html import escape
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString

LINK_SCHEMES = {"http", "https"}
AWAITING_NOTICE = (
    '<p class="comment-status" role="status">Your comment is awaiting moderation. '
    "Only you can see it until a moderator approves it.</p>"
)
HIDDEN = '\n  <p class="comment-hidden">This comment is no longer shown.</p>\n  \n  '


class Clock(NamedTuple):
    """How timestamps read: the current time zone (None without ``USE_TZ``) and the month names."""

    zone: tzinfo | None
    months: tuple[str, ...]

    @classmethod
    def current(cls):
        """The active time zone and language, looked up once for a whole thread."""
        zone = timezone.get_current_timezone() if settings.USE_TZ else None
        return cls(zone, ("", *(str(MONTHS[number]) for number in range(1, 13))))


# A comment a signed-in author, editor or moderator wrote says so (``Comment.staff_role``, stored).
BADGES = {
    "author": ' <span class="comment-badge comment-badge-author">Author</span>',
    "staff": ' <span class="comment-badge comment-badge-staff">Staff</span>',
}


def render_thread(roots, closed=False):
    """The ``<li>`` of each root comment and its replies, as the thread's ``<ol>`` holds them."""
    return render_roots(roots, closed)[0]


def render_roots(roots, closed=False):
    """``render_thread``'s HTML, and where each root's ``<li>`` starts in it (in characters).

    Pages of a thread are cut at those offsets (``comments.published``).
    """
    parts, clock, offsets, length = [], Clock.current(), [], 0
    for node in roots:
        offsets.append(length)
        first = len(parts)
        _render_node(node, bool(closed), clock, parts)
        length += sum(len(part) for part in parts[first:])
    return SafeString("".join(parts)), offsets


def author_html(name, url):
    """The commenter's name, a ``nofollow`` link to their website when it is an http(s) address."""
    if url and urlsplit(url).scheme.lower() in LINK_SCHEMES:
        return f'<a href="{escape(url)}" rel="nofollow ugc noopener"><bdi>{escape(name)}</bdi></a>'
    return f"<bdi>{escape(name)}</bdi>"


def timestamp_html(moment, clock=None):
    """``<time>`` with the ISO 8601 moment and “March 4, 2026, 09:05”, both in the current time zone.

    The same text as the ``date`` filter's ``'c'`` and ``"F j, Y, H:i"``.
    """
    clock = clock or Clock.current()
    local = moment.astimezone(clock.zone) if clock.zone and timezone.is_aware(moment) else moment
    human = f"{clock.months[local.month]} {local.day}, {local.year:04d}, {local.hour:02d}:{local.minute:02d}"
    return f'<time datetime="{local.isoformat()}">{human}</time>'


def _render_node(node, closed, clock, parts):
    comment = node.comment
    pk = comment.pk
    awaiting = node.awaiting
    parts.append(f'<li class="comment{" comment-awaiting" if awaiting else ""}" id="comment-{pk}">\n  ')
    if node.public or awaiting:
        parts.append(
            f'\n  <article aria-labelledby="comment-{pk}-author">\n'
            f'    <p class="comment-meta">\n'
            f'      <span class="comment-author" id="comment-{pk}-author">'
            f"{author_html(comment.author_name, comment.author_url)}</span>"
            f"{BADGES.get(comment.staff_role, '')}\n"
            f'      · <a class="comment-permalink" href="#comment-{pk}">'
            f"{timestamp_html(comment.created, clock)}</a>"
            f"{f' · edited {timestamp_html(comment.edited, clock)}' if comment.edited else ''}\n"
            f"    </p>\n"
            f"    {AWAITING_NOTICE if awaiting else ''}\n"
            f'    <div class="comment-body">{comment.body_html}</div>\n'
            f"    {_actions_html(node, closed)}\n"
            f"  </article>\n  \n  "
        )
    else:
        parts.append(HIDDEN)
    if node.children:
        parts.append('\n  <ol class="comment-replies">\n    ')
        for child in node.children:
            _render_node(child, closed, clock, parts)
        parts.append("\n  </ol>\n  ")
    parts.append("\n</li>\n")


def _actions_html(node, closed):
    """Reply, and Edit and Withdraw for the writer.

    Reply is a link to the page with the form replying (so it works without
    JavaScript); ``static/js/comments.js`` moves the form under the comment instead.
    """
    reply = node.public and not closed
    if not (reply or node.editable):
        return ""
    comment = node.comment
    reply_html = (
        f'<a class="comment-reply" href="?replyto={comment.pk}#comment-form" data-reply-to="{comment.pk}">'
        "Reply"
        f'<span class="visually-hidden"> to <bdi>{escape(comment.author_name)}</bdi></span></a>'
        if reply
        else ""
    )
    edit_html = (
        f'<a href="{escape(reverse("comments:edit", args=[comment.pk]))}">Edit</a> '
        f'<a href="{escape(reverse("comments:withdraw", args=[comment.pk]))}">Withdraw</a>'
        if node.editable
        else ""
    )
    return f'\n    <p class="comment-actions">\n      {reply_html}\n      {edit_html}\n    </p>\n    '
