"""Per-key versions: a change retires only the stored pages that carry one of its keys.

A page's keys are the surrogate keys ``httpcache`` names it by (``post-12``,
``thread-12``, ``posts``…). The shared cache holds a clock, a counter that
each retirement advances, and each key's version: the clock's value when the
key was last retired. A stored page records the clock as it read it before
it was rendered; it is current while every one of its keys has a version no
later than that. So a change committed while a page was being rendered
retires that page too, and a key whose version left the cache (a culled file,
an evicted Redis key) makes its pages misses rather than stale.

Checking a page is one ``get_many`` of its keys' versions; a retirement is
one ``incr`` and one ``set_many``, whatever number of pages it retires.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.utils.module_loading import import_string

CLOCK = "pagecache:clock"
# When the public pages next change by themselves (a scheduled post), as last looked up.
DUE = "pagecache:due"
PREFIX = "pagecache:key:"


def cache():
    return caches[settings.PAGECACHE_ALIAS]


def version_keys(keys):
    return [PREFIX + key for key in keys]


def seed():
    """A clock to start from: milliseconds since the epoch, above any version a lost clock gave out."""
    return time.time_ns() // 1_000_000


def start_clock():
    """The clock's value, starting it if the cache holds none (a new cache, or one that lost it)."""
    shared = cache()
    shared.add(CLOCK, seed(), timeout=None)
    return shared.get(CLOCK)


def retire(keys):
    """Retire every stored page carrying one of ``keys``: their versions pass every page rendered before."""
    if not keys:
        return
    shared = cache()
    shared.add(CLOCK, seed(), timeout=None)
    now = shared.incr(CLOCK)
    shared.set_many(dict.fromkeys(version_keys(keys), now), timeout=None)
    shared.delete(DUE)


def record(keys, rendered):
    """Give each of ``keys`` without a version the clock ``rendered`` (the page's), before storing it."""
    shared = cache()
    found = shared.get_many(version_keys(keys))
    for name in version_keys(keys):
        if name not in found:
            shared.add(name, rendered, timeout=None)


def is_current(keys, rendered, found=None):
    """Whether a page rendered at clock ``rendered`` with ``keys`` shows no retired version of them.

    ``found`` is a ``get_many`` that read their versions already, if any.
    """
    if not keys:
        return True
    names = version_keys(keys)
    if found is None:
        found = cache().get_many(names)
    return all(name in found and found[name] <= rendered for name in names)


def next_due(found, now):
    """When the public pages next change by themselves (epoch seconds), or None.

    ``PAGECACHE_NEXT_CHANGE`` names a function returning that moment (an aware
    datetime, or None), such as when the next scheduled post goes public. It
    is looked up again after each retirement and once the moment has passed.
    """
    due = found.get(DUE)
    if due is None or (due["at"] is not None and due["at"] <= now):
        path = settings.PAGECACHE_NEXT_CHANGE
        moment = import_string(path)() if path else None
        due = {"at": moment.timestamp() if moment else None}
        cache().set(DUE, due, timeout=None)
    return due["at"]
