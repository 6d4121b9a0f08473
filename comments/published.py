"""A post's thread as the public sees it: rendered once after each change and stored, like a post's body.

The thread of a popular post is hundreds of comments and was most of the
post page's work, yet it changes only when a comment is approved, edited,
withdrawn, removed or erased, and every reader without comments of their
own sees the same one. So its HTML is stored (``PublishedThread``) and a
page reads one row. A reader with comments of their own (held ones they
may see, recent ones they may edit) gets the thread rendered for them.

Staleness is kept out by a version, not by timing:

- ``invalidate`` runs inside the transaction that changes comments: it bumps
  the thread's ``version`` and clears its ``stamp``.
- A reader who finds the thread stale (or missing) notes its version, reads
  the comments, renders them, and stores the result only if the version is
  still the one it noted. A change committed meanwhile bumped it, so a render
  from older rows is never stored.
- The ``stamp`` names what else the HTML depends on: whether comments are
  closed (Reply links), the time zone and language of its dates, and the
  markup's version. When any of them differs, the next reader renders again.
"""

from django.db.models import F
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from comments.models import PublishedThread
from comments.thread import render_thread

# Bump when comments.thread's markup changes, so stored threads are rendered again.
MARKUP_VERSION = "2"


def stamp(closed):
    """What a thread rendered now, with comments ``closed`` or not, depends on besides the comments."""
    zone = timezone.get_current_timezone_name()
    return f"{MARKUP_VERSION}|{'closed' if closed else 'open'}|{zone}|{translation.get_language()}"


def invalidate(post_ids=None):
    """Mark the threads of ``post_ids`` (all when None) stale, inside the transaction that changes them."""
    threads = PublishedThread.objects.all()
    if post_ids is not None:
        threads = threads.filter(post_id__in=post_ids)
    threads.update(version=F("version") + 1, stamp="")


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
