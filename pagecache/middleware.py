"""Serve anonymous GETs of public pages from the shared cache; store the pages any cache may share.

A request is served from (and its page stored in) the cache only when it is
a GET or HEAD to a public path, from a visitor with no cookie but those every
visitor's page ignores (the CSRF one, ``PAGECACHE_IGNORED_COOKIES`` and those
apps add with ``share_cookie``): staff (a session) and anyone with a message
waiting always get a fresh page. A page is stored only when it is a plain
200 that sets no cookie and says any cache may keep it (``Cache-Control:
public``, which ``httpcache`` gives anonymous public pages). Stored pages are
the same bytes for every visitor: nothing in them is anyone's own.

A stored page is kept whole (status, headers, body, ETag) under its address,
with the surrogate keys it was sent with and the clock it was rendered at
(``pagecache.versions``): it is served while none of its keys was retired
since, so a change retires only the pages that show what changed. A hit is
one round trip, reading the page and its keys' versions together, once the
worker has seen which keys the page at that address carries (it keeps only
their names, never a page); otherwise two.

The middleware sits first in ``MIDDLEWARE``, so a hit skips everything
else (security headers, static files, sessions, authentication, messages),
none of which a cookieless visitor's page depends on: the page's headers
(its security, CSP, framing, caching and Vary headers) are stored with it,
and a hit answers ``If-None-Match`` itself. Static and media files are
never looked up.
"""

import hashlib
import logging
import re
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response

from pagecache import versions

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
# Headers made afresh for every response rather than stored with the page.
UNSTORED = {"content-length", "etag", "set-cookie", "date", "expires", HEADER.lower()}
# What Django's GZipMiddleware looks for.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Vary values that every stored page already accounts for.
SHAREABLE_VARY = {"cookie", "accept-encoding"}
# How many addresses' keys a worker remembers (addresses with query strings are unbounded).
HINTS_KEPT = 10_000
# Cookies that apps' pages ignore (see share_cookie).
SHARED_COOKIES = set()


def share_cookie(name):
    """Serve the cached page to visitors with cookie ``name``: no page the cache stores reads it."""
    SHARED_COOKIES.add(name)


def cache_control(response):
    """The response's Cache-Control directives, by lower-case name."""
    return dict(
        part.strip().lower().partition("=")[::2] for part in response.get("Cache-Control", "").split(",")
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # By address, the keys its page had when this worker last saw it: a hint of which
        # versions to read with the page, so a hit is one round trip. Never a page.
        self.hints = {}

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        now = time.time()
        try:
            hint = self.hints.get(key, ())
            found = versions.cache().get_many(
                [key, versions.CLOCK, versions.DUE, *versions.version_keys(hint)]
            )
            page = found.get(key)
            if self.is_current(key, page, now, hint, found):
                return self.serve(page, request)
            rendered = found.get(versions.CLOCK) or versions.start_clock()
        except Exception:
            logger.exception("The page cache is unreachable; serving the page uncached.")
            return self.get_response(request)
        response = self.get_response(request)
        if request.method != "GET" or not self.is_storable(request, response):
            response[HEADER] = "skip"
            return response
        response[HEADER] = "miss"
        self.store(key, response, rendered, found, now)
        return response

    def is_cacheable_request(self, request):
        if not settings.PAGECACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        if request.path_info.startswith(tuple(settings.PAGECACHE_EXCLUDED_PATHS)):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        shared = {settings.CSRF_COOKIE_NAME, *settings.PAGECACHE_IGNORED_COOKIES, *SHARED_COOKIES}
        return all(name in shared for name in request.COOKIES)

    def is_storable(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        if "public" not in cache_control(response):
            return False
        vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
        return vary <= SHAREABLE_VARY

    def is_current(self, key, page, now, hint, found):
        """Whether the stored ``page`` (or None) is unexpired, none of its keys retired since its render.

        When the page's keys are the ``hint``, ``found`` holds their versions already.
        """
        if page is None or page["expires"] <= now:
            return False
        if tuple(page["keys"]) == hint:
            return versions.is_current(hint, page["rendered"], found)
        self.remember(key, page["keys"])
        return versions.is_current(page["keys"], page["rendered"])

    def remember(self, key, page_keys):
        """Note the keys of the page at address ``key`` (forgetting all at ``HINTS_KEPT`` addresses)."""
        if len(self.hints) >= HINTS_KEPT:
            self.hints.clear()
        self.hints[key] = tuple(page_keys)

    def key(self, request):
        # A page is kept compressed for browsers that take gzip, plain for the others.
        encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "identity"
        address = f"{encoding} {request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"

    def store(self, key, response, rendered, found, now):
        """Keep the page until it expires or a change retires one of its keys."""
        body = response.content
        if not response.has_header("ETag"):
            response["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        response["Content-Length"] = str(len(body))
        page_keys = response.get("Surrogate-Key", "").split()
        try:
            due = versions.next_due(found, now)
            expires = min(now + settings.PAGECACHE_SECONDS, due or float("inf"))
            versions.record(page_keys, rendered)
            headers = {name: value for name, value in response.items() if name.lower() not in UNSTORED}
            page = {
                "rendered": rendered,
                "keys": page_keys,
                "expires": expires,
                "status": response.status_code,
                "headers": headers,
                "etag": response["ETag"],
                "body": body,
            }
            versions.cache().set(key, page, timeout=max(1, int(expires - now)))
            self.remember(key, page_keys)
        except Exception:
            logger.exception("Could not store a page in the cache.")

    @staticmethod
    def serve(page, request):
        """The stored page, as every visitor gets it; a 304 to a browser that has it."""
        response = HttpResponse(page["body"], status=page["status"], headers=page["headers"])
        response[HEADER] = "hit"
        response["ETag"] = page["etag"]
        response["Content-Length"] = str(len(page["body"]))
        if "HTTP_IF_NONE_MATCH" not in request.META and "HTTP_IF_MODIFIED_SINCE" not in request.META:
            return response
        return get_conditional_response(request, etag=page["etag"], response=response)
