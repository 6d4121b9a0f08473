"""Settings come from the environment, and a bad variable stops start-up clearly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config import env

PROJECT_DIR = Path(__file__).resolve().parents[2]


class TestDatabaseUrl:
    def test_sqlite_url_gives_a_sqlite_database_file(self):
        """A sqlite:/// URL names a database file on disk."""
        config = env.parse_database_url("sqlite:////tmp/commonplace.sqlite3")
        assert config["ENGINE"] == "django.db.backends.sqlite3"
        assert config["NAME"] == "/tmp/commonplace.sqlite3"

    def test_postgres_url_uses_psycopg(self):
        """A postgres:// URL selects Django's PostgreSQL backend with its parts."""
        config = env.parse_database_url("postgres://alice:secret@db.internal:6543/blog")
        assert config["ENGINE"] == "django.db.backends.postgresql"
        assert (config["USER"], config["PASSWORD"], config["HOST"], config["PORT"], config["NAME"]) == (
            "alice",
            "secret",
            "db.internal",
            6543,
            "blog",
        )

    @pytest.mark.parametrize(
        "url",
        ["mysql://root@localhost/blog", "not a url", "postgres://localhost", "postgres://u@h:notaport/db"],
    )
    def test_malformed_or_unsupported_urls_are_refused_by_name(self, url):
        """Anything but SQLite or a complete PostgreSQL URL is an error naming DATABASE_URL."""
        with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
            env.parse_database_url(url)


class TestValues:
    def test_booleans_accept_the_usual_words(self, monkeypatch):
        """true/yes/on/1 and false/no/off/0 are booleans, in any case."""
        for word, expected in [("TRUE", True), ("yes", True), ("1", True), ("off", False), ("0", False)]:
            monkeypatch.setenv("FLAG", word)
            assert env.get_bool("FLAG") is expected

    def test_a_boolean_that_is_not_one_is_refused_by_name(self, monkeypatch):
        """DEBUG=maybe is an error naming DEBUG."""
        monkeypatch.setenv("DEBUG", "maybe")
        with pytest.raises(ImproperlyConfigured, match="DEBUG"):
            env.get_bool("DEBUG")

    def test_lists_are_comma_separated(self, monkeypatch):
        """ALLOWED_HOSTS=a.example, b.example gives two hosts, blanks dropped."""
        monkeypatch.setenv("ALLOWED_HOSTS", "a.example, b.example,,")
        assert env.get_list("ALLOWED_HOSTS") == ["a.example", "b.example"]

    def test_site_url_must_be_absolute(self, monkeypatch):
        """SITE_URL without a scheme is refused; a trailing slash is dropped."""
        monkeypatch.setenv("SITE_URL", "example.com")
        with pytest.raises(ImproperlyConfigured, match="SITE_URL"):
            env.get_url("SITE_URL")
        monkeypatch.setenv("SITE_URL", "https://example.com/")
        assert env.get_url("SITE_URL") == "https://example.com"

    def test_cache_url_chooses_the_backend(self):
        """file, locmem and dummy choose Django's own cache backends; redis its subclass reusing clients."""
        assert env.cache_config("file:///var/cache/site") == {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": "/var/cache/site",
        }
        with pytest.raises(ImproperlyConfigured, match="absolute directory"):
            env.cache_config("file://relative/dir")
        assert env.cache_config("locmem://")["BACKEND"].endswith("LocMemCache")
        assert env.cache_config("dummy://")["BACKEND"].endswith("DummyCache")
        redis = env.cache_config("redis://127.0.0.1:6379/1")
        assert redis == {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
            env.cache_config("mongodb://x")

    def test_email_url_chooses_the_backend(self):
        """console, locmem and smtp URLs give Django email settings."""
        assert env.email_config("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
        smtp = env.email_config("smtp://me%40example.com:pw@mail.example.com:587")
        assert smtp["EMAIL_HOST"] == "mail.example.com"
        assert smtp["EMAIL_HOST_USER"] == "me@example.com"
        assert smtp["EMAIL_USE_TLS"] is True
        with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
            env.email_config("pigeon://")


def run_check(**variables):
    """Run ``manage.py check`` with only the given settings variables set."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    environment.update(variables, DJANGO_SETTINGS_MODULE="config.settings")
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestStartUp:
    def test_manage_py_check_is_clean(self):
        """With development settings the system check finds nothing."""
        result = run_check(DEBUG="true")
        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_missing_secret_key_without_debug_stops_with_one_line(self):
        """DEBUG off and no SECRET_KEY: one line naming SECRET_KEY, no traceback."""
        result = run_check(DEBUG="false")
        assert result.returncode != 0
        assert result.stderr.strip() == "Configuration error: SECRET_KEY is required when DEBUG is off."

    def test_malformed_database_url_stops_with_one_line(self):
        """A bad DATABASE_URL stops start-up with one line naming it."""
        result = run_check(DEBUG="true", DATABASE_URL="mysql://root@localhost/blog")
        assert result.returncode != 0
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert "DATABASE_URL" in lines[0]
        assert "Traceback" not in result.stderr
