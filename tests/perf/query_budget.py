"""Count the queries a page costs, to hold pages to a budget that does not grow with their content.

``count_queries(url)`` fetches ``url`` as an anonymous visitor (the page cache
is off in tests) and returns how many SQL queries it ran. ``assert_flat``
fetches a page, lets the test add more of what the page lists, fetches it
again and asserts the count did not change. Extend ``test_query_budget.py``
with a test per page: archives, tags, post feeds, search.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(url, client=None):
    """The number of queries a GET of ``url`` runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as context:
        response = (client or Client()).get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return len(context.captured_queries)


def assert_flat(url, add_more, client=None):
    """``url`` runs as many queries after ``add_more()`` as before it; returns that number.

    Each count is of a second view: the first after a change may store what
    it rendered (a post's public comment thread), which costs a fixed few more.
    """
    count_queries(url, client)
    before = count_queries(url, client)
    add_more()
    count_queries(url, client)
    after = count_queries(url, client)
    assert after == before, f"{url}: {before} queries before, {after} after adding more"
    return before
