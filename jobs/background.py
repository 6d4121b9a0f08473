"""Tasks that retry: the one way the project's apps declare background work.

``@background`` makes a function a task of Django's task framework (the
``django_tasks`` backport until Django 6.0 ships ``django.tasks``), queued in
the database, so a job exists exactly when the transaction that queued it
commits and survives a restart of every process. When a job raises, a new
attempt is queued with a growing delay, up to ``JOBS_ATTEMPTS``; the failed
attempt stays in the admin with its error. A job may run more than once (a
retry, or a worker that died mid-job), so every job must be safe to repeat.
"""

import functools
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from jobs import conf

logger = logging.getLogger(__name__)

# The keyword under which a retry carries its attempt number; the job's own function never sees it.
ATTEMPT = "job_attempt"


def backoff(attempt):
    """The wait before the attempt after ``attempt`` (counted from 1)."""
    seconds = conf.get("BACKOFF_SECONDS") * 4 ** (attempt - 1)
    return timedelta(seconds=min(seconds, conf.get("BACKOFF_MAX_SECONDS")))


def background(function=None, *, attempts=None, priority=0, queue_name="default"):
    """Declare ``function`` a background task that retries; call ``.enqueue(*args, **kwargs)`` to queue it.

    Arguments must be JSON: pass primary keys, not model instances, so the job
    reads the rows as they are when it runs.
    """

    def declare(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return function(*args, **kwargs)
            except Exception:
                limit = attempts or conf.get("ATTEMPTS")
                if attempt < limit:
                    retry = declared.using(run_after=timezone.now() + backoff(attempt))
                    retry.enqueue(*args, **kwargs, **{ATTEMPT: attempt + 1})
                    logger.warning("%s failed (attempt %d of %d); retrying", declared.name, attempt, limit)
                else:
                    logger.error("%s failed (attempt %d of %d); giving up", declared.name, attempt, limit)
                raise

        declared = task(priority=priority, queue_name=queue_name)(run)
        return declared

    return declare(function) if function is not None else declare
