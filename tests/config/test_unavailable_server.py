"""A real gunicorn server, DEBUG off, whose PostgreSQL is not answering.

Two ways a database can be away: its port refuses connections (the server is
down), or something accepts them and never answers (a hung host, a black-holed
network), which ``DATABASE_CONNECT_TIMEOUT`` cuts short. Either way every page
is a 503 page with ``Retry-After``, a comment comes back with its text, and
``/healthz`` answers 503.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONNECT_TIMEOUT = 2


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def send(url, data=None, headers=None):
    """Status, headers and body of a request to ``url``, whatever the status."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with urllib.request.urlopen(urllib.request.Request(url, body, headers or {}), timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """Collected static files, as a DEBUG-off server needs for its pages' stylesheet links."""
    root = tmp_path_factory.mktemp("static")
    env = {**server_env("postgres://nobody@127.0.0.1:9/none"), "STATIC_ROOT": str(root)}
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return root


def server_env(database_url):
    inherited = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    return {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "unavailable-database-test-secret-key-long-enough-0123456789",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DATABASE_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
        "CACHE_URL": "locmem://",
        # A fresh page cache reads the next scheduled post on its first lookup, which
        # would wait out the connect timeout twice per page; test_unavailable.py has the cache on.
        "PAGE_CACHE": "false",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "CRITICAL",
    }


@pytest.fixture(scope="module", params=["refusing", "silent"])
def server(request, static_root):
    """A gunicorn server whose database port refuses connections, or accepts them and never answers."""
    with socket.socket() as database:
        database.bind(("127.0.0.1", 0))
        if request.param == "silent":
            database.listen(64)  # the kernel accepts; nobody ever reads or answers
        url = f"postgres://nobody@127.0.0.1:{database.getsockname()[1]}/none"
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR,
            env={**server_env(url), "STATIC_ROOT": str(static_root), "BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    send(f"{base}/robots.txt")
                    break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_a_page_is_a_readable_503_with_retry_after(server):
    """The home page and an unknown address (looked up among old WordPress addresses) answer 503 pages."""
    for path in ["/", "/no/such/page/"]:
        status, headers, page = send(server + path)
        assert status == 503, page
        assert int(headers["Retry-After"]) > 0
        assert "cannot reach its database" in page
        assert "/static/css/site." in page


def test_a_comment_comes_back_with_its_text(server):
    """A comment posted meanwhile is answered 503 with the reader's words in the form."""
    csrf = secrets.token_hex(16)
    form = {
        "csrfmiddlewaretoken": csrf,
        "name": "Ada",
        "email": "ada@example.org",
        "body": "Words that must survive the outage.",
    }
    status, headers, page = send(server + "/comments/post/3/", form, {"Cookie": f"csrftoken={csrf}"})
    assert status == 503, page
    assert int(headers["Retry-After"]) > 0
    assert "Words that must survive the outage.</textarea>" in page
    assert 'value="Ada"' in page and "cannot reach its database" in page


def test_healthz_answers_503(server):
    """The load balancer's health check still says the server is unavailable."""
    status, _, body = send(server + "/healthz")
    assert status == 503
    assert '"database": "unreachable"' in body
