"""Time an import of 200 posts citing sources under an in-text style (APA), and count citeproc-py's work.

The posts are saved inside ``blog.derived.deferred()``, as the importers
save them, so the block's end renders them in batches. Prints the wall time,
how many citations citeproc-py formatted for how many the posts hold, and
how many reference-list entries it formatted for the 100 sources cited.
Runs in a throw-away test database on whatever DATABASE_URL names
(``BENCH_POSTS`` sets how many posts):

    .venv/bin/python bench/in_text_import.py
"""

import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from citeproc import CitationStylesBibliography  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.corpus import sentence  # noqa: E402
from blog import derived  # noqa: E402
from blog.models import Post  # noqa: E402
from citations.models import Source  # noqa: E402

POSTS, SOURCES, CITATIONS = int(os.environ.get("BENCH_POSTS", 200)), 100, 6


def body(rng):
    """Paragraphs citing sources: bracketed with pages, several at once, narrative, author suppressed."""
    keys = [f"src{rng.randrange(SOURCES):03d}" for _ in range(CITATIONS)]
    forms = [
        f"[@{keys[0]}, p. {rng.randrange(1, 300)}]",
        f"[see @{keys[1]}; @{keys[2]}]",
        f"@{keys[3]} [p. 4]",
        f"[-@{keys[4]}]",
        f"[@{keys[5]}]",
    ]
    return "\n\n".join(f"{sentence(rng)} {form}" for form in forms)


def build(rng):
    Source.objects.bulk_create(
        Source(
            key=f"src{number:03d}",
            type="book",
            title=sentence(rng, 5)[:-1],
            authors=[{"family": f"Author{number}", "given": "Ann"}],
            publisher="Press",
            issued_year=1950 + number % 70,
        )
        for number in range(SOURCES)
    )
    return get_user_model().objects.create_superuser("bench", "bench@example.com", "bench")


def counting():
    """Count the citations and reference entries citeproc-py formats, whatever processor asks."""
    calls = {"cite": 0, "entries": 0}
    cite, bibliography = CitationStylesBibliography.cite, CitationStylesBibliography.bibliography

    def counted_cite(self, citation, callback):
        calls["cite"] += 1
        return cite(self, citation, callback)

    def counted_bibliography(self):
        calls["entries"] += len(self.items)
        return bibliography(self)

    CitationStylesBibliography.cite = counted_cite
    CitationStylesBibliography.bibliography = counted_bibliography
    return calls


def main():
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(CITATION_STYLE="apa"):
            rng = random.Random(17)
            author = build(rng)
            bodies = [body(rng) for _ in range(POSTS)]
            now = timezone.now()
            calls = counting()
            start, cpu = time.perf_counter(), time.process_time()
            with transaction.atomic(), derived.deferred():
                for number, text in enumerate(bodies):
                    Post.objects.create(
                        title=f"Post {number}",
                        slug=f"post-{number}",
                        author=author,
                        status=Post.Status.PUBLISHED,
                        publish_at=now,
                        body=text,
                    )
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            citations = POSTS * (CITATIONS - 1)
            print(f"{POSTS} posts, {citations} citations under APA on {connection.vendor}:")
            print(f"  import inside derived.deferred()   {elapsed:6.2f} s ({cpu:.2f} s of its CPU)")
            print(f"  citations citeproc-py formatted    {calls['cite']:6d}")
            print(f"  reference entries it formatted     {calls['entries']:6d}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
