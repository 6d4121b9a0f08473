"""The real front cache: Varnish with ``deploy/varnish/commonplace.vcl`` in front of a live gunicorn.

Every anonymous reader shares one copy of a page, and a change purges, by
the keys the site names, only the pages that show it: the worker sends the
purges (``httpcache.purge``), and a purged page is served stale for the moment
Varnish takes to fetch it anew. While the site is down the last good pages are
still served.
"""

import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.httpcache.varnish import (
    PROJECT_DIR,
    Site,
    Varnish,
    fetch,
    free_port,
    listening,
    refetched,
    wait_until,
)
from tests.services import varnishd

SETUP = """
from django.contrib.auth.models import User
from blog.models import Post
from comments.models import Comment
writer = User.objects.create(username='writer')
first = Post.objects.create(title='First post', slug='first', body='Body.', status='published',
    author=writer, publish_at='2024-01-02T12:00:00Z')
second = Post.objects.create(title='Second post', slug='second', body='Body.', status='published',
    author=writer, publish_at='2024-01-03T12:00:00Z')
Comment.objects.create(post=first, author_name='Known', author_email='known@example.org',
    body='First approved.', status='approved')
Comment.objects.create(post=first, author_name='New', author_email='new@example.org',
    body='Held, then approved.')
print(first.pk)
"""
FIRST, SECOND = "/2024/01/02/first/", "/2024/01/03/second/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    varnishd()
    site = Site(tmp_path_factory.mktemp("varnish"))
    site.first_id = site.orm(SETUP)
    varnish_port = free_port()
    site.env["HTTPCACHE_FRONT_CACHES"] = f"http://127.0.0.1:{varnish_port}"
    site.varnish = Varnish([site.start()], port=varnish_port)
    yield site
    site.varnish.stop()
    site.stop_all()


def get(site, path, **headers):
    return fetch(site.varnish.url + path, headers=headers)


def warm(site, *paths):
    """Fetch ``paths`` until the front cache serves each of them."""
    for path in paths:
        get(site, path)
        assert get(site, path).cache == "hit", path


def test_a_second_anonymous_visitor_gets_the_same_bytes_from_the_cache(site):
    """The first reader's GET fills the cache; the second, with other cookies, gets the same bytes from it."""
    site.varnish.purge(f"post-{site.first_id}")
    first = get(site, FIRST)
    second = get(site, FIRST, Cookie="_ga=GA1.2.345.678; cp_own=1")
    assert (first.status, first.cache, second.status, second.cache) == (200, "miss", 200, "hit")
    assert int(second.headers["Age"]) >= 0
    assert second.body == first.body and second.headers["ETag"] == first.headers["ETag"]
    assert "First approved." in second.text
    assert "public" in second.headers["Cache-Control"]
    assert "xkey" not in second.headers and "Cookie" not in second.headers.get("Vary", "")


def test_a_signed_in_visitor_and_a_form_post_go_to_the_site(site):
    """A session cookie or a POST passes the cache: nothing of theirs is kept or served from it."""
    warm(site, FIRST)
    assert get(site, FIRST, Cookie="sessionid=unknown").cache == "pass"
    assert get(site, FIRST, Cookie="sessionid=unknown").cache == "pass"


def test_only_the_listed_addresses_may_purge(site):
    """A PURGE from outside the ``purgers`` ACL is refused and retires nothing; one without keys is a 400."""
    assert site.varnish.purge() == 400
    outside = Varnish(list(site.servers), purgers=("192.0.2.1",))
    try:
        fetch(outside.url + SECOND)
        assert outside.purge("posts", "post-1", "post-2") == 403
        assert fetch(outside.url + SECOND).cache == "hit"
    finally:
        outside.stop()


def test_approving_a_comment_purges_its_post_and_comment_feeds_not_the_home_page_or_other_posts(site):
    thread_feed = f"/comments/feed/{site.first_id}/"
    warm(site, FIRST, thread_feed, "/comments/feed/", "/", SECOND, "/feed/")
    site.orm(
        "from comments.models import Comment; from comments.services import comment_moderate; "
        "comment_moderate(comments=list(Comment.objects.filter(author_name='New')), status='approved', "
        "moderator=None)"
    )
    for path in (FIRST, thread_feed, "/comments/feed/"):
        stale, page = refetched(site.varnish.url + path)
        assert "Held, then approved." not in stale.text and "Held, then approved." in page.text, path
    for path in ("/", SECOND, "/feed/"):
        assert get(site, path).cache == "hit", path


def test_publishing_a_post_purges_the_lists_and_feeds_that_show_it(site):
    thread_feed = f"/comments/feed/{site.first_id}/"
    warm(site, "/", "/feed/", "/2024/01/", "/authors/writer/", thread_feed)
    site.orm(
        "from django.contrib.auth.models import User; from blog.models import Post; "
        "Post.objects.create(title='Third post', slug='third', body='Body.', status='published', "
        "author=User.objects.get(username='writer'), publish_at='2024-01-04T12:00:00Z')"
    )
    for path in ("/", "/feed/", "/2024/01/", "/authors/writer/"):
        stale, page = refetched(site.varnish.url + path)
        assert "Third post" not in stale.text and "Third post" in page.text, path
    assert get(site, thread_feed).cache == "hit"


def test_an_approval_shows_through_the_front_cache_promptly_with_no_worker_running(site):
    """The approving process purges Varnish as it commits: the readers' next fetch shows the comment."""
    site.orm(
        "from comments.models import Comment; from blog.models import Post; "
        "Comment.objects.create(post=Post.objects.get(slug='first'), author_name='Prompt', "
        "author_email='prompt@example.org', body='Shown promptly.')"
    )
    warm(site, FIRST)
    assert "Shown promptly." not in get(site, FIRST).text
    site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from comments.models import Comment; from comments.services import comment_moderate; "
        "comment_moderate(comments=list(Comment.objects.filter(author_name='Prompt')), status='approved', "
        "moderator=None)",
    )
    wait_until(lambda: "Shown promptly." in get(site, FIRST).text, seconds=5)


CACHE_CONTROL = "public, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400"


class SlowSite(ThreadingHTTPServer):
    """A site whose page takes until ``release`` is set to make: ``version N``, public, keyed ``slow``."""

    def __init__(self):
        self.version, self.asked, self.release = 1, threading.Event(), threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path != "/healthz":
                    version = server.version
                    server.asked.set()
                    server.release.wait(10)
                    body = f"version {version}".encode()
                else:
                    body = b"ok"
                self.send_response(200)
                self.send_header("Cache-Control", CACHE_CONTROL)
                self.send_header("Surrogate-Key", "slow")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()


def test_a_page_whose_fetch_began_before_a_purge_is_stored_stale_and_fetched_anew():
    """The site may have read the page before the change a purge announces: that copy is not kept as fresh."""
    varnishd()
    slow = SlowSite()
    varnish = Varnish([slow.server_address[1]])
    try:
        with ThreadPoolExecutor(1) as pool:
            first = pool.submit(fetch, varnish.url + "/page/")
            assert slow.asked.wait(10)
            assert varnish.purge("slow") == 200
            slow.version = 2
            slow.release.set()
            assert first.result().text == "version 1"
        # Stored for a millisecond: the next readers get it while Varnish fetches the page anew.
        wait_until(lambda: fetch(varnish.url + "/page/").text == "version 2", seconds=5)
        assert fetch(varnish.url + "/page/").cache == "hit"
    finally:
        varnish.stop()
        slow.shutdown()
        slow.server_close()


def comment_form(page):
    action = re.search(r'<form class="comment-form"[^>]*action="([^"]+)"', page.text)[1]
    return action, {"name": "Known", "email": "known@example.org", "body": "Sent through the front cache."}


def test_a_cross_site_post_is_refused_with_the_text_kept_and_a_same_site_one_works_without_cookies(site):
    """The cached page's form works with no cookie at all; another site's copy of it is refused, readably.

    The form's redirect retires the page it leads to, before the worker's purge.
    """
    action, form = comment_form(get(site, FIRST))
    data = urllib.parse.urlencode(form).encode()
    refused = fetch(site.varnish.url + action, data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status == 403 and refused.cache == "pass"
    assert "Sent through the front cache." in refused.text
    warm(site, FIRST)
    sent = fetch(site.varnish.url + action, data=data, headers={"Sec-Fetch-Site": "same-origin"})
    # Sent to the post's page, which the front cache fetches anew: the writer sees their comment at once.
    assert (sent.status, sent.cache) == (200, "miss")
    assert "Sent through the front cache." in sent.text


def test_the_last_good_page_is_served_while_the_site_is_down(site):
    """Past stale-while-revalidate a page is fetched anew while the site is up, served stale while down."""
    port = site.start(HTTPCACHE_S_MAXAGE="1", HTTPCACHE_STALE_WHILE_REVALIDATE="1")
    varnish = Varnish([port])
    try:
        page = fetch(varnish.url + SECOND)
        assert page.cache == "miss"
        time.sleep(2.5)
        assert fetch(varnish.url + SECOND).cache == "miss"
        site.stop(port)
        time.sleep(2.5)
        stale = fetch(varnish.url + SECOND)
        assert (stale.status, stale.cache) == (200, "hit, stale")
        assert stale.body == page.body
        assert fetch(varnish.url + "/never-cached/").status == 503
    finally:
        varnish.stop()


def test_make_serve_puts_varnish_in_front_and_everything_stops_together(site):
    """``make serve`` (``deploy.serve``) answers on PORT through Varnish; TERM stops all it started."""
    port, backend = free_port(), free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "deploy.serve"],
        cwd=PROJECT_DIR,
        env={**site.env, "PORT": str(port), "BACKEND_PORT": str(backend), "SITE_URL": "http://blog.test"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: listening(port), seconds=60)
        assert fetch(f"http://127.0.0.1:{port}{SECOND}").status == 200
        assert fetch(f"http://127.0.0.1:{port}{SECOND}").cache == "hit"
        assert fetch(f"http://127.0.0.1:{backend}{SECOND}").headers.get("X-Cache") is None
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=60)
    assert not listening(port) and not listening(backend)
