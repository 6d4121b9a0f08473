"""The httpcache app's background job: purging front caches and the CDN by key, off the request path."""

from httpcache import purge as purges
from jobs.background import background


# Ahead of any other waiting job (a comment's emails are queued with its purge): until it lands,
# readers of the CDN (or of a front cache that missed the purge at commit) get the page as it was.
@background(priority=50)
def purge(keys, front_caches=True):
    """Purge ``keys`` from the CDN and, unless already done, every front cache; retried while one fails."""
    purges.send(keys, front_caches=front_caches)
