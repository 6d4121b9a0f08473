"""Limits on what anonymous visitors write, kept in Django's cache: how often.

Every write an anonymous visitor can make (posting, editing or withdrawing,
unsubscribing) is counted per email address, per IP address and per network
(IPv4 /24, IPv6 /64: one person's addresses usually share it) in fixed
windows of ``COMMENTS_RATE_WINDOW_SECONDS`` that start on multiples of the
window, so the seconds left in the current one are known without asking the
cache: they are the ``Retry-After`` of the 429. With a shared cache (Redis)
the limits hold across application servers; with local memory, per process.

The cache is a guard, not a store: when it is unreachable, the limits fail
open and a warning is logged, because a refused comment is a reader's words
lost while a few extra comments only wait in the moderation queue.
"""

import hashlib
import ipaddress
import logging
import math
import time

from django.core.cache import cache

from comments import conf

logger = logging.getLogger(__name__)

# Per action, the settings limiting it per address (email and IP) and per network.
LIMITS = {
    "post": ("RATE_LIMIT", "RATE_LIMIT_NETWORK"),
    "edit": ("EDIT_RATE_LIMIT", "EDIT_RATE_LIMIT_NETWORK"),
    "unsubscribe": ("UNSUBSCRIBE_RATE_LIMIT", "UNSUBSCRIBE_RATE_LIMIT_NETWORK"),
}


def network(ip_address):
    """The network ``ip_address`` is counted in: its /24 for IPv4, its /64 for IPv6."""
    address = ipaddress.ip_address(ip_address)
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def _key(action, kind, value, window_number):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"comments:rate:{action}:{kind}:{window_number}:{digest}"


def _count(key, timeout):
    cache.add(key, 0, timeout)
    try:
        return cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this hit starts a new count.
        cache.set(key, 1, timeout)
        return 1


def retry_after(*, action, email="", ip_address=None, now=None):
    """Count one ``action`` from ``email`` and ``ip_address``; the seconds to wait if it is one too many.

    None means go ahead: under every limit, or the cache is unreachable.
    """
    address_limit, network_limit = (conf.get(name) for name in LIMITS[action])
    window = max(conf.get("RATE_WINDOW_SECONDS"), 1)
    now = time.time() if now is None else now
    number = int(now // window)
    left = (number + 1) * window - now
    limits = []
    if address_limit:
        limits += [(_key(action, "email", email, number), address_limit)] if email else []
        limits += [(_key(action, "ip", ip_address, number), address_limit)] if ip_address else []
    if network_limit and ip_address:
        limits.append((_key(action, "net", network(ip_address), number), network_limit))
    try:
        over = [_count(key, math.ceil(left) + 1) > limit for key, limit in limits]
    except Exception as error:
        # Why broad: whatever the cache backend raises, the write must go ahead.
        logger.warning("Comment rate limits are off: the cache is unreachable (%s).", error)
        return None
    return max(math.ceil(left), 1) if any(over) else None
