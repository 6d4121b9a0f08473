"""The httpcache app's background job: purging front caches and the CDN by key, off the request path."""

from httpcache import purge as purges
from jobs.background import background


# Ahead of any other waiting job (a comment's emails are queued with its purge): until it lands,
# readers get the page as it was.
@background(priority=50)
def purge(keys):
    """Purge ``keys`` from every front cache and the CDN (``purge.send``); retried while one fails."""
    purges.send(keys)
