"""Signals the jobs app sends."""

from django.dispatch import Signal

# Sent (with ``worker_id``) when a long-running worker starts, before it takes
# its first job: an app whose stored data may have gone stale while no worker
# ran (a setting changed at a restart) can queue the job that rebuilds it.
worker_started = Signal()
