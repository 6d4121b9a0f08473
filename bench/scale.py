"""Measure each public page at growing archive sizes: time, queries and bytes, with growth from the smallest.

Builds the archive in a throw-away PostgreSQL test database (``DATABASE_URL``)
with bulk inserts: 2,000 tags, 5,000 sources, posts spread over fifteen
years with three tags and a footnote each, one source cited by 1,500 posts (or
a third of them). Every post holds the word "archive", a fifth "drones", one
in 5,000 "zebra". The page cache is off; the lists' counts are cached as in
production, so each page is timed warm (median of five after one fetch).

    make bench-scale                      # 1,000 and 10,000 posts
    BENCH_SIZES=1000,10000,50000 make bench-scale
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from blog.models import Post, Tag  # noqa: E402
from citations.models import Source  # noqa: E402
from tests.factories import make_user  # noqa: E402

TAGS, SOURCES, YEARS = 2_000, 5_000, 15


def build(size):
    """An archive of ``size`` published posts, built in seconds per 10,000."""
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE blog_post, blog_tag, citations_source RESTART IDENTITY CASCADE")
    cache.clear()
    author = make_user(username=f"writer{size}")
    Tag.objects.bulk_create(Tag(name=f"Topic {n:04d}", slug=f"topic-{n:04d}") for n in range(TAGS))
    Source.objects.bulk_create(
        Source(
            key=f"source{n}",
            title=f"Source number {n}",
            container_title=f"Journal {n % 300}",
            authors=[{"family": f"Writer{n % 700}", "given": "Ann"}],
            names_text=f"Writer{n % 700}, Ann",
        )
        for n in range(SOURCES)
    )
    now = timezone.now()
    step = timezone.timedelta(days=365 * YEARS) / size
    for start in range(0, size, 5_000):
        Post.objects.bulk_create(
            Post(
                title=f"Post {n} of the archive",
                slug=f"post-{n}",
                author=author,
                status=Post.Status.PUBLISHED,
                publish_at=now - step * (n + 1),
                body=f"The archive holds post {n}. "
                + ("Drones again. " if n % 5 == 0 else "")
                + ("A zebra. " if n % 5_000 == 0 else "")
                + "Words. " * 200,
                body_html=f"<p>The archive holds post {n}.</p>" + "<p>Words.</p>" * 50,
                word_count=200,
            )
            for n in range(start, min(start + 5_000, size))
        )
    popular = min(1_500, size // 3)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO blog_post_tags (post_id, tag_id) SELECT p.id, ((p.id * 7 + k) %% %s) + 1 "
            "FROM blog_post p, generate_series(0, 2) k",
            [TAGS],
        )
        cursor.execute(
            "INSERT INTO blog_footnote (post_id, number, source_id, locator, note_html) "
            "SELECT id, 1, CASE WHEN id <= %s THEN 1 ELSE (id %% %s) + 1 END, '', '<i>Source</i>.' "
            "FROM blog_post",
            [popular, SOURCES],
        )
    Post.objects.all().refresh_search_documents()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def pages(size):
    """(name, url) of each page measured, chosen the same way at every size."""
    last = (size + 9) // 10
    middle = Post.objects.order_by("publish_at")[size // 2].publish_at
    return [
        ("home", "/"),
        ("home, last page", f"/?page={last}"),
        ("archive index", "/archive/"),
        ("year archive", f"/{middle.year}/"),
        ("month archive", f"/{middle.year}/{middle.month:02d}/"),
        ("tag index", "/tags/"),
        ("tag page", "/tags/topic-0001/"),
        ("sources index", "/sources/"),
        ("cited-in page", "/sources/source0/"),
        ("search, common word", "/search/?q=archive"),
        ("search, a fifth", "/search/?q=drones"),
        ("search, rare word", "/search/?q=zebra"),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap, posts", "/sitemap-posts.xml"),
        ("feed", "/feed/"),
    ]


def measure(client, url):
    """(median milliseconds, queries, bytes) of a warm GET of ``url``."""
    client.get(url)
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    return statistics.median(times), len(queries.captured_queries), len(response.content)


def main():
    if connection.vendor != "postgresql":
        sys.exit("bench/scale.py measures PostgreSQL: set DATABASE_URL=postgres://…")
    sizes = [int(size) for size in os.environ.get("BENCH_SIZES", "1000,10000").split(",")]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    results = {}
    try:
        for size in sizes:
            began = time.perf_counter()
            build(size)
            print(f"built {size:,} posts in {time.perf_counter() - began:.0f} s", flush=True)
            client = Client()
            results[size] = {name: measure(client, url) for name, url in pages(size)}
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    header = f"{'page':<22}" + "".join(f"{f'{size:,} posts':>28}" for size in sizes) + f"{'growth':>9}"
    print(header)
    print(f"{'':<22}" + f"{'ms  queries      bytes':>28}" * len(sizes))
    for name in results[sizes[0]]:
        row = f"{name:<22}"
        for size in sizes:
            ms, queries, size_bytes = results[size][name]
            row += f"{ms:>11.1f}{queries:>9}{size_bytes:>8,}"
        growth = results[sizes[-1]][name][0] / results[sizes[0]][name][0]
        print(row + f"{growth:>8.1f}×")


if __name__ == "__main__":
    main()
