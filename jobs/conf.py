"""The jobs app's settings, with their defaults (read as ``JOBS_<NAME>`` from Django's settings).

``config/settings.py`` sets one from the environment variable of the same name.
"""

from django.conf import settings

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
}


def get(name):
    """The setting ``JOBS_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"JOBS_{name}", DEFAULTS[name])
