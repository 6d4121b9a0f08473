"""Purge front caches by surrogate key: only the pages that show what changed.

A writer says what changed with ``purge_on_commit(keys)``; once its
transaction commits, one background job (``httpcache.tasks.purge``) sends
each front cache in ``HTTPCACHE_FRONT_CACHES`` one request naming the keys:
``PURGE /`` with ``xkey-purge: post-12 thread-12`` (Varnish with
varnish-modules' xkey, whose VCL hands the header to ``xkey.purge``). The job
retries (``jobs.background``) while a front cache is down; a purge is safe
to repeat. Without front caches nothing is queued.
"""

import logging
import threading
import urllib.request

from django.db import transaction

from httpcache import conf

logger = logging.getLogger(__name__)

HEADER = "xkey-purge"
# The keys this thread asked to purge that no committed transaction has sent yet.
_pending = threading.local()


def purge_request(front_cache, keys):
    """The request that purges ``keys`` from the front cache at ``front_cache`` (its base URL)."""
    return urllib.request.Request(
        front_cache.rstrip("/") + "/", method="PURGE", headers={HEADER: " ".join(sorted(keys))}
    )


def send(keys, front_caches=None):
    """Purge ``keys`` from every front cache; raise if one did not answer 2xx, after trying them all."""
    failed = []
    for front_cache in conf.get("FRONT_CACHES") if front_caches is None else front_caches:
        try:
            with urllib.request.urlopen(purge_request(front_cache, keys), timeout=conf.get("PURGE_TIMEOUT")):
                pass
        except OSError as error:
            failed.append(f"{front_cache}: {error}")
    if failed:
        raise ConnectionError("Purges failed: " + "; ".join(failed))


def purge_on_commit(keys, using=None):
    """Queue a purge of ``keys`` when the current transaction commits (at once outside one).

    However many rows one transaction writes, it queues one job: the first of
    its callbacks sends every key this thread asked for until then. Keys of a
    rolled-back transaction may ride along with the next one: a purge too
    many costs a page fetch, never a stale page.
    """
    keys = set(keys)
    if not keys or not conf.get("FRONT_CACHES"):
        return
    _pending.keys = getattr(_pending, "keys", set()) | keys
    transaction.on_commit(_flush, using=using, robust=True)


def _flush():
    from httpcache.tasks import purge

    keys, _pending.keys = getattr(_pending, "keys", set()), set()
    if keys:
        purge.enqueue(sorted(keys))
