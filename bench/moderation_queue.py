"""Time the moderation queue at scale: N comments on N/20 posts, the queue's pages timed as a moderator.

Builds the comments in one INSERT … SELECT generate_series on PostgreSQL (a
million in about a minute; other databases get bulk_create, for small N), in
its own database (``test_<name>_bench``), kept with ``--keep`` so a second run
skips the build. Prints, per page, the median time of five requests, the bytes,
the queries, and with ``--plans`` the plan of each page's slowest query:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace
    .venv/bin/python bench/moderation_queue.py 200000
    .venv/bin/python bench/moderation_queue.py 1000000 --keep --plans
"""

import argparse
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

from bench import plans as plans_of  # noqa: E402
from blog.models import Post  # noqa: E402
from comments.models import Comment  # noqa: E402
from tests.factories import make_staff, make_user  # noqa: E402

BODIES = [
    "I think the excerpt leaves out the part where the minister *retracts* the claim a week later. "
    "The original interview is worth reading in full; the quotation is accurate but the context "
    "changes what it means.",
    "Thanks for this. The footnote to the second report points at the 2013 edition, which was revised; "
    "the page numbers in the 2015 printing are different.\n\nStill, the argument holds.",
    "Is there a source for the figure in the third paragraph? I could not find it in the report cited, "
    "and the agency's own site gives a lower number for the same year.",
    "Great post. Visit https://cheap-pills.example.com and https://another.example.net for more!",
]


def empty():
    """Remove the posts and comments of an earlier size (without the signals a delete would send)."""
    tables = ["comments_commentevent", "comments_publishedthread", "comments_comment", "blog_post"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} CASCADE")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def build(size):
    """``size`` comments on size/20 posts: a quarter replies, 0.1 % pending, 5 % spam, 1 % removed."""
    author = make_user(username="bench-author")
    now = timezone.now()
    posts = max(1, size // 20)
    for start in range(0, posts, 5000):
        Post.objects.bulk_create(
            Post(
                title=f"A post about the news, number {number}",
                slug=f"post-{number}",
                author=author,
                status=Post.Status.PUBLISHED,
                publish_at=now - timezone.timedelta(hours=number),
                body="The body.",
                body_html="<p>The body.</p>",
            )
            for number in range(start, min(posts, start + 5000))
        )
    first_post = Post.objects.order_by("pk").values_list("pk", flat=True).first()
    if connection.vendor == "postgresql":
        build_on_postgresql(size, posts, first_post)
    else:
        build_anywhere(size, posts, first_post, now)
    with connection.cursor() as cursor:
        cursor.execute(
            f"ANALYZE {Comment._meta.db_table}" if connection.vendor == "postgresql" else "ANALYZE"
        )


def build_on_postgresql(size, posts, first_post):
    bodies = "ARRAY[" + ", ".join(["%s"] * len(BODIES)) + "]"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO comments_comment (id, post_id, parent_id, depth, author_name, author_email,
                author_url, body, body_html, status, status_reason, created, ip_address, user_agent,
                notify_replies, reply_notice_sent, author_notice_sent, staff_role, rendered_with)
            SELECT i, %s + i %% %s, CASE WHEN i %% 4 = 0 AND i > %s THEN i - %s END,
                CASE WHEN i %% 4 = 0 AND i > %s THEN 1 ELSE 0 END,
                'Reader ' || (i %% 5000), 'reader' || (i %% 5000) || '@example.org', '',
                ({bodies})[1 + i %% {len(BODIES)}], '<p>' || ({bodies})[1 + i %% {len(BODIES)}] || '</p>',
                CASE WHEN i %% 1000 = 7 THEN 'pending' WHEN i %% 20 = 3 THEN 'spam'
                     WHEN i %% 100 = 11 THEN 'removed' ELSE 'approved' END,
                CASE WHEN i %% 1000 = 7 THEN '2 links (holding at 2)'
                     WHEN i %% 20 = 3 THEN 'spam word “casino bonus” in body'
                     ELSE 'this email address has an approved comment' END,
                now() - (%s - i) * interval '1 minute',
                ('10.' || (i %% 200) || '.' || (i / 200 %% 250) || '.' || (i %% 250))::inet,
                'Mozilla/5.0', false, false, false, '', ''
            FROM generate_series(1, %s) AS i
            """,
            [first_post, posts, posts, posts, posts, *BODIES, *BODIES, size, size],
        )
        cursor.execute("SELECT setval(pg_get_serial_sequence('comments_comment', 'id'), %s)", [size])


def build_anywhere(size, posts, first_post, now):
    statuses = {7: "pending", 3: "spam", 11: "removed"}
    for start in range(1, size + 1, 10_000):
        Comment.objects.bulk_create(
            Comment(
                id=i,
                post_id=first_post + i % posts,
                parent_id=i - posts if i % 4 == 0 and i > posts else None,
                depth=1 if i % 4 == 0 and i > posts else 0,
                author_name=f"Reader {i % 5000}",
                author_email=f"reader{i % 5000}@example.org",
                body=BODIES[i % len(BODIES)],
                body_html=f"<p>{BODIES[i % len(BODIES)]}</p>",
                status=statuses.get(i % 1000, statuses.get(i % 20, "approved")),
                status_reason="first comment from this email address",
                created=now - timezone.timedelta(minutes=size - i),
                ip_address=f"10.{i % 200}.{i // 200 % 250}.{i % 250}",
            )
            for i in range(start, min(size + 1, start + 10_000))
        )


def measure(client, url, plans):
    """Median seconds of five requests, the page's bytes and queries, and its slowest comment query's plan."""
    client.get(url)
    times = []
    for _ in range(5):
        cache.clear()  # count the pending comments each time, as the first page after a decision does
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    slowest = plans_of.slowest(queries.captured_queries, touching="comments_comment")
    plan = plans_of.explain(slowest) if plans else ""
    return statistics.median(times), len(response.content), len(queries), slowest, plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=200_000, help="how many comments")
    parser.add_argument("--keep", action="store_true", help="keep the database (and reuse one of this size)")
    parser.add_argument("--plans", action="store_true", help="print each page's slowest query plan")
    options = parser.parse_args()
    setup_test_environment()
    settings = connection.settings_dict
    settings["TEST"]["NAME"] = f"test_{settings['NAME']}_bench"
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=not options.keep, keepdb=options.keep
    )
    try:
        if Comment.objects.order_by("-pk").values_list("pk", flat=True).first() != options.size:
            empty()
            start = time.perf_counter()
            build(options.size)
            took = time.perf_counter() - start
            print(f"built {options.size:,} comments in {took:.1f} s on {connection.vendor}")
        moderator = make_staff(groups=["Moderators"], username=f"bench-moderator-{time.time_ns()}")
        client = Client()
        client.force_login(moderator)
        queue = reverse("admin:comments_comment_changelist")
        post = Post.objects.order_by("pk").values_list("pk", flat=True)[7]
        pages = {
            "default (all, newest first)": queue,
            "pending": f"{queue}?status__exact=pending",
            "spam": f"{queue}?status__exact=spam",
            "page 50": f"{queue}?p=50",
            "one post": f"{queue}?post={post}",
            "a network (/24)": f"{queue}?address=10.7.3.0/24",
            "rule: too many links": f"{queue}?rule=links",
            "a comment's page": reverse("admin:comments_comment_change", args=[options.size - 4]),
        }
        print(f"{'page':<30} {'ms':>8} {'KB':>7} {'queries':>8}   slowest comment query (ms)")
        for label, url in pages.items():
            seconds, size, count, slowest, plan = measure(client, url, options.plans)
            slowest_ms = float(slowest["time"]) * 1000
            print(f"{label:<30} {seconds * 1000:8.1f} {size / 1024:7.1f} {count:8d}   {slowest_ms:.1f}")
            if plan:
                print(plan)
    finally:
        if not options.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
