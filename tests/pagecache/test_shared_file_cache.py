"""The default cache is a directory the machine's processes share: a retirement by the worker or a
command reaches the pages the web server keeps."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from pagecache.middleware import HEADER
from tests.factories import make_post

pytestmark = pytest.mark.django_db

FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"


@pytest.fixture
def file_cache(settings, tmp_path):
    location = tmp_path / "cache"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
        }
    }
    settings.PAGECACHE_ENABLED = True
    return location


def test_a_retirement_in_another_process_reaches_this_servers_pages(client, file_cache):
    """A page cached here is served fresh once another process (worker, command) retires the pages."""
    post = make_post()
    assert client.get(post.get_absolute_url())[HEADER] == "miss"
    assert client.get(post.get_absolute_url())[HEADER] == "hit"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "CACHE_URL": f"file://{file_cache}"}
    retire = "from pagecache.generation import bump; bump()"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", retire],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        timeout=60,
    )
    assert client.get(post.get_absolute_url())[HEADER] == "miss"


def test_the_default_cache_is_a_shared_directory():
    """Without CACHE_URL the site caches in the project's .cache/ directory, not in one process's memory."""
    env = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env["DEBUG"] = "true"
    show = (
        "from django.conf import settings; c = settings.CACHES['default']; print(c['BACKEND'], c['LOCATION'])"
    )
    printed = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {show}"],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.split()
    assert printed == [
        "django.core.cache.backends.filebased.FileBasedCache",
        str(settings.BASE_DIR / ".cache"),
    ]
