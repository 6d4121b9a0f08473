"""Two application servers sharing one Redis and one database show every change at once.

Each server is a real gunicorn process; changes are made through one server
(a comment posted from the other's cached page) or through the ORM in a
third process, and read through the other server.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.services import redis_client

PROJECT_DIR = Path(__file__).resolve().parents[2]
# Behind a load balancer every server sees the site's own host name.
HOST = "blog.test"
REDIS_URL = os.environ.get("PAGECACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/5")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    """Two gunicorn servers and a way to run ORM code against their database."""

    def __init__(self, tmp_path):
        self.env = {
            **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
            "DEBUG": "true",
            "ALLOWED_HOSTS": HOST,
            "SECRET_KEY": "two-servers-test-secret-key-that-is-long-enough-0123456789",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
            "CACHE_URL": REDIS_URL,
            "PAGE_CACHE": "true",
            "WEB_CONCURRENCY": "1",
            "GUNICORN_ACCESS_LOG": "",
            "COMMENTS_NOTIFY_MODERATORS": "false",
            "LOG_LEVEL": "WARNING",
        }
        self.servers = []
        self.manage("migrate", "--no-input", "-v0")

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def orm(self, code):
        """Run ``code`` in a separate process's Django shell, as an admin's script would."""
        return self.manage("shell", "-c", code)

    def start(self):
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR,
            env={**self.env, "BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.servers.append(process)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                get(f"{base}/healthz")
                return base
            except OSError:
                time.sleep(0.1)
        raise AssertionError(process.stderr.read1().decode() if process.poll() is not None else "no answer")

    def stop(self):
        for process in self.servers:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    redis_client(REDIS_URL).flushdb()
    site = Site(tmp_path_factory.mktemp("two-servers"))
    site.orm(
        "from django.contrib.auth.models import User; from blog.models import Post; "
        "from comments.models import Comment; "
        "u = User.objects.create(username='writer'); "
        "p = Post.objects.create(title='Shared post', slug='shared', body='Body.', status='published', "
        "author=u, publish_at='2024-01-02T12:00:00Z'); "
        "Comment.objects.create(post=p, author_name='Known', author_email='known@example.org', "
        "body='First approved.', status='approved')"
    )
    site.a, site.b = site.start(), site.start()
    yield site
    site.stop()


def get(url, opener=None):
    """GET ``url`` with ``opener`` (a browser with cookies) or as a new anonymous visitor."""
    request = urllib.request.Request(url, headers={"Host": HOST})
    with (opener or urllib.request.build_opener()).open(request, timeout=10) as response:
        return response.headers, response.read().decode()


POST_PATH = "/2024/01/02/shared/"


def test_a_page_stored_by_one_server_is_served_by_the_other(site):
    """Server B serves the page server A stored: the cache is shared."""
    get(site.a + POST_PATH)
    headers, body = get(site.b + POST_PATH)
    assert headers["X-Page-Cache"] == "hit"
    assert "Shared post" in body


def test_a_comment_posted_through_one_server_shows_on_the_other_at_once(site):
    """A known commenter posts on A from B's cached page; B's next anonymous visitor sees the comment."""
    get(site.b + POST_PATH)
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    headers, page = get(site.b + POST_PATH, browser)
    assert headers["X-Page-Cache"] == "hit"
    form = {
        "name": "Known",
        "email": "known@example.org",
        "body": "Second thoughts, through server A.",
    }
    action = re.search(r'<form class="comment-form"[^>]*action="([^"]+)"', page)[1]
    request = urllib.request.Request(
        site.a + action,
        data=urllib.parse.urlencode(form).encode(),
        headers={"Host": HOST, "Sec-Fetch-Site": "same-origin"},
    )
    with browser.open(request, timeout=10) as response:
        assert response.status == 200
    assert "Second thoughts, through server A." in get(site.b + POST_PATH)[1]


def test_a_change_through_the_orm_shows_on_both_servers_at_once(site):
    """A post renamed and a comment approved by another process show on both servers' next page."""
    for server in (site.a, site.b):
        get(server + POST_PATH), get(server + "/")
    site.orm(
        "from blog.models import Post; p = Post.objects.get(slug='shared'); "
        "p.title = 'Renamed post'; p.save(); "
        "from comments.models import Comment; from comments.services import comment_moderate; "
        "c = Comment.objects.create(post=p, author_name='New', author_email='new@example.org', "
        "body='Held then approved.'); "
        "comment_moderate(comments=[c], status='approved', moderator=None)"
    )
    for server in (site.a, site.b):
        for path in (POST_PATH, "/"):
            assert "Renamed post" in get(server + path)[1]
        assert "Held then approved." in get(server + POST_PATH)[1]
