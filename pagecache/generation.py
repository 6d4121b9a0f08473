"""The site-wide generation: which version of the public pages is current.

Every cached page is stored under the generation it was rendered in. The
generation lives in the shared cache, so bumping it on one application server
retires every cached page on all of them at once. It also records when it
began (the site's Last-Modified) and when the pages next change by themselves,
as when a scheduled post goes public (``PAGECACHE_NEXT_CHANGE`` says when):
that moment retires it too, without anyone saving anything. With Redis, a
bump is also announced, so each process keeps its own copy of the current
generation instead of reading it per request (``pagecache.subscription``).

Writers do not bump directly: ``retire()`` bumps once the transaction
commits, once however many rows it saved. A long task that commits many
transactions (re-rendering every post) writes without the models' signals
and announces its change once, at its end.
"""

import logging
import threading
import time
import uuid
import weakref
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.utils.module_loading import import_string

from pagecache.subscription import Subscription, redis_client

KEY = "pagecache:generation"

logger = logging.getLogger(__name__)


class Generation(NamedTuple):
    token: str
    changed: float
    due: float | None


def cache():
    return caches[settings.PAGECACHE_ALIAS]


# By cache object (one per thread, and a new one when the settings change).
_subscriptions = weakref.WeakKeyDictionary()


def subscription():
    """This process's subscription to the announcements of the page cache's Redis, or None without Redis."""
    shared = cache()
    found = _subscriptions.get(shared)
    if found is None and isinstance(shared, RedisCache):
        client = redis_client(shared)
        # Channels are not per database: two sites on one Redis must not hear each other.
        channel = f"{shared.make_key(KEY)}:db{client.connection_pool.connection_kwargs.get('db', 0)}"
        found = _subscriptions[shared] = Subscription(client, channel, read=lambda: cache().get(KEY))
    return found


def known():
    """The current generation as this process knows it without asking the cache, or None (ask it)."""
    watching = subscription()
    return watching.known() if watching is not None else None


def next_due():
    """When the public pages next change by themselves (epoch seconds), or None.

    ``PAGECACHE_NEXT_CHANGE`` names a function returning that moment (an
    aware datetime, or None), such as when the next scheduled post goes public.
    """
    path = settings.PAGECACHE_NEXT_CHANGE
    moment = import_string(path)() if path else None
    return moment.timestamp() if moment else None


def bump():
    """Start a new generation, retiring every cached page; return it."""
    generation = Generation(uuid.uuid4().hex, time.time(), next_due())
    cache().set(KEY, generation, timeout=None)
    watching = subscription()
    if watching is not None:
        watching.client.publish(watching.channel, generation.token)
        watching.forget()
    return generation


def bump_quietly():
    """``bump()`` for after a commit: the write has happened, so a cache outage is logged, not raised.

    Pages cached before it then live out ``PAGECACHE_SECONDS`` at most.
    """
    try:
        bump()
    except Exception:
        logger.exception("Could not retire the cached pages; they expire within PAGECACHE_SECONDS.")


class Asked(threading.local):
    """This thread's count of retirements asked for, and how many of them a bump has covered."""

    asked = 0
    covered = 0


_asked = Asked()


def retire(using=None):
    """Retire every cached page once the current transaction commits: the one way writers ask for it.

    However many times one transaction asks (an import saving 5,000 rows
    asks 5,000 times), it bumps once: the first of its callbacks bumps, and
    that bump covers every retirement this thread asked for until then,
    since all of them were in the transaction that just committed. Outside
    a transaction it bumps now, and a rolled-back change bumps nothing.
    """
    _asked.asked += 1
    number = _asked.asked

    def committed():
        if number > _asked.covered:
            _asked.covered = _asked.asked
            bump_quietly()

    transaction.on_commit(committed, using=using, robust=True)


def current(now=None):
    """The current generation, starting a new one when there is none or a scheduled post came due."""
    return valid(cache().get(KEY), now)


def valid(generation, now=None):
    """``generation`` as read from the cache (under ``KEY``), or a new one if it is missing or past due."""
    if generation is None or (generation.due is not None and (now or time.time()) >= generation.due):
        return bump()
    return generation
