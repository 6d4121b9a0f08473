"""Time what a source change and a full re-render cost: the admin save of a source cited by 500
posts, the background job that brings those posts up to date, and ``rerender --all`` on 5,000 posts.

Runs in a throw-away test database on whatever DATABASE_URL names (SQLite
in memory without it); the admin save must answer in under a second:

    .venv/bin/python bench/rerender.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace .venv/bin/python bench/rerender.py
"""

import os
import random
import sys
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.corpus import demo_sources, sentence  # noqa: E402
from blog.models import Post  # noqa: E402
from citations.models import Source  # noqa: E402
from demo.content import demo_posts  # noqa: E402

POSTS, CITING, SOURCES = 5000, 500, 200


def build(rng):
    """5,000 posts (the demo's bodies, each citing a bench source; 500 cite ``hub``), not yet rendered."""
    Source.objects.bulk_create(demo_sources())
    Source.objects.bulk_create(
        [
            Source(
                key="hub", type="book", title="The Hub Before", authors=[{"family": "Okafor", "given": "Ann"}]
            )
        ]
        + [Source(key=f"bench{number:03d}", title=sentence(rng, 6)[:-1]) for number in range(SOURCES)]
    )
    author = get_user_model().objects.create_superuser("bench", "bench@example.com", "bench")
    templates, now = demo_posts(), timezone.now()
    Post.objects.bulk_create(
        Post(
            title=f"{templates[number % len(templates)].title} ({number})",
            slug=f"post-{number}",
            author=author,
            status=Post.Status.PUBLISHED,
            publish_at=now - timezone.timedelta(hours=number),
            body=f"{templates[number % len(templates)].body}\n\n{sentence(rng)} "
            + (f"[@hub, p. {number}]" if number < CITING else f"[@bench{rng.randrange(SOURCES):03d}]"),
        )
        for number in range(POSTS)
    )
    return author


def timed(label, function):
    start = time.perf_counter()
    result = function()
    print(f"  {label:<44} {time.perf_counter() - start:6.2f} s")
    return result


def main():
    setup_test_environment()  # the test client's host, and mail kept in memory
    vendor = connection.vendor
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        author = build(random.Random(15))
        print(f"{POSTS} posts, {CITING} of them citing one source, on {vendor}:")
        out = StringIO()
        timed("rerender --all (5,000 posts)", lambda: call_command("rerender", "--all", stdout=out))
        print("    " + out.getvalue().strip().replace("\n", "\n    "))
        client = Client()
        client.force_login(author)
        hub = Source.objects.get(key="hub")
        change = reverse("admin:citations_source_change", args=[hub.pk])
        data = {
            "key": "hub",
            "type": "book",
            "title": "The Hub After",
            "authors": "Okafor, Ann",
            "editors": "",
        }
        response = timed("admin save of a source cited by 500 posts", lambda: client.post(change, data))
        assert response.status_code == 302, response.status_code
        timed("until the 500 posts follow (run_tasks)", lambda: call_command("run_tasks", until_empty=True))
        following = Post.objects.filter(body_html__contains="The Hub After").count()
        print(f"  posts showing the new title: {following}")
        assert following == CITING, following
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
