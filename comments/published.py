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

from django.db.models import F
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from comments.models import Comment, PublishedThread
from comments.signals import comments_changed
from comments.thread import render_thread

# Bump when comments.thread's markup changes, so stored threads are rendered again.
# 5: staff comments are badged "Author" or "Staff".
MARKUP_VERSION = "5"
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


def public_thread(post, closed, render_rows):
    """The stored thread of ``post`` as ``(html, count)``, rendered and stored first when stale.

    ``render_rows()`` reads the comments and returns ``(roots, count)``; it is
    called only when the stored thread is stale, after its version is noted.
    """
    wanted = stamp(closed)
    threads = PublishedThread.objects.filter(post=post)
    found = threads.values_list("stamp", "html", "count", "version").first()
    if found is not None and found[0] == wanted:
        return SafeString(found[1]), found[2]
    if found is None:
        PublishedThread.objects.bulk_create([PublishedThread(post=post)], ignore_conflicts=True)
        version = threads.values_list("version", flat=True).get()
    else:
        version = found[3]
    roots, count = render_rows()
    html = render_thread(roots, closed)
    threads.filter(version=version).update(html=html, count=count, stamp=wanted)
    return html, count
