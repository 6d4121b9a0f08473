"""Fixtures shared by the apps' tests: an empty cache, no fetching of cited pages, the page cache on,
and the keys changes announce."""

import pytest
from django.core.cache import cache
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
