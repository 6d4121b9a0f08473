"""The one announcement of what changed: the surrogate keys of a committed change.

``keys_changed`` is sent with ``keys`` (a set) once per committed transaction
that changed them (``httpcache.purge``). Whatever keeps pages listens: the
purge job of the front caches and CDN, and the single box's page cache.
"""

from django.dispatch import Signal

keys_changed = Signal()
