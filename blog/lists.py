"""Long lists that cost what a page of them shows, however long the archive grows.

A list page shows ten posts but, left to Django's ``Paginator``, counts
every post to number its pages and reads every row it skips to reach a deep
page. Here the count (which only decorates the page) and other aggregates
over the whole archive (the months with posts) are kept in Django's cache,
retired when a post or tag changes (``blog.receivers``), when the next
scheduled post comes due, and at the latest after ``BLOG_LIST_CACHE_SECONDS``
(bulk writes skip signals). A deep page picks its rows' keys first, in a subquery
that PostgreSQL answers from an index alone, so skipping 50,000 posts reads
index entries, not rows.
"""

import contextlib
import uuid

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from blog import conf
from blog.models import Post

VERSION_KEY = "blog:lists:version"


def cached(name, compute):
    """``compute()``, kept under ``name`` until a post or tag changes or ``BLOG_LIST_CACHE_SECONDS`` pass.

    Nothing correct depends on the cache: when it does not answer, the figure is computed afresh.
    """
    try:
        key = f"blog:lists:{version()}:{name}"
        value = cache.get(key)
    except Exception:
        return compute()
    if value is None:
        value = compute()
        with contextlib.suppress(Exception):
            cache.set(key, value, conf.get("LIST_CACHE_SECONDS"))
    return value


def version():
    """The current version of the cached figures, starting one (ending when a scheduled post comes due)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        # A scheduled post coming due changes the lists with no save: the figures end with it.
        due = Post.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()
        timeout = None if due is None else max((due - timezone.now()).total_seconds(), 0.001)
        if not cache.add(VERSION_KEY, current, timeout=timeout):
            current = cache.get(VERSION_KEY, current)
    return current


def retire():
    """Forget every cached count and aggregate: the next page computes them again."""
    # An unreachable cache holds nothing to forget: figures are computed afresh meanwhile.
    with contextlib.suppress(Exception):
        cache.delete(VERSION_KEY)


class ListPaginator(Paginator):
    """Django's ``Paginator`` with its count cached under ``count_name`` and deep pages fetched by key.

    Without ``count_name`` the count is taken afresh, as Django does. Pages,
    numbers and errors are Django's; only the queries differ.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, count_name=None):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.count_name = count_name

    @cached_property
    def count(self):
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        if self.count_name is None:
            return self.object_list.count()
        return cached(f"count:{self.count_name}", self.object_list.count)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        if bottom and isinstance(items, QuerySet):
            # The keys of the page first, skipping over the (index-only) ordering; then just those rows.
            items = items.filter(pk__in=items.values("pk")[bottom:top])
        else:
            items = items[bottom:top]
        return Page(items, number, self)
