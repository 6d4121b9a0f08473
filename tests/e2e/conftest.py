"""Fixtures for browser tests: demo content on a live server, a browser, a page, screenshots."""

import pytest

from tests.browser import WIDE, launch_chromium, load_demo_content, require_chromium, save_screenshot


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    require_chromium()
    playwright, browser = launch_chromium()
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def demo_content(transactional_db, tmp_path):
    """The demo content, loaded into the database the live server reads."""
    load_demo_content(tmp_path)


@pytest.fixture
def page(browser):
    """A fresh wide page in the light scheme; tests may resize or emulate media."""
    context = browser.new_context(viewport=WIDE, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, name)`` saves test-artifacts/screenshots/<name>.png."""
    return save_screenshot
