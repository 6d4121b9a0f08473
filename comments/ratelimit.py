"""Per-address and per-IP rate limits on posting comments, kept in Django's cache.

A fixed window: the first comment from an address starts a counter that lives
``COMMENTS_RATE_WINDOW_SECONDS``. With a shared cache (Redis) the limit holds
across application servers; with the default local-memory cache, per process.
"""

import hashlib

from django.core.cache import cache

from comments import conf


def _key(kind, value):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"comments:rate:{kind}:{digest}"


def _count(key, window):
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this hit starts a new window.
        cache.set(key, 1, window)
        return 1


def over_limit(*, email, ip_address):
    """Count one comment from ``email`` and ``ip_address``; True when either is over the limit."""
    limit = conf.get("RATE_LIMIT")
    if not limit:
        return False
    window = conf.get("RATE_WINDOW_SECONDS")
    keys = [_key("email", email)] + ([_key("ip", ip_address)] if ip_address else [])
    return max(_count(key, window) for key in keys) > limit
