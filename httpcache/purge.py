"""Announce what changed, by surrogate key, and purge the caches outside the site of exactly those pages.

A writer says what changed with ``purge_on_commit(keys)`` (``httpcache.receivers``
does it for the models and signals apps name). Once its transaction commits,
the keys are announced once (``httpcache.signals.keys_changed``: the single
box's page cache retires its pages there), then purged from:

- each front cache in ``HTTPCACHE_FRONT_CACHES``: ``PURGE /`` with
  ``xkey-purge: post-12 thread-12`` (Varnish with varnish-modules' xkey,
  whose VCL hands the header to ``xkey.purge``);
- the CDN of ``HTTPCACHE_CDN``: Cloudflare's purge by cache tag
  (``POST /client/v4/zones/{zone}/purge_cache`` with ``{"tags": [...]}``) or
  Fastly's purge by surrogate key (``POST /service/{id}/purge`` with a
  ``Surrogate-Key`` header), in batches of as many keys as each accepts.

The front caches are purged at once, by the committing process: a reader
sees the change after one page fetch, not after a worker's next look at the
queue. What that does not reach (a front cache that did not answer within
``HTTPCACHE_PURGE_NOW_TIMEOUT``, and the CDN, whose API is far and slow) goes
to a background job (``httpcache.tasks.purge``), which fails, and so is
retried (``jobs.background``), while any of them does not answer 2xx; a
purge is safe to repeat. A page the front cache fetched while the change
committed is stored just after the purge, without the change: the
project's VCL stores such a fetch already stale. The CDN, which may have
refetched the page from the front cache before that had the new one, is
purged again ``HTTPCACHE_PURGE_AGAIN_SECONDS`` later.
"""

import json
import logging
import threading
import urllib.request
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

from httpcache import conf
from httpcache.signals import keys_changed

logger = logging.getLogger(__name__)

HEADER = "xkey-purge"
# Cloudflare takes up to 30 cache tags per purge request (more on some plans).
CLOUDFLARE_BATCH = 30
# Fastly takes up to 256 surrogate keys per purge request.
FASTLY_BATCH = 256
API_URLS = {"cloudflare": "https://api.cloudflare.com", "fastly": "https://api.fastly.com"}
# The keys this thread asked to purge that no committed transaction has announced yet.
_pending = threading.local()


def batches(keys, size):
    keys = sorted(keys)
    return [keys[start : start + size] for start in range(0, len(keys), size)]


def front_cache_request(front_cache, keys):
    """The request that purges ``keys`` from the front cache at ``front_cache`` (its base URL)."""
    return urllib.request.Request(
        front_cache.rstrip("/") + "/", method="PURGE", headers={HEADER: " ".join(sorted(keys))}
    )


def cloudflare_requests(base, zone, token, keys):
    """Cloudflare's purge by cache tag (the ``Cache-Tag`` header the pages carry), a request per batch."""
    return [
        urllib.request.Request(
            f"{base}/client/v4/zones/{zone}/purge_cache",
            method="POST",
            data=json.dumps({"tags": batch}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        for batch in batches(keys, CLOUDFLARE_BATCH)
    ]


def fastly_requests(base, service, token, keys):
    """Fastly's purge by surrogate key (the ``Surrogate-Key`` header the pages carry), a request per batch."""
    return [
        urllib.request.Request(
            f"{base}/service/{service}/purge",
            method="POST",
            headers={"Fastly-Key": token, "Surrogate-Key": " ".join(batch), "Accept": "application/json"},
        )
        for batch in batches(keys, FASTLY_BATCH)
    ]


CDN_REQUESTS = {"cloudflare": cloudflare_requests, "fastly": fastly_requests}


def cdn_requests(keys):
    """The requests that purge ``keys`` from ``HTTPCACHE_CDN``: none without one."""
    name = conf.get("CDN")
    if not name:
        return []
    if name not in CDN_REQUESTS:
        raise ImproperlyConfigured(f"HTTPCACHE_CDN must be cloudflare or fastly, got {name!r}.")
    base = (conf.get("CDN_API_URL") or API_URLS[name]).rstrip("/")
    return CDN_REQUESTS[name](base, conf.get("CDN_ID"), conf.get("CDN_TOKEN"), keys)


def requests(keys, front_caches=True, cdn=True):
    """The requests a purge of ``keys`` sends: one per front cache, then the CDN's."""
    found = [front_cache_request(url, keys) for url in conf.get("FRONT_CACHES")] if front_caches else []
    return found + (cdn_requests(keys) if cdn else [])


def send(keys, front_caches=True, cdn=True, timeout=None):
    """Purge ``keys`` from the front caches and the CDN; raise if one did not answer 2xx, after trying all."""
    failed = []
    for request in requests(keys, front_caches, cdn):
        try:
            with urllib.request.urlopen(request, timeout=timeout or conf.get("PURGE_TIMEOUT")):
                pass
        except OSError as error:
            failed.append(f"{request.get_method()} {request.full_url}: {error}")
    if failed:
        raise ConnectionError("Purges failed: " + "; ".join(failed))


def purge_on_commit(keys, using=None):
    """Announce and purge ``keys`` when the current transaction commits, at once outside one.

    However many rows one transaction writes, it announces once: the first of
    its callbacks sends every key this thread asked for until then. Keys of a
    rolled-back transaction may ride along with the next one: a purge too
    many costs a page fetch, never a stale page.
    """
    keys = set(keys)
    if not keys:
        return
    _pending.keys = getattr(_pending, "keys", set()) | keys
    transaction.on_commit(_flush, using=using, robust=True)


def _flush():
    from httpcache.tasks import purge

    keys, _pending.keys = getattr(_pending, "keys", set()), set()
    if not keys:
        return
    # Listeners first: the page cache behind a front cache retires its pages before any purge
    # goes out, or the front cache could refetch the page it still holds.
    # A listener that fails must not keep the others from hearing of the change.
    for receiver, error in keys_changed.send_robust(sender=purge_on_commit, keys=keys):
        if error is not None:
            logger.error("%r failed on changed keys", receiver, exc_info=error)
    if not (conf.get("FRONT_CACHES") or conf.get("CDN")):
        return
    purged_now = _purge_front_caches_now(keys)
    if not purged_now or conf.get("CDN"):
        purge.enqueue(sorted(keys), front_caches=not purged_now)
    again = conf.get("PURGE_AGAIN_SECONDS")
    if again and conf.get("CDN"):
        later = purge.using(run_after=timezone.now() + timedelta(seconds=again))
        later.enqueue(sorted(keys), front_caches=False)


def _purge_front_caches_now(keys):
    """Purge ``keys`` from every front cache at once; False if one did not answer (the job will)."""
    if not conf.get("FRONT_CACHES"):
        return True
    try:
        send(keys, cdn=False, timeout=conf.get("PURGE_NOW_TIMEOUT"))
    except ConnectionError as error:
        logger.warning("%s: queued for the worker", error)
        return False
    return True
