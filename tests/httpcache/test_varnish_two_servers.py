"""Two gunicorn servers behind one Varnish, sharing one database and one Redis.

Varnish takes the servers in turn; a change made through either purges the
page the front cache holds, whichever server filled it: the server that
took the change purges it, by key, as the change commits.
"""

import os
import re
import urllib.parse

import pytest

from tests.httpcache.varnish import Site, Varnish, fetch, free_port, refetched
from tests.services import redis_client, varnishd

REDIS_URL = os.environ.get("HTTPCACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
POST = "/2024/01/02/shared/"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    varnishd()
    redis_client(REDIS_URL).flushdb()
    site = Site(tmp_path_factory.mktemp("varnish-two-servers"), CACHE_URL=REDIS_URL, PAGE_CACHE="true")
    site.orm(
        "from django.contrib.auth.models import User; from blog.models import Post; "
        "from comments.models import Comment; "
        "p = Post.objects.create(title='Shared post', slug='shared', body='Body.', status='published', "
        "author=User.objects.create(username='writer'), publish_at='2024-01-02T12:00:00Z'); "
        "Comment.objects.create(post=p, author_name='Known', author_email='known@example.org', "
        "body='First approved.', status='approved')"
    )
    varnish_port = free_port()
    site.env["HTTPCACHE_FRONT_CACHES"] = f"http://127.0.0.1:{varnish_port}"
    site.ports = [site.start(), site.start()]
    site.varnish = Varnish(site.ports, port=varnish_port)
    yield site
    site.varnish.stop()
    site.stop_all()


def cached(site):
    """The post page as the front cache serves it, once it holds a copy."""
    fetch(site.varnish.url + POST)
    page = fetch(site.varnish.url + POST)
    assert page.cache == "hit"
    return page


@pytest.mark.parametrize("text", ["A first comment through the other server.", "A second, the other way."])
def test_a_comment_through_one_server_purges_the_page_the_other_filled(site, text):
    """The page was fetched from one server; a known reader's comment, posted to the other, shows next."""
    page = cached(site)
    filled_by = site.varnish.fetched_from(POST)
    other = f"http://127.0.0.1:{site.ports[1 - filled_by]}"
    action = re.search(r'<form class="comment-form"[^>]*action="([^"]+)"', page.text)[1]
    form = {"name": "Known", "email": "known@example.org", "body": text}
    sent = fetch(
        other + action, data=urllib.parse.urlencode(form).encode(), headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert sent.status == 200
    stale, fresh = refetched(site.varnish.url + POST)
    assert text not in stale.text and text in fresh.text


def test_a_change_through_the_orm_purges_the_page_and_the_lists(site):
    """A post renamed by another process: its page and the home page through Varnish show the new title."""
    for path in (POST, "/"):
        fetch(site.varnish.url + path)
    site.orm(
        "from blog.models import Post; p = Post.objects.get(slug='shared'); p.title = 'Renamed'; p.save()"
    )
    for path in (POST, "/"):
        stale, page = refetched(site.varnish.url + path)
        assert "Renamed" not in stale.text and "Renamed" in page.text
