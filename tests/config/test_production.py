"""Production settings: a clean deploy check, security headers, static files, the health check."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import OperationalError

from tests.factories import make_post, make_staff

PROJECT_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-production-like-secret-key-of-more-than-fifty-characters-1234567890",
    "ALLOWED_HOSTS": "blog.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://blog.example.com",
    "DATABASE_URL": "postgres://commonplace@db.internal:5432/commonplace",
    "CACHE_URL": "redis://cache.internal:6379/0",
}
# tests/settings.py sets these for the test process; a production start-up has its own.
TEST_ONLY_ENV = {
    "SECRET_KEY",
    "EMAIL_URL",
    "SECURE_SSL_REDIRECT",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # the browser tests set it for Playwright
}
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def manage(*args, env=None):
    unset = PRODUCTION_ENV.keys() | TEST_ONLY_ENV
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_environment():
    """`manage.py check --deploy` with DEBUG off and the required variables set reports no issue at all."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def test_deploy_check_fails_without_hsts():
    """The same check warns when HSTS is switched off, so the test above can fail."""
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env={**PRODUCTION_ENV, "SECURE_HSTS_SECONDS": "0"}
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


def test_collectstatic_writes_compressed_hashed_files(tmp_path):
    """collectstatic succeeds with DEBUG off and writes hashed, gzipped copies whitenoise serves."""
    result = manage("collectstatic", "--no-input", env={**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.glob("css/site.*.css.gz"))
    assert (tmp_path / "staticfiles.json").exists()


def test_a_malformed_page_cache_variable_stops_start_up_with_one_line():
    """PAGE_CACHE=sometimes is refused by name."""
    result = manage("check", env={**PRODUCTION_ENV, "PAGE_CACHE": "sometimes"})
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "Configuration error: PAGE_CACHE must be a boolean (true/false), got 'sometimes'."
    ]


@pytest.mark.django_db
def test_public_pages_send_the_security_headers(client):
    """CSP without inline scripts, Referrer-Policy, nosniff and frame denial on every page."""
    make_post()
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy)[1]
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/blog/post/add/", "/admin/comments/comment/", "/"])
def test_admin_and_editor_pages_have_no_inline_scripts(client, url):
    """The admin, the markdownx editor and the site load scripts from files only, which the CSP allows."""
    client.force_login(make_staff(is_superuser=True))
    content = client.get(url).content.decode()
    assert INLINE_SCRIPT.findall(content) == []
    if url == "/admin/blog/post/add/":
        assert "markdownx" in content


@pytest.mark.django_db
def test_healthz_is_200_json_when_the_database_answers(client):
    """The health check says ok, and tells every cache not to keep it."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    """When the database cannot be reached the health check answers 503, so the balancer drops the server."""

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_reports_a_database_that_is_not_there():
    """A server pointed at a closed port answers 503, not 500 (a real unreachable PostgreSQL)."""
    code = (
        "from django.test import Client; "
        "print(Client().get('/healthz', HTTP_HOST='blog.example.com', secure=True).status_code)"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        "CACHE_URL": "locmem://",
        "LOG_LEVEL": "CRITICAL",
    }
    result = manage("shell", "-c", code, env=env)
    assert result.stdout.strip().splitlines()[-1] == "503", result.stderr
