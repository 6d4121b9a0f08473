"""A worker's own copy of the pages it serves most, so a hit need not fetch them from the shared cache.

Pages are kept by their ETag, a digest of their content: an ETag always
names the same bytes, so a copy can never be out of date and needs no
invalidation. The store is bounded by the total length of the pages it
holds, dropping the least recently served first.

Which ETag is current for an address (the page's head) is kept too, but
only for the current generation (``LocalHeads``), so a change on any
server still shows at once on all of them.
"""

import threading
from collections import OrderedDict


class LocalStore:
    """Least-recently-used pages by ETag, at most ``limit`` bytes in all (0 keeps nothing)."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, etag):
        with self._lock:
            body = self._pages.get(etag)
            if body is not None:
                self._pages.move_to_end(etag)
            return body

    def put(self, etag, body):
        size = len(body)
        if size > self.limit:
            return
        with self._lock:
            if etag in self._pages:
                self._pages.move_to_end(etag)
                return
            self._pages[etag] = body
            self.size += size
            while self.size > self.limit:
                _, dropped = self._pages.popitem(last=False)
                self.size -= len(dropped)

    def __len__(self):
        return len(self._pages)


class LocalHeads:
    """The heads (what is stored under an address) that a worker has read or stored in the current generation.

    With the generation known without asking the shared cache
    (``pagecache.subscription``), a hit on a head kept here needs no round
    trip at all. A head is good only in the generation it was stored in and
    until it expires; the store empties when the generation changes, and
    when it holds ``limit`` heads (addresses with query strings are unbounded).
    """

    def __init__(self, limit):
        self.limit = limit
        self._token = None
        self._heads = {}
        self._lock = threading.Lock()

    def get(self, key, token, now):
        with self._lock:
            if token != self._token:
                self._heads, self._token = {}, token
                return None
            head = self._heads.get(key)
        return head if head is not None and head.get("expires", 0) > now else None

    def put(self, key, head):
        """Keep ``head`` if it belongs to the generation last asked about (older ones are of no use)."""
        with self._lock:
            if head["generation"] != self._token:
                return
            if len(self._heads) >= self.limit:
                self._heads.clear()
            self._heads[key] = head

    def __len__(self):
        return len(self._heads)
