"""Time importing 5,000 CSL-JSON and BibTeX records: create, re-import unchanged, update.

Runs in a throw-away test database on whatever DATABASE_URL names (SQLite
in memory without it):

    .venv/bin/python bench/import_sources.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace .venv/bin/python bench/import_sources.py
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from citations import formats  # noqa: E402
from citations.models import Source  # noqa: E402
from citations.services import import_file  # noqa: E402

COUNT = 5000
TYPES = list(Source.Type.values)


def records(count, edition=""):
    """``count`` varied records of every type, every field set."""
    return [
        {
            "id": f"source{number}",
            "type": TYPES[number % len(TYPES)],
            "title": f"Title number {number}{edition}: a study of things",
            "container-title": f"Publication {number % 97}",
            "author": [
                {"given": "Drew", "family": f"Hinshaw{number}"},
                {"given": "Margaret", "family": "Coker"},
                {"literal": "World Health Organization"},
            ],
            "editor": [{"given": "Elizabeth P.", "family": "Peabody"}],
            "publisher": "John W. Parker and Son",
            "publisher-place": "London",
            "issued": {"date-parts": [[1900 + number % 120, 1 + number % 12, 1 + number % 28]]},
            "URL": f"https://example.org/articles/{number}",
            "archive_location": f"https://web.archive.org/web/2020/https://example.org/articles/{number}",
            "accessed": {"date-parts": [[2024, 1, 31]]},
            "volume": str(number % 50),
            "issue": str(number % 4),
            "page": "189-211",
            "DOI": f"10.1000/{number}",
            "ISBN": "978-0-226-10420-1",
        }
        for number in range(count)
    ]


def timed(label, data, fmt):
    start = time.perf_counter()
    report = import_file(data, fmt)
    print(f"  {label:<28} {time.perf_counter() - start:6.2f} s   {report}")


def main():
    vendor = connection.vendor
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"{COUNT} records on {vendor}:")
        for fmt in ("csl-json", "bibtex"):
            Source.objects.all().delete()
            first = formats.write(records(COUNT), fmt).encode()
            second = formats.write(records(COUNT, edition=" (revised)"), fmt).encode()
            print(f" {fmt} ({len(first) / 1e6:.1f} MB)")
            timed("create", first, fmt)
            timed("re-import, unchanged", first, fmt)
            timed("update every record", second, fmt)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
