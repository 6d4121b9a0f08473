"""Fixtures shared by the apps' tests: an empty cache, no fetching of cited pages, the page cache on,
and a count of its retirements."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from pagecache import generation


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
def bumps(monkeypatch):
    """The generations started from now on: a list that grows with each bump (each retires every page)."""
    started = []
    bump = generation.bump

    def counted():
        started.append(bump())
        return started[-1]

    monkeypatch.setattr(generation, "bump", counted)
    return started
