"""The httpcache app's background job: purging front caches by key, off the request path."""

from httpcache import purge as purges
from jobs.background import background


@background
def purge(keys):
    """Purge ``keys`` from every front cache (``purge.send``); retried while one is down."""
    purges.send(keys)
