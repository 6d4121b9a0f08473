"""Build the benchmark corpus in the configured database and print its targets as JSON.

500 posts written in the dialect (the demo posts' bodies, each citing bench
sources), 1,000 sources, and one post, the newest, with 200 approved
comments of which 50 are replies. Run by ``bench.run`` as
``python -m bench.corpus`` with the benchmark's ``DATABASE_URL``.
"""

import json
import os
import random
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from blog.models import Post, Tag  # noqa: E402
from blog.rendering import render_comment  # noqa: E402
from citations.models import Source  # noqa: E402
from comments.models import Comment  # noqa: E402
from demo.content import CONTENT_DIR, demo_posts  # noqa: E402

POSTS, SOURCES, COMMENTS, REPLIES = 500, 1000, 200, 50
WORDS = " ".join(
    [
        "arms stockpile militia border desert convoy rifle report ministry rebels treaty ceasefire",
        "analysts smuggling region garrison envoy mandate sanctions refugees",
    ]
).split(" ")


def sentence(rng, words=30):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def demo_sources():
    """The demo's CSL-JSON records as Source rows (the fields the bench needs)."""
    rows = []
    for item in json.loads((CONTENT_DIR / "sources.json").read_text()):
        year, month, day = ([*item.get("issued", {}).get("date-parts", [[None]])[0], None, None])[:3]
        rows.append(
            Source(
                key=item["id"],
                type=item.get("type", "article-newspaper"),
                title=item.get("title", ""),
                container_title=item.get("container-title", ""),
                authors=item.get("author", []),
                issued_year=year,
                issued_month=month,
                issued_day=day,
                url=item.get("URL", ""),
            )
        )
    return rows


def bench_sources(rng):
    return [
        Source(
            key=f"bench{number:04d}",
            title=sentence(rng, 6)[:-1],
            container_title=rng.choice(["The Ledger", "Review of Affairs", "Desert Post", "Harbour Journal"]),
            authors=[
                {"given": rng.choice(["Ann", "Bo", "Cy"]), "family": rng.choice(["Okafor", "Lind", "Ruiz"])}
            ],
            issued_year=rng.randint(1990, 2020),
            url=f"https://example.org/articles/{number}",
        )
        for number in range(SOURCES)
    ]


def make_posts(rng, author, tags):
    templates = demo_posts()
    now = timezone.now()
    posts = []
    for number in range(POSTS - 1):
        template = templates[number % len(templates)]
        body = f"{template.body}\n\n{sentence(rng)} [@bench{rng.randrange(SOURCES):04d}, p. {number}]\n"
        post = Post(
            title=f"{template.title} ({number})",
            slug=f"{template.slug}-{number}",
            author=author,
            status=Post.Status.PUBLISHED,
            publish_at=now - timedelta(days=POSTS - number),
            summary=template.summary,
            body=body,
        )
        post.save()
        post.tags.set(rng.sample(tags, 2))
        posts.append(post)
    outgunned = next(item for item in templates if item.slug == "gaddafis-arsenal-malis-war")
    post = Post(
        title=outgunned.title,
        slug=outgunned.slug,
        author=author,
        status=Post.Status.PUBLISHED,
        publish_at=now - timedelta(hours=1),
        summary=outgunned.summary,
        body=outgunned.body,
    )
    post.save()
    post.tags.set(tags[:4])
    return post


def add_comments(rng, post):
    """200 approved comments on ``post``: 150 on the post, then 50 replies to earlier ones."""
    created = timezone.now() - timedelta(minutes=COMMENTS)

    def comment(index, parent=None):
        body = " ".join(sentence(rng, 12) for _ in range(4))
        return Comment(
            post=post,
            parent=parent,
            depth=parent.depth + 1 if parent else 0,
            author_name=f"Reader {index}",
            author_email=f"reader{index}@example.org",
            body=body,
            body_html=render_comment(body),
            status=Comment.Status.APPROVED,
            created=created + timedelta(minutes=index),
        )

    roots = Comment.objects.bulk_create(comment(index) for index in range(COMMENTS - REPLIES))
    every = list(roots)
    for index in range(COMMENTS - REPLIES, COMMENTS):
        reply = comment(index, parent=rng.choice(every[-60:]))
        reply.save()
        every.append(reply)
    # created is auto_now_add: put the dates back so the thread reads in order.
    for item in every:
        Comment.objects.filter(pk=item.pk).update(created=item.created)


def targets(post):
    """The URLs to load, by their names."""
    return {
        "home": reverse("blog:post_list"),
        "post": post.get_absolute_url(),
        "feed": reverse("blog:feed_rss"),
        "search": reverse("blog:search") + "?q=Gaddafi",
        "comment": reverse("comments:post", kwargs={"post_id": post.pk}),
        "post_id": post.pk,
    }


@transaction.atomic
def build():
    rng = random.Random(20261123)
    author = get_user_model().objects.create(username="bench-author", first_name="Bench", last_name="Author")
    Source.objects.bulk_create(demo_sources() + bench_sources(rng))
    tags = [Tag.objects.create(name=f"Topic {number}", slug=f"topic-{number}") for number in range(12)]
    post = make_posts(rng, author, tags)
    add_comments(rng, post)
    return post


def analyze():
    """Fresh planner statistics: just after a bulk load, PostgreSQL's guess the tables are tiny."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


if __name__ == "__main__":
    existing = Post.objects.filter(slug="gaddafis-arsenal-malis-war").first()
    post = existing or build()
    analyze()
    print(json.dumps(targets(post)))
