"""The httpcache app's background job: purging front caches and the CDN by key, off the request path."""

from httpcache import purge as purges
from jobs.background import background


@background
def purge(keys):
    """Purge ``keys`` from every front cache and the CDN (``purge.send``); retried while one fails."""
    purges.send(keys)
