"""gunicorn's settings (``make serve`` and production), read from the environment.

``WEB_CONCURRENCY`` worker processes, each with ``GUNICORN_THREADS`` threads,
listening on ``BIND``. Logs go to stdout. A malformed value stops start-up
with one line, as the Django settings do.
"""

import gc
import sys

from django.core.exceptions import ImproperlyConfigured

from config import env

try:
    bind = env.get_list("BIND", default=["127.0.0.1:8000"])
    workers = env.get_int("WEB_CONCURRENCY", default=2, minimum=1)
    threads = env.get_int("GUNICORN_THREADS", default=1, minimum=1)
    timeout = env.get_int("GUNICORN_TIMEOUT", default=30, minimum=1)
    # Restart a worker now and then, so a slow leak cannot grow without bound;
    # rarely, since a restarted worker starts with none of its own page copies.
    max_requests = env.get_int("GUNICORN_MAX_REQUESTS", default=100_000, minimum=0)
    # Load the site once in the master and fork the workers from it: a new or
    # restarted worker is ready at once, and the workers share the loaded code's memory.
    preload_app = env.get_bool("GUNICORN_PRELOAD", default=True)
    forwarded_allow_ips = env.get_str("FORWARDED_ALLOW_IPS", default="127.0.0.1")
    accesslog = env.get_str("GUNICORN_ACCESS_LOG", default="-") or None
    cache_url = env.get_str("CACHE_URL", default="file://")  # the settings' default: a shared file cache
except ImproperlyConfigured as error:
    sys.exit(f"Configuration error: {error}")

wsgi_app = "config.wsgi:application"
worker_class = "gthread" if threads > 1 else "sync"
max_requests_jitter = max_requests // 10
graceful_timeout = timeout
keepalive = 5
# The combined log format, and how long each request took.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
errorlog = "-"
# The control socket sits at one path per user; several servers on one machine
# (a second site, the tests, the bench) would take it from each other.
control_socket_disable = True


def pre_fork(server, worker):
    """Move everything the master has loaded out of the collector's sight before a worker is forked.

    Without this, each worker's first full collection walks the whole preloaded
    site (about 40 ms on the bench machine, a pause that lands on one
    unlucky request) and touches every object, so the pages shared with the
    master are copied into each worker.
    """
    gc.freeze()


def post_fork(server, worker):
    """A worker must not share the master's database connections (the master opens none, but to be sure)."""
    from django.db import connections

    connections.close_all()


# Each worker's local-memory cache is its own: a change seen by one worker
# would not retire the pages the others keep. Several workers need a shared
# cache (the default file cache, or CACHE_URL=redis://...) for the page cache;
# with locmem:// it is off.
if workers > 1 and cache_url.split("://", 1)[0] in {"locmem", ""}:
    raw_env = ["PAGE_CACHE=false"]
    print(
        "gunicorn.conf.py: CACHE_URL is per-process (locmem://), so the page cache is off; "
        "set CACHE_URL=redis://... to share it between workers.",
        file=sys.stderr,
    )
