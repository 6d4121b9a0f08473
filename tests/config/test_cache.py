"""``config.cache.RedisCache``: Django's Redis backend with one client reused per connection pool."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from config.cache import RedisCache
from tests.services import redis_client

REDIS_URL = "redis://127.0.0.1:6379/9"


def redis_cache():
    redis_client(REDIS_URL)
    return RedisCache(REDIS_URL, {})


def test_is_django_redis_backend():
    """The backend is Django's own, so every cache feature behaves as documented."""
    assert issubclass(RedisCache, DjangoRedisCache)


def test_one_client_is_reused():
    """Every read and write gets the same client (and so its pool), rather than a new one per call."""
    cache = redis_cache()
    first = cache._cache.get_client("a")
    assert cache._cache.get_client("b") is first
    assert cache._cache.get_client("c", write=True) is first


def test_reads_and_writes_through_redis():
    """Values set are read back, singly and in one round trip for several keys."""
    cache = redis_cache()
    cache.set("config-cache-test", {"x": 1}, timeout=30)
    cache.set("config-cache-test-2", b"bytes", timeout=30)
    assert cache.get("config-cache-test") == {"x": 1}
    assert cache.get_many(["config-cache-test", "config-cache-test-2", "missing"]) == {
        "config-cache-test": {"x": 1},
        "config-cache-test-2": b"bytes",
    }
    cache.delete_many(["config-cache-test", "config-cache-test-2"])
