"""A worker's own copy of the pages it serves most, so a hit need not fetch the whole page each time.

Pages are kept by their ETag, a digest of their content: an ETag always
names the same bytes, so a copy can never be out of date and needs no
invalidation. Which ETag is current for an address is still read from the
shared cache on every request (with the generation, in the same round
trip), so a change on any server shows at once on all of them. The store
is bounded by the total length of the pages it holds, dropping the least
recently served first.
"""

import threading
from collections import OrderedDict


def size_of(parts):
    """The bytes a page's parts hold (its holes count as nothing)."""
    return sum(len(part) for part in parts if isinstance(part, bytes))


class LocalStore:
    """Least-recently-used pages by ETag, at most ``limit`` bytes in all (0 keeps nothing)."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, etag):
        with self._lock:
            parts = self._pages.get(etag)
            if parts is not None:
                self._pages.move_to_end(etag)
            return parts

    def put(self, etag, parts):
        size = size_of(parts)
        if size > self.limit:
            return
        with self._lock:
            if etag in self._pages:
                self._pages.move_to_end(etag)
                return
            self._pages[etag] = parts
            self.size += size
            while self.size > self.limit:
                _, dropped = self._pages.popitem(last=False)
                self.size -= size_of(dropped)

    def __len__(self):
        return len(self._pages)
