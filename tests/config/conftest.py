"""The settings tests read every app's settings as the site has them, defaults included."""

import pytest


@pytest.fixture
def cited_pages_stay_unfetched():
    """Here the snapshot setting keeps its default (tests/conftest.py turns it off elsewhere)."""
