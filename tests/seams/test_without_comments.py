"""Removing ``comments`` from ``INSTALLED_APPS`` leaves a working blog: nothing outside comments names it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]


def run(*arguments, tmp_path):
    """Run Python with ``arguments`` in the project, leaving comments out, on a throwaway SQLite file."""
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.settings_without_comments",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    command = [sys.executable, *arguments]
    return subprocess.run(
        command,
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Each page's status and text, served by a site without comments."""
    folder = tmp_path_factory.mktemp("site")
    result = run("-m", "tests.seams.pages_without_comments", str(folder / "pages.json"), tmp_path=folder)
    assert result.returncode == 0, result.stderr
    return {name: tuple(page) for name, page in json.loads((folder / "pages.json").read_text()).items()}


def test_the_system_check_finds_nothing(tmp_path):
    """``manage.py check`` passes with comments (and the apps built on it) left out."""
    result = run("manage.py", "check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_home_page_lists_posts_with_no_comment_counts(pages):
    """The home page lists the post, and says nothing about comments."""
    status, page = pages["home"]
    assert status == 200
    assert "Standing alone" in page
    assert "comment" not in page.lower()


def test_a_post_page_has_its_body_and_no_comment_section(pages):
    """A post page shows the post; no comment form, thread or comment feed."""
    status, page = pages["post"]
    assert status == 200
    assert "alone." in page
    assert 'id="comments"' not in page
    assert "/comments/" not in page


def test_the_feed_and_tag_list_are_served(pages):
    """The posts' feed carries the post; the tag list answers."""
    assert pages["feed"][0] == 200
    assert "Standing alone" in pages["feed"][1]
    assert pages["tag list"][0] == 200


def test_comments_addresses_are_not_there(pages):
    """Comments' addresses are a 404: its URLs are mounted only when it is installed."""
    assert pages["comments address"][0] == 404


def test_the_admin_edits_posts_without_comment_columns_or_fields(pages):
    """The post list and form work, with no pending-comments column and no comments switch."""
    status, changelist = pages["admin posts"]
    assert status == 200
    assert "Standing alone" in changelist
    assert "pending comments" not in changelist.lower()
    status, form = pages["admin post"]
    assert status == 200
    assert 'name="title"' in form
    assert "comments_enabled" not in form


def test_a_refused_form_gets_the_sites_plain_page(pages):
    """A form failing the CSRF check gets the site's readable 403 page, asking to reload."""
    status, page = pages["refused form"]
    assert status == 403
    assert "The form could not be sent" in page
    assert "reload the page" in page
