"""This process's copy of the current generation, kept fresh by announcements from Redis.

Reading the generation from the shared cache on every request costs a
round trip, which was most of what a cache hit cost. With a Redis cache,
each process instead subscribes to a channel on which every ``bump()`` is
announced, and reads the generation again only when an announcement
arrives. Checking for one is a non-blocking read of the subscription's
socket at the start of each request: an announcement reaches every server
within the network's delay of the change, and on one machine before any
request that follows the change can.

Whenever the subscription is not working (no Redis, Redis unreachable, a
lost connection) ``Subscription.known()`` answers None and the caller reads
the generation from the cache, as before. Every ``RECHECK_SECONDS`` the
generation is read anyway, so a connection that died silently, or a
flushed cache, costs at most that long.
"""

import contextlib
import logging
import os
import select
import threading
import time

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 5
# After a failure, how long to serve by reading the cache before subscribing again.
RETRY_SECONDS = 1
SUBSCRIBE_TIMEOUT = 1


def redis_client(cache):
    """The Redis client behind a Django ``RedisCache`` (the server it writes to), or None for other caches.

    Django keeps it on the private ``_cache`` attribute, stable since Django 4.0.
    """
    if not isinstance(cache, RedisCache):
        return None
    return cache._cache.get_client(write=True)


class Subscription:
    """The generation as last announced on ``channel``, read with ``read()`` when an announcement comes.

    One per process and thread (``generation.subscription()``): a
    subscription made before a fork is not used after it.
    """

    def __init__(self, client, channel, read):
        self.client = client
        self.channel = channel
        self.read = read
        self._pubsub = None
        self._pid = None
        self._generation = None
        self._read_at = 0.0
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def known(self, now=None):
        """The current generation without a round trip, or None when the caller must read it."""
        now = time.monotonic() if now is None else now
        with self._lock:
            try:
                if not self._subscribed(now):
                    return None
                if self._announced() or now - self._read_at >= RECHECK_SECONDS:
                    self._generation, self._read_at = self.read(), now
                return self._generation
            except Exception:
                logger.warning("Lost the page cache's subscription; reading the generation per request.")
                self._drop(now)
                return None

    def forget(self):
        """Read the generation again on the next ``known()``: this process just changed it.

        Its own announcement is on its way too; this saves waiting for it.
        """
        with self._lock:
            self._read_at = float("-inf")

    def _subscribed(self, now):
        if self._pubsub is not None and self._pid == os.getpid():
            return True
        if now < self._retry_at:
            return False
        self._pubsub, self._pid = None, os.getpid()
        pubsub = self.client.pubsub()
        self._pubsub = pubsub
        pubsub.subscribe(self.channel)
        # Only once Redis confirms the subscription is no announcement missed:
        # the generation read after it is current, and any later bump is announced.
        confirmation = pubsub.get_message(timeout=SUBSCRIBE_TIMEOUT)
        if confirmation is None or confirmation["type"] != "subscribe":
            raise ConnectionError("Redis did not confirm the subscription")
        self._generation, self._read_at = self.read(), now
        return True

    def _announced(self):
        """Whether any announcement arrived since the last look (reading them all).

        redis-py's ``get_message(timeout=0)`` tries a read and catches its
        timeout, ten times the cost of asking the socket whether it has
        anything; once it does, reading until nothing is left empties
        redis-py's buffer too.
        """
        sock = self._pubsub.connection._sock if self._pubsub.connection else None
        if sock is None:
            raise ConnectionError("the subscription's connection is closed")
        # An encrypted connection may hold decrypted bytes the socket no longer shows.
        pending = getattr(sock, "pending", None)
        if not (pending and pending()) and not select.select([sock], [], [], 0)[0]:
            return False
        announced = False
        while (message := self._pubsub.get_message(timeout=0)) is not None:
            announced = announced or message["type"] == "message"
        return announced

    def _drop(self, now):
        pubsub, self._pubsub, self._generation = self._pubsub, None, None
        self._retry_at = now + RETRY_SECONDS
        if pubsub is not None:
            with contextlib.suppress(Exception):
                pubsub.close()
