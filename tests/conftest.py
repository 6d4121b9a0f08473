"""Fixtures shared by the apps' tests: an empty cache, no fetching of cited pages, the page cache on,
and the keys changes announce."""

import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from httpcache.signals import keys_changed


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: a rolled-back test leaves counts that no signal retired."""
    cache.clear()


@pytest.fixture(autouse=True)
def cited_pages_stay_unfetched():
    """Posts in tests cite sources at real addresses: their pages are fetched only where a test asks.

    Not through the ``settings`` fixture, which would then be set up first and torn down last, after
    fixtures that still use the settings a test gave (a cache on a Redis of its own).
    """
    with override_settings(CAPTURE_SNAPSHOT_CITED=False):
        yield


@pytest.fixture(autouse=True)
def live_server_quiet_before_flush(request):
    """A live-server test ends only once the server has finished the requests still running.

    A browser closed at the end of a test leaves the requests it had sent (an autosave, a preview)
    running in the server's threads. The flush that empties the tables after the test would then
    meet them holding row locks and one of the two be cancelled as a deadlock. The database is
    requested here, inside this fixture, so that this teardown runs before the flush.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    yield
    deadline = time.monotonic() + 15
    while any(serving_a_request(thread) for thread in threading.enumerate()):
        if time.monotonic() > deadline:
            return
        time.sleep(0.02)
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid() AND state <> 'idle'"
            )
            if not cursor.fetchone()[0]:
                return
            time.sleep(0.02)


def serving_a_request(thread):
    """A thread the live server (a ``socketserver.ThreadingMixIn``) started for a connection."""
    return thread.is_alive() and "process_request_thread" in thread.name


@pytest.fixture
def page_cache(settings):
    """Turn the page cache on (the test settings turn it off) with an empty cache."""
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def announced():
    """The key sets committed changes announce from now on (each retires the pages carrying them)."""
    sent = []

    def record(keys, **kwargs):
        sent.append(set(keys))

    keys_changed.connect(record, weak=False, dispatch_uid="tests-announced")
    yield sent
    keys_changed.disconnect(dispatch_uid="tests-announced")
