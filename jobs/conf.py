"""The jobs app's settings, with their defaults (read as ``JOBS_<NAME>``, then the environment)."""

from config.appconf import AppSettings

DEFAULTS = {
    # A job that raises is run again, up to this many attempts in all.
    "ATTEMPTS": 6,
    # The wait before the second attempt; each later wait is four times the one before
    # (10 s, 40 s, 160 s, about 11 and 43 minutes with the defaults), capped at BACKOFF_MAX_SECONDS.
    "BACKOFF_SECONDS": 10,
    "BACKOFF_MAX_SECONDS": 3600,
    # A running worker records that it is alive this often; one not heard from for
    # WORKER_TIMEOUT_SECONDS is taken for dead, and the job it was running is queued again.
    "HEARTBEAT_SECONDS": 5,
    "WORKER_TIMEOUT_SECONDS": 60,
    # How email leaves once its job runs: Django's SMTP backend (EMAIL_HOST, EMAIL_PORT, ...)
    # unless set to another email backend's dotted path.
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}

get = AppSettings("JOBS", DEFAULTS, minimum=1).get
