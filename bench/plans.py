"""The plan of a page's slowest query, for the benchmarks that explain where a page's time goes."""

from django.db import connection


def slowest(captured, touching=""):
    """The slowest of ``captured`` queries (CaptureQueriesContext's), among those naming ``touching``."""
    candidates = [query for query in captured if touching in query["sql"]]
    return max(candidates, key=lambda query: float(query["time"]), default=None)


def explain(query, indent="      "):
    """PostgreSQL's ``EXPLAIN ANALYZE`` of a captured query, indented for a report ("" elsewhere)."""
    if query is None or connection.vendor != "postgresql":
        return ""
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
        return "\n".join(indent + row[0] for row in cursor.fetchall())
