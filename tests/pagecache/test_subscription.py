"""With Redis, each process knows the current generation without asking, and hears every bump at once."""

import os
import uuid
import weakref

import pytest
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.test import Client

from pagecache import generation, subscription
from tests.factories import make_post
from tests.services import redis_client

REDIS_URL = os.environ.get("PAGECACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(settings, monkeypatch):
    """The page cache on, over Redis, under a key prefix of its own."""
    redis_client(REDIS_URL)
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    settings.PAGECACHE_ENABLED = True
    monkeypatch.setattr(generation, "_subscriptions", weakref.WeakKeyDictionary())
    yield caches["default"]
    caches["default"].clear()


def another_server(monkeypatch):
    """Make the next ``generation.bump()`` another server's: its own cache, connection and subscription."""
    there = RedisCache(REDIS_URL, {"KEY_PREFIX": caches["default"].key_prefix})
    monkeypatch.setattr(generation, "cache", lambda: there)
    monkeypatch.setattr(generation, "_subscriptions", weakref.WeakKeyDictionary())


def commands(name):
    """How many ``name`` commands the Redis server has run."""
    stats = subscription.redis_client(caches["default"]).info("commandstats")
    return stats.get(f"cmdstat_{name}", {}).get("calls", 0)


def test_the_generation_is_known_without_a_round_trip(redis_cache):
    first = generation.current()
    watching = generation.subscription()
    assert watching.known() == first
    gets = commands("get"), commands("mget")
    for _ in range(50):
        assert watching.known() == first
    assert (commands("get"), commands("mget")) == gets


def test_a_bump_on_another_server_is_known_here_at_once(redis_cache, monkeypatch):
    watching = generation.subscription()
    before = watching.known()
    with monkeypatch.context() as patch:
        another_server(patch)
        bumped = generation.bump()
    assert bumped != before
    assert watching.known() == bumped


def test_a_bump_here_is_known_here_at_once(redis_cache):
    watching = generation.subscription()
    watching.known()
    bumped = generation.bump()
    assert watching.known() == bumped


def test_a_generation_changed_without_an_announcement_is_read_again_within_the_recheck(redis_cache):
    """A connection that died silently, or a flushed cache, cannot keep an old generation for long."""
    generation.current()
    watching = generation.subscription()
    first = watching.known(now=0)
    silent = first._replace(token="written-without-an-announcement")
    redis_cache.set(generation.KEY, silent, timeout=None)
    assert watching.known(now=subscription.RECHECK_SECONDS - 1) == first
    assert watching.known(now=subscription.RECHECK_SECONDS) == silent


def test_a_lost_subscription_falls_back_to_reading_and_comes_back(redis_cache, monkeypatch):
    generation.current()
    watching = generation.subscription()
    watching.known(now=0)
    subscription.redis_client(redis_cache).client_kill_filter(_type="pubsub")
    assert watching.known(now=1) is None
    with monkeypatch.context() as patch:
        another_server(patch)
        bumped = generation.bump()
    assert watching.known(now=1 + subscription.RETRY_SECONDS / 2) is None
    assert watching.known(now=1 + subscription.RETRY_SECONDS) == bumped


def test_an_unreachable_redis_serves_pages_uncached(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    settings.PAGECACHE_ENABLED = True
    post = make_post(title="Still served")
    for _ in range(2):
        response = Client().get(post.get_absolute_url())
        assert response.status_code == 200
        assert "Still served" in response.content.decode()
    assert generation.known() is None


def test_a_hit_on_a_page_this_worker_has_served_makes_no_round_trip(redis_cache):
    post = make_post()
    worker = Client()  # one client, one handler: one worker's memory
    for _ in range(2):  # the first starts the generation, the second reads it back
        worker.cookies.clear()
        worker.get(post.get_absolute_url())
    before = {name: commands(name) for name in ("get", "mget", "set", "mset")}
    for _ in range(10):
        worker.cookies.clear()  # each a new visitor
        response = worker.get(post.get_absolute_url())
        assert response["X-Page-Cache"] == "hit"
    assert {name: commands(name) for name in before} == before


def test_a_change_shows_on_the_next_request(redis_cache, django_capture_on_commit_callbacks):
    post = make_post(title="Before")
    for _ in range(2):
        assert "Before" in Client().get(post.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        post.title = "After"
        post.save()
    response = Client().get(post.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert "After" in response.content.decode()
