"""How a thread splits into pages, as WordPress's "Break comments into pages" does: pure functions.

A page holds ``COMMENTS_PER_PAGE`` top-level comments, each with all its
replies; page 1 holds the oldest. The post's page shows the last page or the
first (``COMMENTS_DEFAULT_PAGE``); within a page, top-level comments come
oldest or newest first (``COMMENTS_ORDER``). A thread is stored as one HTML
string with the offset where each top-level comment starts
(``comments.thread.render_roots``): a page is a slice of it.
"""

from bisect import bisect_right
from typing import NamedTuple

from django.utils.safestring import SafeString

from comments import conf


class Page(NamedTuple):
    """Which slice of the stored HTML a page is, and where it stands among the pages."""

    start: int
    stop: int | None  # None: to the end
    number: int
    pages: int
    default: int
    cuts: tuple[int, ...]  # where each top-level comment starts in the slice

    @property
    def where(self):
        return self.number, self.pages, self.default


class Paging(NamedTuple):
    per_page: int  # 0: one page
    default_last: bool
    newest_first: bool

    @classmethod
    def current(cls):
        return cls(max(0, int(conf.get("PER_PAGE"))), conf.default_last(), conf.newest_first())

    def count(self, roots):
        """How many pages ``roots`` top-level comments make (at least one)."""
        return max(1, -(-roots // self.per_page)) if self.per_page else 1

    def page(self, offsets, wanted=None, at=None):
        """The ``Page`` asked for: the one holding character ``at``, else number ``wanted``, else the default.

        ``offsets`` are where each top-level comment starts; a ``wanted``
        number out of range gives the default page.
        """
        roots = len(offsets)
        pages = self.count(roots)
        default = pages if self.default_last else 1
        if at is not None and roots:
            number = (bisect_right(offsets, at) - 1) // self.per_page + 1 if self.per_page else 1
        elif isinstance(wanted, int) and 1 <= wanted <= pages:
            number = wanted
        else:
            number = default
        first = (number - 1) * self.per_page if self.per_page else 0
        last = min(roots, first + self.per_page) if self.per_page else roots
        start = offsets[first] if first < roots else 0
        stop = offsets[last] if last < roots else None
        return Page(
            start, stop, number, pages, default, tuple(offset - start for offset in offsets[first:last])
        )

    def arrange(self, part, page):
        """The page's HTML ``part`` with its top-level comments in the order shown."""
        if not self.newest_first or len(page.cuts) < 2:
            return SafeString(part)
        bounds = [*page.cuts, len(part)]
        items = [part[bounds[index] : bounds[index + 1]] for index in range(len(page.cuts))]
        return SafeString(part[: page.cuts[0]] + "".join(reversed(items)))
