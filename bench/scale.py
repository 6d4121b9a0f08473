"""Measure each public page at growing archive sizes: time, queries and bytes, with growth from the smallest.

Builds the archive in a throw-away PostgreSQL test database (``DATABASE_URL``)
with bulk inserts: 2,000 tags, 5,000 sources, posts spread over fifteen
years with three tags and a footnote each, one source cited by 1,500 posts (or
a third of them), twenty comments a post (a million at 50,000; 1 % pending,
5 % spam) and 2,000 on the newest post. Every post holds the word "archive",
a fifth "drones", one in 5,000 "zebra". The page cache is off; the lists'
counts are cached as in production, so each page is timed warm (median of
five after one fetch). The moderation queue is timed as a moderator.

    make bench-scale                      # 1,000 and 10,000 posts
    BENCH_SIZES=1000,10000,50000 make bench-scale
    BENCH_PLANS=1 make bench-scale        # and each page's slowest query plan, at the largest size
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
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench import plans  # noqa: E402
from blog.models import Post, Tag  # noqa: E402
from citations.models import Source  # noqa: E402
from tests.factories import make_staff, make_user  # noqa: E402

TAGS, SOURCES, YEARS = 2_000, 5_000, 15
COMMENTS_PER_POST, HOT_POST_COMMENTS = 20, 2_000
COMMENT = "I read the report differently: the *second* table contradicts the minister's figure."


def build(size):
    """An archive of ``size`` published posts, built in seconds per 10,000."""
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE blog_post, blog_tag, citations_source, comments_comment RESTART IDENTITY CASCADE"
        )
    cache.clear()
    author = make_user(username=f"writer{size}")
    Tag.objects.bulk_create(Tag(name=f"Topic {n:04d}", slug=f"topic-{n:04d}") for n in range(TAGS))
    sources = [
        Source(
            key=f"source{n}",
            title=f"Source number {n}",
            container_title=f"Journal {n % 300}",
            authors=[{"family": f"Writer{n % 700}", "given": "Ann"}],
        )
        for n in range(SOURCES)
    ]
    for source in sources:
        source.refresh_derived()  # as every bulk writer must: names, sort key, stored entry and note
    Source.objects.bulk_create(sources)
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
        add_comments(cursor, size)
    Post.objects.all().refresh_search_documents()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def add_comments(cursor, size):
    """Twenty comments a post in its first day, a quarter of them replies, and 2,000 on the newest post."""
    total = size * COMMENTS_PER_POST
    cursor.execute(
        """
        INSERT INTO comments_comment (id, post_id, parent_id, depth, author_name, author_email,
            author_url, body, body_html, status, status_reason, created, ip_address, user_agent,
            notify_replies, reply_notice_sent, author_notice_sent, staff_role, rendered_with)
        SELECT i, post_id, CASE WHEN i %% 4 = 0 THEN i - 1 END, CASE WHEN i %% 4 = 0 THEN 1 ELSE 0 END,
            'Reader ' || (i %% 5000), 'reader' || (i %% 5000) || '@example.org', '',
            %s, '<p>' || %s || '</p>',
            CASE WHEN i %% 100 = 7 THEN 'pending' WHEN i %% 20 = 3 THEN 'spam' ELSE 'approved' END,
            CASE WHEN i %% 100 = 7 THEN 'first comment from this email address' ELSE '' END,
            p.publish_at + (i %% 20 + 1) * interval '1 hour',
            ('10.' || (i %% 200) || '.' || (i / 200 %% 250) || '.' || (i %% 250))::inet,
            'Mozilla/5.0', false, false, false, '', ''
        FROM (
            SELECT i, CASE WHEN i <= %s THEN (i - 1) / %s + 1 ELSE 1 END AS post_id
            FROM generate_series(1, %s) AS i
        ) AS numbered JOIN blog_post p ON p.id = numbered.post_id
        """,
        [COMMENT, COMMENT, total, COMMENTS_PER_POST, total + HOT_POST_COMMENTS],
    )
    cursor.execute("SELECT setval(pg_get_serial_sequence('comments_comment', 'id'), %s)", [total + 1])


def pages(size):
    """(name, url, as_staff) of each page measured, chosen the same way at every size."""
    last = (size + 9) // 10
    middle = Post.objects.order_by("publish_at")[size // 2]
    newest = Post.objects.get(slug="post-0")
    public = [
        ("home", "/"),
        ("home, last page", f"/?page={last}"),
        ("archive index", "/archive/"),
        ("year archive", f"/{middle.publish_at.year}/"),
        ("month archive", f"/{middle.publish_at.year}/{middle.publish_at.month:02d}/"),
        ("post, 20 comments", middle.get_absolute_url()),
        ("post, 2,000 comments", newest.get_absolute_url()),
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
    queue = reverse("admin:comments_comment_changelist")
    staff = [("moderation queue", queue), ("queue, pending", f"{queue}?status__exact=pending")]
    return [(name, url, False) for name, url in public] + [(name, url, True) for name, url in staff]


def measure(client, url):
    """(median milliseconds, queries, bytes, slowest query) of a warm GET of ``url``."""
    client.get(url)
    times = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    captured = queries.captured_queries
    return statistics.median(times), len(captured), len(response.content), plans.slowest(captured)


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
            reader, moderator = Client(), Client()
            moderator.force_login(make_staff(groups=["Moderators"], username=f"moderator{size}"))
            results[size] = {
                name: measure(moderator if as_staff else reader, url) for name, url, as_staff in pages(size)
            }
            if os.environ.get("BENCH_PLANS") and size == sizes[-1]:
                for name, (ms, _queries, _bytes, query) in results[size].items():
                    if query is None:
                        continue
                    print(f"\n{name} ({ms:.1f} ms), slowest query {float(query['time']) * 1000:.1f} ms:")
                    print(plans.explain(query))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    header = f"{'page':<22}" + "".join(f"{f'{size:,} posts':>28}" for size in sizes) + f"{'growth':>9}"
    print(header)
    print(f"{'':<22}" + f"{'ms  queries      bytes':>28}" * len(sizes))
    for name in results[sizes[0]]:
        row = f"{name:<22}"
        for size in sizes:
            ms, queries, size_bytes, _query = results[size][name]
            row += f"{ms:>11.1f}{queries:>9}{size_bytes:>8,}"
        growth = results[sizes[-1]][name][0] / results[sizes[0]][name][0]
        print(row + f"{growth:>8.1f}×")


if __name__ == "__main__":
    main()
