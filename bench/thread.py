"""Why the comment thread is written in Python: ``python -m bench.thread``.

Renders a 200-comment thread (100 comments, each with a reply) with
``comments.thread.render_thread`` and with the recursive template it
replaced (``tests/comments/reference/comment.html``, through the cached
loader), and prints the milliseconds of each. No database is needed.
"""

import os
import timeit
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.template import Context, Engine  # noqa: E402

from comments.models import Comment  # noqa: E402
from comments.selectors import Node, ThreadComment  # noqa: E402
from comments.thread import render_thread  # noqa: E402

REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "comments" / "reference" / "comment.html"
ENGINE = Engine(
    loaders=[
        (
            "django.template.loaders.cached.Loader",
            [
                (
                    "django.template.loaders.locmem.Loader",
                    {"comments/includes/comment.html": REFERENCE.read_text()},
                )
            ],
        )
    ]
)
ROOTS = ENGINE.from_string(
    '{% for node in roots %}{% include "comments/includes/comment.html" %}{% endfor %}'
)


def comment(pk, parent=None):
    return ThreadComment(
        pk=pk,
        status=Comment.Status.APPROVED,
        parent_id=parent,
        author_name=f"Reader {pk}",
        author_url="https://reader.example/",
        body_html="<p>" + "Some words of a comment. " * 12 + "</p>",
        created=datetime(2026, 3, 4, 9, 5, tzinfo=UTC),
        edited=None,
    )


def best_ms(function, number=20):
    return min(timeit.repeat(function, number=number, repeat=5)) / number * 1000


def main():
    roots = [Node(comment(2 * n + 1), children=[Node(comment(2 * n + 2, 2 * n + 1))]) for n in range(100)]
    python = best_ms(lambda: render_thread(roots, ""))
    template = best_ms(lambda: ROOTS.render(Context({"roots": roots, "closed_reason": ""})))
    print(
        f"200-comment thread: Python {python:.2f} ms, template {template:.2f} ms ({template / python:.1f}x)"
    )


if __name__ == "__main__":
    main()
