"""Profile one page of the bench corpus with pyinstrument: ``python -m bench.profile URL [TIMES]``.

Renders the page in-process, as an anonymous visitor with the page cache off,
against the bench database, and prints where the time goes.
"""

import os
import sys

from bench.run import site_env

os.environ.update(site_env(PAGE_CACHE="false", CACHE_URL="locmem://"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402


def main(url, times=20):
    client = Client(HTTP_HOST="127.0.0.1")
    client.get(url)
    profiler = Profiler()
    with profiler:
        for _ in range(times):
            response = client.get(url)
    print(f"{url}: {response.status_code}, {len(response.content):,} bytes, {times} renders")
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
