"""Every URL of the site, sent hostile values, answers a 4xx or a form error: never a 500.

The walk takes the URL patterns from the resolver, so a pattern added later
is walked too (a regex pattern needs a sample below, or the test says so).
Each pattern gets NUL bytes, bytes that are not UTF-8 and over-long values in
its path, its query, its headers, its cookies and a form body, anonymously
and, for the admin, as a superuser. Run on PostgreSQL (which refuses NUL in
text) as well as on SQLite.
"""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import make_comment, make_post, make_source, make_staff

SLOT = "SLOT"
# Values for the groups of regex patterns (the admin's), which cannot be filled generically.
REGEX_SAMPLES = {"app_label": "blog", "url": SLOT}
INT_SAMPLES = {"post_id": "post", "pk": "comment", "year": "2024", "revision_id": "1", "autosave_id": "1"}

HOSTILE_SEGMENTS = ["%00", "a%00b", "%FF%FE", "%C0%AF", "%ED%A0%80", "x" * 3000, quote("ä\u202e\u200b")]
HOSTILE_QUERIES = [
    "q=%00&p=%00&page=%00&next=%00&o=%00",
    "q=%FF&p=%FE&page=%C0&next=%ED%A0%80&o=%FF",
    "q=" + "x" * 5000 + "&page=99999999999999999999&p=" + "9" * 400,
    "q=a&page=-1&o=-99&all=&e=1&status__exact=x&id__gt=nan&_changelist_filters=%FF",
]
FIELDS = ["name", "email", "website", "body", "parent", "token", "q", "username", "password", "content"]
HOSTILE_FORMS = [
    dict.fromkeys(FIELDS, "a\x00b"),
    dict.fromkeys(FIELDS, "x" * 100_000),
    # Direction overrides, a byte-order mark, and what a lone surrogate becomes when decoded.
    dict.fromkeys(FIELDS, "\u202e\ufeff\ufffd"),
]
NOT_UTF8_BODY = (
    b"name=%FF%FE&email=a%40example.org&body=\xff\xfe\xfd&username=%C0%AF&password=\xed\xa0\x80&q=\xff"
)
HOSTILE_HEADERS = [
    {
        "HTTP_USER_AGENT": "agent\x00",
        "HTTP_REFERER": "https://example.org/\x00",
        "HTTP_ACCEPT_LANGUAGE": "\x00",
    },
    {"HTTP_X_FORWARDED_FOR": "203.0.113.1\x00, 1", "HTTP_IF_NONE_MATCH": '"\x00"'},
    {"HTTP_COOKIE": "sessionid=abcdefgh\x00ijklmnop; csrftoken=\x00"},
    {"HTTP_COOKIE": 'sessionid="abcdefgh\\000ijklmnop"; cp_comments="\\000"'},
    # A cookie that is not UTF-8 reaches the views (as replacement characters).
    {"HTTP_COOKIE": "sessionid=\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8; cp_comments=\xff; cp_commenter=\xc0\xaf"},
    {"HTTP_USER_AGENT": "u" * 20_000, "HTTP_X_FORWARDED_FOR": "1" * 5000},
]


def routes(patterns=None, prefix=""):
    """Every URL pattern as (route, name): a path with ``<converter:name>`` and regex groups left in."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, f"{pattern.pattern.name or pattern.name or route}"


ROUTES = sorted(set(routes()))


def fill(route, samples):
    """``route`` as a path: integers from ``samples``, text as SLOT, regex groups from REGEX_SAMPLES."""

    def converter(match):
        kind, name = match["kind"] or "str", match["name"]
        if kind == "int":
            return samples[INT_SAMPLES[name]] if INT_SAMPLES[name] in samples else INT_SAMPLES[name]
        return "01" if kind == "dd" else SLOT

    def group(match):
        assert match["name"] in REGEX_SAMPLES, f"add a sample for the regex group {match['name']!r}"
        return REGEX_SAMPLES[match["name"]]

    path = re.sub(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>", converter, route)
    return "/" + re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", group, path)


@pytest.fixture
def samples(db):
    post = make_post(slug="walked")
    make_source(key="walked")
    return {"post": str(post.pk), "comment": str(make_comment(post=post).pk)}


def requests_for(path):
    """(method, path, keyword arguments) for each hostile request to one filled-in path."""
    bases = [path.replace(SLOT, segment) for segment in HOSTILE_SEGMENTS] if SLOT in path else []
    plain = path.replace(SLOT, "walked")
    yield from (("get", base, {}) for base in bases)
    yield from (("get", f"{plain}?{query}", {}) for query in HOSTILE_QUERIES)
    yield from (("get", plain, headers) for headers in HOSTILE_HEADERS)
    yield from (("post", plain, {"data": form}) for form in HOSTILE_FORMS)
    yield "post", plain, {"data": NOT_UTF8_BODY, "content_type": "application/x-www-form-urlencoded"}
    yield "post", plain, {"data": {"body": "b\x00"}, "HTTP_USER_AGENT": "agent\x00"}


def assert_no_server_error(client, path):
    for method, url, kwargs in requests_for(path):
        response = getattr(client, method)(url, **kwargs)
        shown = f"{method.upper()} {url[:120]} {str(kwargs)[:120]}"
        assert response.status_code < 500, shown


@pytest.mark.parametrize(("route", "name"), ROUTES)
def test_every_url_refuses_hostile_values_without_a_server_error(samples, route, name):
    """Paths, queries, headers, cookies and forms with NUL, non-UTF-8 and over-long values: all < 500."""
    assert_no_server_error(Client(), fill(route, samples))


@pytest.mark.parametrize(
    ("route", "name"), [(route, name) for route, name in ROUTES if route.startswith("admin/")]
)
def test_every_admin_url_refuses_hostile_values_from_a_superuser_without_a_server_error(samples, route, name):
    """The admin's pages, which take filters, ordering and object ids from the address, as a superuser."""
    client = Client()
    client.force_login(make_staff(is_superuser=True))
    assert_no_server_error(client, fill(route, samples))
