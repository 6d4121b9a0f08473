"""Fixtures for the comments tests: a clean cache, so rate limits start afresh in each test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()
