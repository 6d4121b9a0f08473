"""Settings for Commonplace, read from the environment.

Every value that differs between a laptop and production comes from an
environment variable (README lists them). The defaults are safe: DEBUG is off,
and with DEBUG off a SECRET_KEY must be given. A missing or malformed variable
stops start-up with one line naming it.
"""

import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config import env

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "django-insecure-development-only-never-use-in-production"

try:
    DEBUG = env.get_bool("DEBUG", default=False)
    SECRET_KEY = env.get_str("SECRET_KEY")
    if not SECRET_KEY:
        if not DEBUG:
            raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
        SECRET_KEY = DEV_SECRET_KEY
    ALLOWED_HOSTS = env.get_list(
        "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
    )
    CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")
    DATABASES = {
        "default": env.parse_database_url(
            env.get_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
        )
    }
    # Keep a worker's connection open between requests (0 closes it after each).
    DATABASES["default"]["CONN_MAX_AGE"] = env.get_int("DATABASE_CONN_MAX_AGE", default=60, minimum=0)
    # A database host that accepts connections but never answers would hold each
    # request until gunicorn kills the worker; give up sooner and answer 503
    # (libpq and psycopg wait at least 2 seconds).
    database_connect_timeout = env.get_int("DATABASE_CONNECT_TIMEOUT", default=5, minimum=2)
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", database_connect_timeout)
    # One machine's processes (web server, worker, commands) share the default
    # file cache, so a change any of them makes retires the pages all serve.
    CACHES = {"default": env.cache_config(env.get_str("CACHE_URL", default=f"file://{BASE_DIR / '.cache'}"))}
    email = env.email_config(env.get_str("EMAIL_URL", default="console://"))
    # Mail is queued as a background job (jobs.mail); the job sends it the way EMAIL_URL says.
    JOBS_EMAIL_BACKEND = email.pop("EMAIL_BACKEND")
    globals().update(email)
    DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", default="Commonplace <noreply@localhost>")
    SERVER_EMAIL = env.get_str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
    SITE_NAME = env.get_str("SITE_NAME", default="Commonplace")
    SITE_DESCRIPTION = env.get_str(
        "SITE_DESCRIPTION", default="Quotations from the news, and what to make of them."
    )
    SITE_URL = env.get_url("SITE_URL", default="http://127.0.0.1:8000")
    TIME_ZONE = env.get_str("TIME_ZONE", default="UTC")
    LOG_LEVEL = env.get_str("LOG_LEVEL", default="INFO").upper()
    CITATION_STYLE = env.get_str("CITATION_STYLE", default="chicago-18")
    # The largest request body, files included (config.guard): above the largest upload
    # (a 20 MB WordPress export) with room for the form around it.
    REQUEST_MAX_BYTES = env.get_int("REQUEST_MAX_BYTES", default=33_554_432, minimum=1)
    MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
    # The site itself serves MEDIA_ROOT at MEDIA_URL (config.media): make run and make serve.
    SERVE_MEDIA = env.get_bool("SERVE_MEDIA", default=DEBUG)
    # Where uploads are kept: the local folder, or an S3-compatible bucket (django-storages).
    MEDIA_STORAGE = env.media_storage_config(env.get_str("MEDIA_STORAGE", default="filesystem"))
    STATIC_ROOT = Path(env.get_str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
    # Files uploaded for an import wait here for the worker (imports/): never served, so outside MEDIA_ROOT.
    IMPORTS_UPLOAD_DIR = Path(
        env.get_str("IMPORTS_UPLOAD_DIR", default=str(BASE_DIR / "private" / "imports"))
    )
    # Whole-page caching of anonymous GETs (pagecache/); PAGE_CACHE=false turns it off.
    PAGECACHE_ENABLED = env.get_bool("PAGE_CACHE", default=True)
    PAGECACHE_SECONDS = env.get_int("PAGE_CACHE_SECONDS", default=600, minimum=1)
    PAGECACHE_IGNORED_COOKIES = env.get_list("PAGE_CACHE_IGNORED_COOKIES")
    # Each app's own settings (defaults and meaning in <app>/conf.py, README lists them): a
    # variable of the same name sets one, read as its default's type; unset, the default holds.
    globals().update(
        env.given(env.get_int, minimum=1, names=[
            "BLOG_MAX_BODY_LENGTH", "BLOG_MAX_LINES", "BLOG_MAX_BLOCK_LINES", "BLOG_MAX_NESTING",
            "BLOG_MAX_NOTES", "BLOG_MAX_NOTE_REFERENCES", "BLOG_MAX_CITATION_KEYS", "BLOG_MAX_PARAGRAPHS",
            "BLOG_MAX_FORMATTING", "BLOG_MAX_UNCLOSED_TAGS", "BLOG_IMAGE_MAX_BYTES", "BLOG_IMAGE_MAX_PIXELS",
            "BLOG_LIST_CACHE_SECONDS", "BLOG_SEARCH_CANDIDATES", "BLOG_QUOTED_SHARE_WARNING",
            "BLOG_AUTOSAVE_SECONDS", "BLOG_AUTOSAVES_KEPT",
            "CITATIONS_IMPORT_MAX_BYTES", "CITATIONS_IMPORT_MAX_RECORDS", "CITATIONS_IMPORT_MAX_DEPTH",
            "CITATIONS_IMPORT_MAX_FIELD_LENGTH", "CITATIONS_IMPORT_MAX_NAMES",
            "WORDPRESS_IMPORT_MAX_UPLOAD_SIZE", "WORDPRESS_IMPORT_MAX_XML_DEPTH",
            "WORDPRESS_IMPORT_MAX_HTML_DEPTH", "WORDPRESS_IMPORT_MAX_CONTENT_LENGTH",
            "WORDPRESS_IMPORT_BATCH_SIZE", "WORDPRESS_IMPORT_MEDIA_MAX_BYTES",
            "WORDPRESS_IMPORT_MEDIA_TIMEOUT",
            "JOBS_ATTEMPTS", "JOBS_BACKOFF_SECONDS", "JOBS_BACKOFF_MAX_SECONDS", "JOBS_HEARTBEAT_SECONDS",
            "JOBS_WORKER_TIMEOUT_SECONDS", "COMMENTS_MODERATION_LINK_DAYS", "COMMENTS_CONFIRM_LINK_DAYS",
            "CAPTURE_FETCH_TIMEOUT", "CAPTURE_FETCH_MAX_BYTES",
        ])
        | env.given(env.get_int, minimum=0, names=[
            "HTTPCACHE_MAX_AGE", "HTTPCACHE_S_MAXAGE", "HTTPCACHE_STALE_WHILE_REVALIDATE",
            "HTTPCACHE_STALE_IF_ERROR", "HTTPCACHE_PURGE_AGAIN_SECONDS", "CAPTURE_FETCH_MAX_REDIRECTS",
            "CAPTURE_RECHECK_BATCH",
        ])
        | env.given(env.get_int, minimum=0, names=[
            "COMMENTS_MAX_DEPTH", "COMMENTS_MAX_LENGTH", "COMMENTS_MAX_PARAGRAPHS", "COMMENTS_MAX_FORMATTING",
            "COMMENTS_EDIT_MINUTES", "COMMENTS_HOLD_LINKS", "COMMENTS_RATE_WINDOW_SECONDS",
            "COMMENTS_RATE_LIMIT", "COMMENTS_RATE_LIMIT_NETWORK", "COMMENTS_EDIT_RATE_LIMIT",
            "COMMENTS_EDIT_RATE_LIMIT_NETWORK",
            "COMMENTS_UNSUBSCRIBE_RATE_LIMIT", "COMMENTS_UNSUBSCRIBE_RATE_LIMIT_NETWORK",
            "COMMENTS_UNSUBSCRIBE_LINK_DAYS", "COMMENTS_CLOSE_AFTER_DAYS", "COMMENTS_PER_PAGE",
            "COMMENTS_SPAM_RETENTION_DAYS", "COMMENTS_IP_RETENTION_DAYS",
        ])
        | env.given(env.get_int, minimum=1, names=["HTTPCACHE_PURGE_TIMEOUT", "HTTPCACHE_PURGE_NOW_TIMEOUT"])
        | env.given(env.get_list, names=[
            "COMMENTS_HOLD_WORDS", "COMMENTS_SPAM_WORDS", "HTTPCACHE_FRONT_CACHES",
        ])
        | env.given(env.get_str, names=[
            "COMMENTS_IP_HEADER", "COMMENTS_MODERATOR_DIGEST", "COMMENTS_DEFAULT_PAGE", "COMMENTS_ORDER",
            "BLOG_IMAGE_UPLOAD_DIRECTORY",
            "BLOG_CARD_FONT_DIRECTORY", "BLOG_CARD_DIRECTORY",
            "HTTPCACHE_CDN", "HTTPCACHE_CDN_ID", "HTTPCACHE_CDN_TOKEN", "HTTPCACHE_CDN_API_URL",
            "CAPTURE_ARCHIVE_SAVE_URL", "CAPTURE_CROSSREF_URL", "CAPTURE_OPENLIBRARY_URL",
            "CAPTURE_USER_AGENT",
        ])
        | env.given(env.get_bool, names=[
            "COMMENTS_NOTIFY_MODERATORS", "COMMENTS_NOTIFY_AUTHOR", "COMMENTS_MANUAL_APPROVAL",
            "BLOG_WORKS_CITED",
            "CAPTURE_ALLOW_PRIVATE_ADDRESSES", "CAPTURE_ARCHIVE_SAVE", "CAPTURE_SNAPSHOT_CITED",
            "CAPTURE_SHOW_CHECKED",
        ])
    )  # fmt: skip
    # Read here so a malformed value stops start-up; applied below when DEBUG is off.
    ssl_redirect = env.get_bool("SECURE_SSL_REDIRECT", default=True)
    hsts_seconds = env.get_int("SECURE_HSTS_SECONDS", default=31_536_000, minimum=0)
    proxy_ssl_header = env.get_str("SECURE_PROXY_SSL_HEADER", default="X-Forwarded-Proto")
except ImproperlyConfigured as error:
    sys.exit(f"Configuration error: {error}")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "csp",
    "markdownx",
    "django_tasks",
    "jobs.apps.TaskQueueConfig",
    "jobs",
    "imports",
    "citations",
    "blog",
    "capture",
    "comments",
    "wordpress",
    "demo",
    "pagecache",
    "httpcache",
]

# The page cache sits outside everything, so a hit skips all of it: the pages
# it keeps hold nothing of any one visitor (no CSRF token; see config.crossorigin).
MIDDLEWARE = [
    # First, so a cache hit skips everything else: the page is stored with the
    # headers the middleware below gave it, and a hit answers conditional GETs
    # itself. See pagecache.middleware.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside compression, so the ETag is of the bytes sent (a strong validator).
    "django.middleware.http.ConditionalGetMiddleware",
    # Outside everything that writes the body (the guard's pages); inside the page
    # cache, which keeps the compressed page. Public pages hold no secret to leak through it.
    "httpcache.middleware.CompressionMiddleware",
    # Public or private, and the surrogate keys: read by compression and the page cache.
    "httpcache.middleware.HttpCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Refuses NUL bytes and over-size bodies before any view or lookup sees them;
    # inside the middleware above, so its 400 and 413 pages carry the site's headers.
    "config.guard.RequestGuardMiddleware",
    # Late, so they see the final 404 of an old address (as contrib.redirects' fallback does):
    # WordPress's own forms, read by key from what its import recorded, after the importers'
    # redirect table (inside it, so it answers first).
    "wordpress.middleware.WordPressRedirectMiddleware",
    "imports.middleware.RedirectFallbackMiddleware",
]

EMAIL_BACKEND = "jobs.mail.QueuedEmailBackend"

# Background jobs are rows in the site's own database, run by `manage.py run_tasks`
# (the task framework of Django 6.0, through its backport for 5.2; see jobs/).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
                # The admin header's count of comments awaiting moderation.
                "comments.context_processors.moderation",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# In development, whitenoise serves straight from the app folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (pagecache/): the cache that holds pages and their keys'
# versions, the paths never cached, and what says when the pages next change
# by themselves (a scheduled post going public). What a change retires is
# named once, for the front caches and this cache alike (httpcache.receivers).
PAGECACHE_ALIAS = "default"
PAGECACHE_EXCLUDED_PATHS = [
    "/" + STATIC_URL.lstrip("/"),
    "/" + MEDIA_URL.lstrip("/"),
    "/admin/",
    "/markdownx/",
    "/preview/",
    "/healthz",
]
PAGECACHE_NEXT_CHANGE = "blog.selectors.next_publication"

# A refused form gets a readable page in the site's style (a view may name its own: config.csrf).
CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"

# Bodies are Markdown written by hand; 2.5 MB of form data is far beyond any
# post and keeps a hostile request from tying up a worker.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# markdownx: the admin's live preview calls the same pipeline as the public
# page, with the library's sources; blog.editor serves it to staff only.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "blog.live_preview.markdownify"
# Uploads are judged and stored by blog.editor (BLOG_IMAGE_* in blog/conf.py).
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
MARKDOWNX_SERVER_CALL_LATENCY = 500
# The editor keeps its height, scrolling beside its preview (blog.editor), rather than growing.
MARKDOWNX_EDITOR_RESIZABLE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # BibTeX's parser and LaTeX decoder warn once per broken block or unknown macro: a
        # hostile file would fill the log, and the importer reports the first error anyway.
        "bibtexparser": {"level": "ERROR"},
        "pylatexenc": {"level": "ERROR"},
    },
}

if not DEBUG:
    # Behind a load balancer that ends TLS: trust its X-Forwarded-Proto (or the
    # header SECURE_PROXY_SSL_HEADER names; empty when nothing sits in front).
    if proxy_ssl_header:
        SECURE_PROXY_SSL_HEADER = ("HTTP_" + proxy_ssl_header.upper().replace("-", "_"), "https")
    SECURE_SSL_REDIRECT = ssl_redirect
    SECURE_HSTS_SECONDS = hsts_seconds
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# A load balancer's health check speaks plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: the admin and the markdownx editor send the
# token from the form's hidden input.
CSRF_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts and styles from this site only,
# never inline scripts (neither the admin nor the markdownx editor has any).
# Inline style attributes stay allowed: the admin's templates use a few.
# Images may come from anywhere over HTTPS, as posts embed them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
