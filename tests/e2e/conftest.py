"""Fixtures for browser tests: a browser, a page, demo content on the live server, screenshots."""

from tests.browser import browser, demo_content, page, screenshot  # noqa: F401
