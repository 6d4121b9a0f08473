"""PostgreSQL not answering: every page is a readable 503 with Retry-After, and no comment is lost.

The test process's own connection is pointed at a port where nothing listens
(PostgreSQL only: SQLite's in-memory test database cannot be taken away).
``test_unavailable_server.py`` does the same to a real gunicorn server.
"""

import re
import socket
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client

from tests.factories import comment_form_data, make_post

pytestmark = pytest.mark.postgres

PAGES = [
    "/",
    "/2024/01/02/a-post/",
    "/archive/",
    "/2024/",
    "/tags/",
    "/tags/news/",
    "/authors/someone/",
    "/search/?q=arms",
    "/sources/",
    "/sources/smith2020/",
    "/feed/",
    "/comments/feed/",
    "/sitemap.xml",
    "/no/such/page/",
    "/?p=12",
]


@contextmanager
def port_where_nothing_listens():
    """A local port bound but not listening: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@contextmanager
def database_unreachable():
    """Point this process's database connection at a dead port until the block ends."""
    if connection.vendor != "postgresql":
        pytest.skip("the test database is SQLite, held in memory; the server test covers PostgreSQL down")
    saved = dict(connection.settings_dict)
    with port_where_nothing_listens() as port:
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(port))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.update(saved)


@pytest.fixture
def database_down(django_db_blocker):
    with django_db_blocker.unblock(), database_unreachable():
        yield


@pytest.fixture
def browser():
    return Client(raise_request_exception=False)


def assert_readable_503(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "cannot reach its database" in page
    assert 'href="/static/css/site.css"' in page
    assert '<nav class="site-nav"' in page


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_a_readable_503_when_the_database_is_down(database_down, browser, path):
    """Home, post, archives, tags, authors, search, sources, feeds, the sitemap and a 404: each a 503 page."""
    assert_readable_503(browser.get(path))


def test_the_503_page_carries_the_security_headers(database_down, browser):
    """The 503 page is a page like any other: CSP, nosniff and frame denial."""
    response = browser.get("/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_a_signed_in_visitor_gets_the_503_page_too(database_down, browser):
    """A session cookie makes the site read the session and the user, which fail like any query."""
    browser.cookies["sessionid"] = "k" * 32
    assert_readable_503(browser.get("/admin/"))
    assert_readable_503(browser.get("/"))


def test_signing_in_while_the_database_is_down_is_a_503(database_down, browser):
    """The admin's login form posted meanwhile answers 503, not 500."""
    response = browser.post("/admin/login/", {"username": "admin", "password": "secret"})
    assert_readable_503(response)


def test_healthz_still_answers_503_json(database_down, browser):
    """The health check keeps its own JSON answer for load balancers."""
    response = browser.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_a_comment_sent_while_the_database_is_down_comes_back_with_its_text(database_down, browser):
    """The reader gets the form again, filled with what they wrote, the reason, and Retry-After."""
    form = {
        "name": "Ada <Reader>",
        "email": "ada@example.org",
        "website": "https://ada.example.org/",
        "body": "A long & careful reply\nthat must not be lost.",
        "parent": "7",
        "notify": "on",
    }
    response = browser.post("/comments/post/12/", form)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "cannot reach its database" in page and "Your text is kept below" in page
    assert "A long &amp; careful reply\nthat must not be lost.</textarea>" in page
    assert 'value="Ada &lt;Reader&gt;"' in page
    assert 'value="ada@example.org"' in page and 'value="https://ada.example.org/"' in page
    assert re.search(r'name="parent" value="7"', page)
    assert re.search(r'name="notify"[^>]*checked', page)
    assert 'action="/comments/post/12/"' in page
    assert "csrfmiddlewaretoken" not in page and 'name="token"' not in page


def test_an_edit_sent_while_the_database_is_down_comes_back_with_its_text(database_down, browser):
    """The writer editing their comment gets the edit form again, holding the changed text."""
    response = browser.post("/comments/5/edit/", {"body": "Corrected: 1950s, <not> 1960s."})
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert "your change could not be saved" in page
    assert "Corrected: 1950s, &lt;not&gt; 1960s.</textarea>" in page
    assert 'action="/comments/5/edit/"' in page
    assert "csrfmiddlewaretoken" not in page


@pytest.mark.django_db(transaction=True)
def test_a_comment_sent_back_can_be_posted_once_the_database_answers(browser):
    """The form the 503 page gives back is a working form: sent again, it stores the comment."""
    post = make_post()
    data = comment_form_data(post, body="Written while the database was away.")
    with database_unreachable():
        page = browser.post(f"/comments/post/{post.pk}/", data).content.decode()
    assert "Written while the database was away." in page
    response = browser.post(f"/comments/post/{post.pk}/", data)
    assert response.status_code == 302
    assert post.comments.get().body == "Written while the database was away."


@pytest.mark.django_db(transaction=True)
def test_pages_in_the_page_cache_are_still_served(settings, browser, django_db_blocker):
    """A page stored before the database went away is still served; one never stored is a 503."""
    settings.PAGECACHE_ENABLED = True
    post = make_post(title="Kept in the cache")
    assert browser.get(post.get_absolute_url())["X-Page-Cache"] == "miss"
    with database_unreachable():
        response = browser.get(post.get_absolute_url())
        assert (response.status_code, response["X-Page-Cache"]) == (200, "hit")
        assert "Kept in the cache" in response.content.decode()
        assert_readable_503(browser.get("/tags/"))
