"""Waiting for background work in tests, the way scripts and CI do: ``run_tasks --until-empty``."""

from django.core.management import call_command


def run_jobs():
    """Run every queued background job (and those they queue) in this process, then return."""
    call_command("run_tasks", until_empty=True, verbosity=0)
