"""Which requests the page cache answers, which pages it keeps, and what it sends with them."""

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client

from comments.cookies import HINT_COOKIE, IDENTITY_COOKIE, OWN_COOKIE
from pagecache import versions
from tests.factories import make_post, make_staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def states(client, url, times=2):
    """The X-Page-Cache header of ``times`` GETs of ``url`` (a new browser each time without ``client``)."""
    return [(client or Client()).get(url).get("X-Page-Cache") for _ in range(times)]


def test_a_second_anonymous_get_is_served_from_the_cache():
    """The first visitor's GET renders and stores the page; the next visitor's is a hit with the same page."""
    post = make_post(title="Kept whole")
    first = Client().get(post.get_absolute_url())
    second = Client().get(post.get_absolute_url())
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Kept whole" in second.content.decode()
    assert second["Content-Length"] == str(len(second.content))
    assert second["Content-Type"] == first["Content-Type"]


def test_a_hit_carries_the_security_headers_the_page_was_rendered_with(settings):
    """The cache sits before the security middleware, so a hit must send what a rendered page sends."""
    settings.SECURE_HSTS_SECONDS = 3600
    post = make_post()
    first = Client().get(post.get_absolute_url(), secure=True)
    second = Client().get(post.get_absolute_url(), secure=True)
    assert second["X-Page-Cache"] == "hit"
    for header in [
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Security-Policy",
        "X-Frame-Options",
    ]:
        assert second[header] == first[header], header


def test_static_files_are_never_looked_up(monkeypatch):
    """A static file's request does not ask the cache for a page."""
    monkeypatch.setattr(versions, "cache", lambda: pytest.fail("the page cache was asked"))
    Client().get("/static/css/site.css")


def test_head_is_answered_from_the_page_a_get_stored():
    """A HEAD after a GET is a hit with the GET's headers."""
    make_post()
    Client().get("/")
    response = Client().head("/")
    assert response["X-Page-Cache"] == "hit"
    assert response.status_code == 200


def test_the_query_string_is_part_of_the_address():
    """/?page=2 is a different page from /."""
    Client().get("/")
    assert Client().get("/?page=2")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("cookie", ["sessionid", CookieStorage.cookie_name, "anything_else"])
def test_a_visitor_with_a_cookie_of_their_own_always_gets_a_fresh_page(cookie):
    """A session, a waiting message or an unknown cookie bypass the cache."""
    make_post()
    client = Client()
    client.cookies[cookie] = "x"
    assert [client.get("/").get("X-Page-Cache") for _ in range(2)] == [None, None]


@pytest.mark.parametrize("cookie", [OWN_COOKIE, IDENTITY_COOKIE, HINT_COOKIE])
def test_a_commenters_cookies_get_the_shared_page(cookie):
    """A commenter's cookies change no page (the page's script reads them), so they get the cached one."""
    make_post()
    Client().get("/")
    client = Client()
    client.cookies[cookie] = "x"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_cookies_named_in_the_setting_are_ignored(settings):
    """PAGE_CACHE_IGNORED_COOKIES lists cookies (analytics, say) that change no page."""
    settings.PAGECACHE_IGNORED_COOKIES = ["_ga"]
    client = Client()
    client.cookies["_ga"] = "GA1.1"
    assert states(client, "/") == ["miss", "hit"]


def test_logged_in_staff_see_fresh_pages(client):
    """A signed-in author never gets a stored page, nor stores one."""
    post = make_post(title="Fresh for staff")
    client.force_login(make_staff())
    assert [client.get(post.get_absolute_url()).get("X-Page-Cache") for _ in range(2)] == [None, None]
    assert Client().get(post.get_absolute_url())["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("url", ["/admin/login/", "/healthz"])
def test_excluded_paths_are_never_cached(url):
    """The admin and the health check are always answered afresh."""
    responses = [Client().get(url) for _ in range(2)]
    assert [response.get("X-Page-Cache") for response in responses] == [None, None]


@pytest.mark.urls("tests.pagecache.urls")
@pytest.mark.parametrize("url", ["/test/cookie/", "/test/session/", "/test/private/", "/test/language/"])
def test_pages_that_set_cookies_are_private_or_vary_otherwise_are_not_stored(url):
    """A cookie, a session write, never_cache or a Vary on another header: served, never kept."""
    assert states(None, url) == ["skip", "skip"]


@pytest.mark.urls("tests.pagecache.urls")
def test_a_plain_page_is_stored():
    """The same kind of view without any of those is kept (so the test above can fail)."""
    assert states(Client(), "/test/plain/") == ["miss", "hit"]


def test_not_found_pages_are_not_stored():
    """Only 200s are kept: a missing page is looked up every time."""
    assert states(Client(), "/2020/01/01/nothing-here/") == ["skip", "skip"]


def test_an_unreachable_cache_serves_the_page_uncached(monkeypatch):
    """When the cache fails, the page is rendered as if there were none."""

    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setattr(versions, "cache", broken)
    make_post(title="Still served")
    response = Client().get("/")
    assert response.status_code == 200
    assert "Still served" in response.content.decode()
    assert "X-Page-Cache" not in response


def test_the_setting_turns_the_cache_off(settings):
    """PAGE_CACHE=false: every page is rendered afresh."""
    settings.PAGECACHE_ENABLED = False
    assert [Client().get("/").get("X-Page-Cache") for _ in range(2)] == [None, None]


def test_cached_pages_keep_their_cache_control_and_vary_on_cookie():
    """A stored page keeps the Cache-Control it was given (public), and says Vary: Cookie, on a hit too."""
    make_post()
    responses = [Client().get("/") for _ in range(2)]
    assert [response["X-Page-Cache"] for response in responses] == ["miss", "hit"]
    assert all(response["Cache-Control"].startswith("public, ") for response in responses)
    assert all("Cookie" in response["Vary"] for response in responses)


def test_a_hit_is_one_cache_round_trip_and_skips_sessions_and_auth(django_assert_num_queries, monkeypatch):
    """A worker that knows the page's keys reads it and their versions at once; no database, user, session."""
    from django.core.cache import cache

    make_post()
    browser = Client()
    browser.get("/")
    browser.get("/")
    calls, depth = [], []

    def counted(name, original):
        # LocMemCache's get_many calls its own get: count only the outermost call.
        def call(*args, **kwargs):
            if not depth:
                calls.append(name)
            depth.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                depth.pop()

        return call

    for name in ("get", "get_many", "set", "set_many", "add", "incr"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    with django_assert_num_queries(0):
        response = browser.get("/")
    assert response["X-Page-Cache"] == "hit"
    assert calls == ["get_many"]
    assert not hasattr(response.wsgi_request, "user")
    assert not hasattr(response.wsgi_request, "session")


def test_a_page_whose_keys_versions_left_the_cache_is_rendered_again():
    """When the cache dropped a key's version (a culled file, an evicted key), its pages are misses."""
    from django.core.cache import cache

    post = make_post(title="Rendered again")
    url = post.get_absolute_url()
    assert states(Client(), url) == ["miss", "hit"]
    cache.delete(versions.PREFIX + f"post-{post.pk}")
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Rendered again" in response.content.decode()
    assert Client().get(url)["X-Page-Cache"] == "hit"


def test_a_worker_that_knows_a_pages_old_keys_still_checks_its_new_ones(django_capture_on_commit_callbacks):
    """A page another worker stored with a new key (a new tag) is retired by that key on this worker too."""
    from blog.models import Tag

    with django_capture_on_commit_callbacks(execute=True):
        post = make_post()
        tag = Tag.objects.create(name="Niger", slug="niger")
    this_worker, other_worker, url = Client(), Client(), post.get_absolute_url()
    assert states(this_worker, url) == ["miss", "hit"]
    with django_capture_on_commit_callbacks(execute=True):
        post.tags.add(tag)
    assert states(other_worker, url, times=1) == ["miss"]
    assert states(this_worker, url, times=1) == ["hit"]
    versions.retire({f"tag-{tag.pk}"})
    assert states(this_worker, url, times=1) == ["miss"]
