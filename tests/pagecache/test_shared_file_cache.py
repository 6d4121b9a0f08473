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
    settings.CACHES = {"default": {"BACKEND": FILE_CACHE, "LOCATION": str(location)}}
    settings.PAGECACHE_ENABLED = True
    return location


def python(code, **env):
    """Run ``code`` in a new Python process of the site (the test settings, plus ``env``)."""
    variables = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", **env}
    command = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    return subprocess.run(
        command, env=variables, cwd=settings.BASE_DIR, check=True, capture_output=True, text=True, timeout=60
    ).stdout


def test_a_retirement_in_another_process_reaches_this_servers_pages(client, file_cache):
    """A page cached here is served fresh once another process (worker, command) retires the pages."""
    post = make_post()
    assert client.get(post.get_absolute_url())[HEADER] == "miss"
    assert client.get(post.get_absolute_url())[HEADER] == "hit"
    # The other process needs no database: it only retires the post's key.
    python(
        f"from pagecache.versions import retire; retire({{'post-{post.pk}'}})",
        CACHE_URL=f"file://{file_cache}",
    )
    assert client.get(post.get_absolute_url())[HEADER] == "miss"


def test_the_default_cache_is_a_shared_directory():
    """Without CACHE_URL the site caches in the project's .cache/ directory, not in one process's memory."""
    env = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="true")
    show = "from django.conf import settings as s; c = s.CACHES['default']; print(*c.values())"
    command = [sys.executable, "-c", f"import django; django.setup(); {show}"]
    printed = subprocess.run(
        command, env=env, cwd=settings.BASE_DIR, check=True, capture_output=True, text=True, timeout=60
    ).stdout.split()
    assert printed == [FILE_CACHE, str(settings.BASE_DIR / ".cache")]
