"""Jobs for the tests of the queue: each leaves a tag behind, a row anyone can see."""

import time
from pathlib import Path

from blog.models import Tag
from jobs.background import background

# How many times each flaky job has been called, by name (one process only).
calls = {}


@background
def leave_tag(name):
    """Create the tag ``name`` (again is fine: safe to run twice)."""
    Tag.objects.get_or_create(name=name, slug=name)


@background
def queue_another(name):
    """A job that queues a job, as a re-render queues page retirement."""
    leave_tag.enqueue(name)


@background(attempts=3)
def fail_then_leave_tag(name, failures):
    """Raise on the first ``failures`` calls, then create the tag."""
    calls[name] = calls.get(name, 0) + 1
    if calls[name] <= failures:
        raise ConnectionError(f"attempt {calls[name]} of {name} failed")
    leave_tag.call(name)


@background
def sleep_then_leave_tag(name, seconds, marker):
    """The first time (no file at ``marker``), take ``seconds``: a job to kill its worker in the middle of."""
    marker = Path(marker)
    if not marker.exists():
        marker.touch()
        time.sleep(seconds)
    Tag.objects.get_or_create(name=name, slug=name)
