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
    CACHES = {"default": env.cache_config(env.get_str("CACHE_URL", default="locmem://"))}
    globals().update(env.email_config(env.get_str("EMAIL_URL", default="console://")))
    DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", default="Commonplace <noreply@localhost>")
    SERVER_EMAIL = env.get_str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
    SITE_NAME = env.get_str("SITE_NAME", default="Commonplace")
    SITE_DESCRIPTION = env.get_str(
        "SITE_DESCRIPTION", default="Quotations from the news, and what to make of them."
    )
    SITE_URL = env.get_url("SITE_URL", default="http://127.0.0.1:8000")
    TIME_ZONE = env.get_str("TIME_ZONE", default="UTC")
    LOG_LEVEL = env.get_str("LOG_LEVEL", default="INFO").upper()
    MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
    STATIC_ROOT = Path(env.get_str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
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
    "markdownx",
    "citations",
    "blog",
    "comments",
    "wordpress",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the final 404 of an old WordPress address (as contrib.redirects' fallback does).
    "wordpress.middleware.WordPressRedirectMiddleware",
]

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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
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

# A refused form gets a readable page in the site's style (and a comment its text back).
CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"

# Bodies are Markdown written by hand; 2.5 MB of form data is far beyond any
# post and keeps a hostile request from tying up a worker.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# markdownx: the admin's live preview calls the same pipeline as the public
# page, with the library's sources; blog.editor serves it to staff only.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "blog.live_preview.markdownify"
MARKDOWNX_MEDIA_PATH = "uploads/%Y/%m/"
MARKDOWNX_UPLOAD_MAX_SIZE = 2 * 1024 * 1024
MARKDOWNX_UPLOAD_CONTENT_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
MARKDOWNX_SERVER_CALL_LATENCY = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "plain"}},
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {"django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False}},
}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", default=31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
