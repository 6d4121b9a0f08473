"""Django's Redis cache backend, keeping one Redis client per server instead of making one per call.

Django's ``RedisCacheClient`` builds a new ``redis.Redis`` for every cache
operation; each builds its table of ~170 response callbacks, which cost more
than the round trip itself on a page-cache hit. A ``redis.Redis`` is safe to
share between threads (it borrows a connection from its pool per command),
so one per connection pool is kept and reused.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with reused clients (``CACHE_URL=redis://...``)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
