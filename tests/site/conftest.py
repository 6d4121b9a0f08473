"""Fixtures for the page checks: the same browser and demo content as the e2e tests."""

from tests.browser import browser, demo_content, page  # noqa: F401
