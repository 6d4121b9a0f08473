"""Reading settings from the environment.

Every setting the site needs comes from an environment variable with a safe
default. A variable that is present but malformed, or required and missing,
raises ``ImproperlyConfigured`` with one line naming it; ``config.settings``
turns that into a clean exit instead of a traceback.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def get_str(name, default=""):
    """Return the variable as a stripped string, or ``default`` when unset."""
    value = os.environ.get(name)
    return default if value is None else value.strip()


def get_bool(name, default=False):
    """Return the variable as a boolean; accepts 1/0, true/false, yes/no, on/off."""
    value = os.environ.get(name)
    if value is None:
        return default
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}.")


def get_int(name, default, minimum=None):
    """Return the variable as an integer, at least ``minimum`` when given."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, got {number}.")
    return number


def get_list(name, default=()):
    """Return a comma-separated variable as a list of non-empty items."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def given(read, *, names, **options):
    """The variables among ``names`` that are set, each read by ``read`` (``get_int``, ``get_list``…).

    For an app's own settings, whose defaults live in the app (``<app>/conf.py``):
    a variable that is not set leaves the app's default alone.
    """
    values = {name: read(name, None, **options) for name in names if name in os.environ}
    return {name: value for name, value in values.items() if value is not None}


def get_url(name, default=""):
    """Return an absolute http(s) URL without its trailing slash."""
    value = get_str(name, default).rstrip("/")
    if value and not value.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"{name} must start with http:// or https://, got {value!r}.")
    return value


def parse_database_url(url, name="DATABASE_URL"):
    """Turn a database URL into a ``DATABASES`` entry (SQLite or PostgreSQL only)."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(
            f"{name} must be sqlite:///PATH or postgres://USER@HOST:PORT/NAME, got {url!r}."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=0)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} is malformed ({error}): {url!r}.") from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database: {url!r}.")
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["CONN_HEALTH_CHECKS"] = True
    return config


REDIS_TIMEOUT_SECONDS = 1


def cache_config(url):
    """Turn ``CACHE_URL`` into a ``CACHES['default']`` entry.

    ``file:///PATH`` (the default, in the project's ``.cache/``) is shared by
    the processes of one machine: web server, worker and commands;
    ``locmem://`` keeps a per-process cache; ``redis://`` shares one between
    application servers; ``dummy://`` turns caching off.
    """
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme == "file":
        location = url.split("://", 1)[1]
        if not location.startswith("/"):
            raise ImproperlyConfigured(f"CACHE_URL must name an absolute directory (file:///PATH): {url!r}.")
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": location}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if scheme in {"redis", "rediss"}:
        # A Redis that hangs or drops packets must cost a request a second, not a
        # worker: every use of the cache gives up then (and serves or accepts without it).
        options = {"socket_connect_timeout": REDIS_TIMEOUT_SECONDS, "socket_timeout": REDIS_TIMEOUT_SECONDS}
        return {"BACKEND": "config.cache.RedisCache", "LOCATION": url, "OPTIONS": options}
    if scheme == "memcached":
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": url.split("://", 1)[1],
        }
    raise ImproperlyConfigured(
        "CACHE_URL must be file:///PATH, locmem://, dummy://, redis://HOST:PORT/DB or memcached://HOST:PORT, "
        f"got {url!r}."
    )


def email_config(url):
    """Turn ``EMAIL_URL`` into email settings.

    ``console://`` (the default) prints mail to stdout; ``locmem://`` keeps it
    in memory for tests; ``smtp://user:password@host:port`` and ``smtps://``
    send it.
    """
    from urllib.parse import unquote, urlsplit

    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "locmem":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme in {"smtp", "smtps", "submission"}:
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured(f"EMAIL_URL has a bad port: {url!r}.") from None
        if not parts.hostname:
            raise ImproperlyConfigured(f"EMAIL_URL names no host: {url!r}.")
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname,
            "EMAIL_PORT": port or (465 if scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": scheme in {"smtp", "submission"} and port != 25,
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL must be console://, locmem:// or smtp://USER:PASSWORD@HOST:PORT, got {url!r}."
    )


def media_storage_config(kind):
    """Turn ``MEDIA_STORAGE`` into a ``STORAGES['default']`` entry.

    ``filesystem`` (the default) keeps uploads in ``MEDIA_ROOT``. ``s3`` keeps
    them in an S3-compatible bucket through django-storages (installed
    separately), named by ``AWS_STORAGE_BUCKET_NAME`` with the optional
    ``AWS_S3_ENDPOINT_URL``, ``AWS_S3_REGION_NAME``, ``AWS_S3_CUSTOM_DOMAIN``
    and ``AWS_LOCATION``. The keys (``AWS_ACCESS_KEY_ID``,
    ``AWS_SECRET_ACCESS_KEY``) stay in the environment, where boto3 reads
    them. Images in posts are public: URLs are plain (not signed), and an
    existing name is never overwritten.
    """
    if kind == "filesystem":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be filesystem or s3, got {kind!r}.")
    bucket = get_str("AWS_STORAGE_BUCKET_NAME")
    if not bucket:
        raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME is required when MEDIA_STORAGE is s3.")
    options = {"bucket_name": bucket, "querystring_auth": False, "file_overwrite": False}
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
    ]:
        if value := get_str(name):
            options[option] = value
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
