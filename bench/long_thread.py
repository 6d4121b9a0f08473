"""A 1,500-comment post in Debian's Chromium: the first page's bytes, gzipped bytes, DOM nodes and load time.

Builds one post with ``size`` approved comments (a sixth top-level, the rest
replies one to four levels deep) in its own database (``test_<name>_bench``),
serves the site from a local WSGI server and opens the post in Chromium
(``/usr/bin/chromium`` through Playwright; never a downloaded browser), once
with the thread in pages (``COMMENTS_PER_PAGE``, default 50) and once whole
(``COMMENTS_PER_PAGE=0``, as before pages). Prints the median of five loads
(the database is kept, and replaced by the next run):

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/commonplace
    .venv/bin/python bench/long_thread.py 1500
"""

import argparse
import gzip
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from blog.rendering import render_comment  # noqa: E402
from comments.models import Comment  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.factories import make_post  # noqa: E402

BODIES = [
    "I think the excerpt leaves out the part where the minister *retracts* the claim a week later. "
    "The original interview is worth reading in full; the quotation is accurate but the context "
    "changes what it means.",
    "Thanks for this. The footnote to the second report points at the 2013 edition, which was revised;\n"
    "the page numbers in the 2015 printing are different.\n\nStill, the argument holds.",
    "Is there a source for the figure in the third paragraph? See `table 4` and https://example.org/report.",
    "Three things:\n\n- the date is wrong\n- the name is spelled two ways\n- the link is dead",
]


def build(size):
    """A post with ``size`` approved comments: in each six, a top-level one, a chain of four replies to it
    (depths 1 to 4), and a second reply to it."""
    post = make_post(title="A much-discussed post", slug="much-discussed")
    html = [render_comment(body) for body in BODIES]
    now = timezone.now()
    comments = []
    for number in range(size):
        position = number % 6
        parent = None if position == 0 else comments[-1] if position < 5 else comments[-5]
        comments.append(
            Comment(
                post=post,
                parent=parent,
                depth=parent.depth + 1 if parent else 0,
                author_name=f"Reader {number % 400}",
                author_email=f"reader{number % 400}@example.org",
                author_url="https://example.org/" if number % 5 == 0 else "",
                body=BODIES[number % len(BODIES)],
                body_html=html[number % len(BODIES)],
                status=Comment.Status.APPROVED,
                created=now - timezone.timedelta(minutes=size - number),
            )
        )
        Comment.objects.bulk_create(comments[-1:])
    return post


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def serve():
    """The site (with its static files) on a local port, in a thread; returns its address."""
    server = make_server("127.0.0.1", 0, StaticFilesHandler(WSGIHandler()), WSGIServer, QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


def weigh(url):
    raw = Client().get(url)
    zipped = Client().get(url, headers={"Accept-Encoding": "gzip"})
    assert raw.status_code == 200 and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == raw.content
    times = []
    for _ in range(5):
        start = time.perf_counter()
        Client().get(url)
        times.append(time.perf_counter() - start)
    return len(raw.content), len(zipped.content), statistics.median(times)


def load(browser, address):
    """Median load (ms), DOMContentLoaded (ms) and DOM nodes of five fresh loads in Chromium."""
    loads, ready, nodes = [], [], 0
    for _ in range(5):
        context = browser.new_context()
        page = context.new_page()
        page.goto(address, wait_until="load")
        timing = page.evaluate(
            "(() => { const n = performance.getEntriesByType('navigation')[0];"
            " return [n.loadEventEnd, n.domContentLoadedEventEnd]; })()"
        )
        nodes = page.evaluate("document.getElementsByTagName('*').length")
        loads.append(timing[0])
        ready.append(timing[1])
        context.close()
    return statistics.median(loads), statistics.median(ready), nodes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, nargs="?", default=1500, help="how many comments")
    options = parser.parse_args()
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    db = connection.settings_dict
    db["TEST"]["NAME"] = f"test_{db['NAME']}_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        post = build(options.size)
        roots = Comment.objects.filter(post=post, parent=None).count()
        deepest = max(Comment.objects.values_list("depth", flat=True))
        print(f"{options.size:,} comments, {roots} top-level, deepest at depth {deepest}")
        address = serve()
        columns = ("KB", "KB gzip", "server ms", "load ms", "DOMready", "nodes")
        print(f"{'thread':<22} " + " ".join(f"{column:>9}" for column in columns))
        for label, per_page in (("pages of 50 (default)", 50), ("whole (per page 0)", 0)):
            with override_settings(COMMENTS_PER_PAGE=per_page):
                url = post.get_absolute_url()
                raw, zipped, server = weigh(url)
                loaded, ready, nodes = load(browser, address + url)
            figures = (f"{raw / 1024:.1f}", f"{zipped / 1024:.1f}", f"{server * 1000:.1f}")
            figures += (f"{loaded:.0f}", f"{ready:.0f}", str(nodes))
            print(f"{label:<22} " + " ".join(f"{figure:>9}" for figure in figures))
    finally:
        browser.close()
        playwright.stop()
        # The server thread's connection is left open: the next run clobbers the database.
        connection.settings_dict["NAME"] = old_name


if __name__ == "__main__":
    main()
