"""Retire the stored pages that carry the keys of a committed change (``httpcache.signals.keys_changed``).

The page cache keeps no registry of its own: apps name what a change purges
once, through ``httpcache.receivers``, and the same announcement purges the
front caches and retires the pages stored here.
"""

import logging

from httpcache.signals import keys_changed
from pagecache import versions

logger = logging.getLogger(__name__)


def retire(keys, **kwargs):
    """After the commit: the change has happened, so a cache outage is logged, not raised.

    Pages stored before it then live out ``PAGECACHE_SECONDS`` at most.
    """
    try:
        versions.retire(keys)
    except Exception:
        logger.exception("Could not retire the cached pages; they expire within PAGECACHE_SECONDS.")


def connect():
    keys_changed.connect(retire, dispatch_uid="pagecache-retire")
