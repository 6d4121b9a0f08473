"""Reaching the real services a test needs (Redis), and what happens when one is missing.

Outside CI a missing service skips the test, naming it and how to start it;
under CI (``CI`` set, as ``.ci/run`` does) it fails, so a broken machine
cannot pass by skipping.
"""

import os

import pytest

REDIS_START = 'redis-server --daemonize yes --port 6379 --save "" --appendonly no'


def missing(what):
    """Fail under CI, skip elsewhere, saying what is missing."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI requires it)")
    pytest.skip(what)


def redis_client(url):
    """A client for the Redis at ``url`` that answered a PING."""
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        missing(f"Redis is not reachable at {url}: start it with {REDIS_START}")
    return client


VARNISH_INSTALL = "apt-get install varnish varnish-modules"


def varnishd(stderr=""):
    """Check for Varnish with varnish-modules' xkey and var (``stderr``: a failed varnishd's)."""
    import re
    import shutil

    if shutil.which("varnishd") is None:
        missing(f"Varnish is not installed: {VARNISH_INSTALL}")
    if re.search(r"Could not find VMOD (xkey|var)\b", stderr):
        missing(f"varnish-modules (xkey, var) is not installed: {VARNISH_INSTALL}")
