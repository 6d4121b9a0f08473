"""A post's thread as the public sees it: rendered once after each change and stored, like a post's body.

The thread of a popular post is hundreds of comments and was most of the
post page's work, yet it changes only when a comment is approved, edited,
withdrawn, removed or erased, and every reader without comments of their
own sees the same one. So its HTML is stored (``PublishedThread``) and a
page reads one row. A reader with comments of their own (held ones they
may see, recent ones they may edit) gets the thread rendered for them.

This module owns the stored threads: every writer of comments (the views'
services, moderation, the admin, privacy erasure, the WordPress importer)
calls ``changed()`` in its transaction, directly or through the model's
save and delete signals, and nothing else writes them.

Staleness is kept out by a version, not by timing:

- ``changed`` runs inside the transaction that changes comments: it bumps
  the threads' ``version`` and clears their ``stamp``, and sends
  ``comments_changed`` so the pages showing them retire when it commits.
- A reader who finds the thread stale (or missing) notes its version, reads
  the comments, renders them, and stores the result only if the version is
  still the one it noted. A change committed meanwhile bumped it, so a render
  from older rows is never stored.
- The ``stamp`` records what else the HTML was made from: the markup's
  version, whether comments are closed (Reply links), and the time zone and
  language of its dates. When any of them differs, the next reader renders
  again. Nothing else is read while rendering: a comment's depth and parent
  are stored with it when written (``COMMENTS_MAX_DEPTH`` applies then), and
  its body's HTML is rendered when it is saved.
"""

from typing import NamedTuple

from django.db.models import Case, F, Value, When
from django.db.models.functions import Length, StrIndex, Substr
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from comments import paging
from comments.models import Comment, PublishedThread
from comments.signals import comments_changed
from comments.thread import render_roots

# Bump when comments.thread's markup changes, so stored threads are rendered again.
# 5: staff comments are badged "Author" or "Staff".
# 6: Reply links name the comment for comments.js; roots' offsets stored.
MARKUP_VERSION = "6"
# What of a comment its thread shows (as a field's name or attname); a change to
# anything else (an IP address, a subscription) changes no page.
SHOWN_FIELDS = frozenset(
    {"post", "post_id", "parent", "parent_id", "depth", "status", "created", "edited"}
    | {"author_name", "author_url", "body", "body_html", "staff_role"}
)


def stamp(closed):
    """What a thread rendered now, with comments ``closed`` or not, is made from besides the comments."""
    return " ".join(
        [
            f"markup={MARKUP_VERSION}",
            f"closed={int(bool(closed))}",
            f"zone={timezone.get_current_timezone_name()}",
            f"language={translation.get_language()}",
        ]
    )


def changed(post_ids=None, fields=None):
    """Announce a change to the comments of ``post_ids`` (every post when None), inside its transaction.

    The stored threads of those posts are rendered again by their next
    reader, and ``comments_changed`` tells the pages that show them (the page
    cache retires them once the transaction commits). ``fields``, when
    given, names what changed: if a thread shows none of it, nothing is
    announced.
    """
    if fields is not None and not SHOWN_FIELDS.intersection(fields):
        return
    threads = PublishedThread.objects.all()
    if post_ids is not None:
        post_ids = set(post_ids)
        if not post_ids:
            return
        threads = threads.filter(post_id__in=post_ids)
    threads.update(version=F("version") + 1, stamp="")
    comments_changed.send(sender=Comment, post_ids=post_ids)


class ThreadPage(NamedTuple):
    """One page of a post's stored thread: its ``<li>`` items, and where it stands among the pages."""

    html: SafeString
    count: int
    number: int
    pages: int
    default: int
    found: bool  # whether the comment asked for is in the thread


def public_page(post, closed, render_rows, wanted_page=None, comment_id=None):
    """The page of ``post``'s stored thread that a reader asks for, rendered and stored first when stale.

    ``wanted_page`` is the page number asked for (the default page, by
    ``paging.Paging``, when None or out of range); ``comment_id``, when given
    and in the thread, picks the page holding it instead. ``render_rows()``
    reads the comments and returns ``(roots, count)``; it is called only when
    the stored thread is stale, after its version is noted.

    When fresh, one query for a thread of one page and two for a longer one,
    however long: the page's part of the HTML is all that is read of it.
    """
    wanted = stamp(closed)
    pages = paging.Paging.current()
    threads = PublishedThread.objects.filter(post=post)
    one_page = When(roots__lte=pages.per_page, then="html")
    annotations = {"whole": Case(one_page, default=Value(None)) if pages.per_page else F("html")}
    if comment_id is not None:
        annotations["found_at"] = StrIndex("html", Value(comment_anchor(comment_id)))
    fields = ["stamp", "count", "root_offsets", "version", *annotations]
    found = threads.annotate(**annotations).values(*fields).first()
    if found is not None and found["stamp"] == wanted:
        at = found["found_at"] - 1 if found.get("found_at") else None
        page = pages.page(found["root_offsets"], wanted_page, at)
        part = found["whole"] if found["whole"] is not None else _stored_part(threads, page.start, page.stop)
        return ThreadPage(pages.arrange(part, page), found["count"], *page.where, at is not None)
    if found is None:
        PublishedThread.objects.bulk_create([PublishedThread(post=post)], ignore_conflicts=True)
        version = threads.values_list("version", flat=True).get()
    else:
        version = found["version"]
    roots, count = render_rows()
    html, offsets = render_roots(roots, closed)
    threads.filter(version=version).update(
        html=html, count=count, root_offsets=offsets, roots=len(offsets), stamp=wanted
    )
    at = html.find(comment_anchor(comment_id)) if comment_id is not None else -1
    page = pages.page(offsets, wanted_page, at if at >= 0 else None)
    stop = len(html) if page.stop is None else page.stop
    return ThreadPage(pages.arrange(html[page.start : stop], page), count, *page.where, at >= 0)


def comment_anchor(pk):
    """What marks comment ``pk``'s ``<li>`` in a thread's HTML."""
    return f'id="comment-{pk}"'


def _stored_part(threads, start, stop):
    """The stored HTML from character ``start`` to ``stop`` (the end when None), read as only that."""
    length = Length("html") if stop is None else Value(stop - start)
    return threads.annotate(part=Substr("html", start + 1, length)).values_list("part", flat=True).get()
