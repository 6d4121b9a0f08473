"""Fixtures for the page cache tests: the cache on, and empty, for each test."""

import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """Turn the page cache on (the test settings turn it off) with an empty cache."""
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()
