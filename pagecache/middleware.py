"""Serve anonymous GETs of public pages from the cache; store the pages that may be shared.

A request is served from (and its page stored in) the cache only when it is
a GET or HEAD to a public path, from a visitor with no cookie but those every
visitor's page ignores (the CSRF one, ``PAGECACHE_IGNORED_COOKIES`` and those
apps add with ``share_cookie``): staff (a session) and anyone with a message
waiting always get a fresh page. A page is stored only when it is a plain
200 that sets no cookie and asks not to be kept private. Stored pages are
the same bytes for every visitor: nothing in them is anyone's own.

Each stored page records the generation (``pagecache.generation``) it was
rendered in, and is served only while that generation is current, so a
change anywhere retires every stored page on every server at once. A page
is stored as a small head (generation, status, headers, ETag) under its
address and its body under its ETag. A worker keeps the bodies it serves
(``pagecache.local``), which an ETag always names exactly, and the heads
of the current generation. With Redis, each process also knows the current
generation without asking (``pagecache.subscription``): a hit on a page
the worker has served before makes no round trip at all. Otherwise a hit
is one round trip, reading the generation and the head together.

The middleware sits first in ``MIDDLEWARE``, so a hit skips everything
else (security headers, static files, sessions, authentication, messages),
none of which a cookieless visitor's page depends on: the page's headers
(its security, CSP, framing, caching and Vary headers) are stored with it,
and a hit answers ``If-None-Match`` and ``If-Modified-Since`` itself. Static
and media files are never looked up.
"""

import hashlib
import logging
import re
import time
from functools import lru_cache

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from pagecache import generation
from pagecache.local import LocalHeads, LocalStore

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
# Headers made afresh for every response rather than stored with the page.
UNSTORED_HEADERS = {
    "content-length",
    "etag",
    "last-modified",
    "set-cookie",
    "date",
    "expires",
    HEADER.lower(),
}
CONDITIONAL_HEADERS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# The site's Last-Modified changes only with the generation: format it once.
http_date_of = lru_cache(maxsize=16)(http_date)
# How many addresses' heads a worker keeps for the current generation.
HEADS_KEPT = 10_000
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}
# What Django's GZipMiddleware looks for.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Vary values that every stored page already accounts for.
SHAREABLE_VARY = {"cookie", "accept-encoding"}
# Cookies that apps' pages ignore (see share_cookie).
SHARED_COOKIES = set()


def share_cookie(name):
    """Serve the cached page to visitors with cookie ``name``: no page the cache stores reads it."""
    SHARED_COOKIES.add(name)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.local = LocalStore(settings.PAGECACHE_LOCAL_BYTES)
        self.heads = LocalHeads(HEADS_KEPT)

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = self.key(request)
        try:
            current, head = self.lookup(key)
        except Exception:
            logger.exception("The page cache is unreachable; serving the page uncached.")
            return self.get_response(request)
        if head is not None:
            body = self.body(head["etag"])
            if body is not None:
                return self.serve(head, body, request, current)
        response = self.get_response(request)
        if request.method != "GET" or not self.is_storable(request, response):
            response[HEADER] = "skip"
            return response
        body = response.content
        etag = self.etag(response.status_code, body)
        self.finish(response)
        self.mark(response, current, etag, "miss", len(body))
        self.store(key, self.to_head(response, etag, current), body)
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
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        directives = dict(
            (part.strip().lower().partition("=")[::2])
            for part in response.get("Cache-Control", "").split(",")
        )
        if PRIVATE_DIRECTIVES & directives.keys():
            return False
        if directives.get("max-age") == "0" and "s-maxage" not in directives:
            return False
        vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
        return vary <= SHAREABLE_VARY

    def lookup(self, key):
        """The current generation, and the head stored under ``key`` in it (None if there is none).

        Without a subscription (``generation.known()``), one round trip reads
        both. With one, a head this worker read or stored in the current
        generation needs none, and any other head one.
        """
        now = time.time()
        known = generation.known()
        if known is None:
            found = generation.cache().get_many([generation.KEY, key])
            current, head = generation.valid(found.get(generation.KEY), now), found.get(key)
            return current, self.current_head(head, current)
        current = generation.valid(known, now)
        head = self.heads.get(key, current.token, now)
        if head is None:
            head = self.current_head(generation.cache().get(key), current)
            if head is not None:
                self.heads.put(key, head)
        return current, head

    @staticmethod
    def current_head(head, current):
        """``head`` if it was stored in the ``current`` generation, else None."""
        return head if head is not None and head["generation"] == current.token else None

    def key(self, request):
        # A page is kept compressed for browsers that take gzip, plain for the others.
        encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "identity"
        address = f"{encoding} {request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"pagecache:page:{hashlib.sha256(address.encode()).hexdigest()}"

    @staticmethod
    def etag(status, body):
        return f'"{hashlib.sha256(str(status).encode() + b" " + body).hexdigest()[:32]}"'

    @staticmethod
    def body_key(etag):
        return f"pagecache:body:{etag.strip(chr(34))}"

    def body(self, etag):
        """The page's body: the worker's copy, else the shared cache's (kept as the worker's copy)."""
        body = self.local.get(etag)
        if body is None:
            try:
                body = generation.cache().get(self.body_key(etag))
            except Exception:
                logger.exception("The page cache is unreachable; serving the page uncached.")
                return None
            if body is not None:
                self.local.put(etag, body)
        return body

    def store(self, key, head, body):
        self.local.put(head["etag"], body)
        self.heads.put(key, head)
        try:
            generation.cache().set_many(
                {key: head, self.body_key(head["etag"]): body}, timeout=settings.PAGECACHE_SECONDS
            )
        except Exception:
            logger.exception("Could not store a page in the cache.")

    @staticmethod
    def to_head(response, etag, current):
        """What is stored under the address: all but the body, with the page's final headers."""
        headers = {name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS}
        return {
            "generation": current.token,
            "status": response.status_code,
            "headers": headers,
            "etag": etag,
            "expires": time.time() + settings.PAGECACHE_SECONDS,
        }

    def serve(self, head, body, request, current):
        """The stored page, as every visitor gets it."""
        response = HttpResponse(body, status=head["status"], headers=head["headers"])
        self.mark(response, current, head["etag"], "hit", len(body))
        if not any(name in request.META for name in CONDITIONAL_HEADERS):
            return response
        return get_conditional_response(
            request, etag=head["etag"], last_modified=self.last_modified(current), response=response
        )

    @staticmethod
    def finish(response):
        """Headers stored with the page: browsers check back unless told how long; it varies by cookie."""
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Cookie"])

    @staticmethod
    def mark(response, current, etag, state, length):
        """Headers made per response: the cache's verdict, the validators, and the length."""
        response[HEADER] = state
        response["ETag"] = etag
        # Within the second of a change, a Last-Modified could name that same
        # second for the old and the new page; the ETag alone tells them apart.
        last_modified = PageCacheMiddleware.last_modified(current)
        if last_modified is not None:
            response["Last-Modified"] = http_date_of(last_modified)
        response["Content-Length"] = str(length)

    @staticmethod
    def last_modified(current):
        """When the site last changed, unless that was within the second (see ``mark``)."""
        return int(current.changed) if current.changed <= time.time() - 1 else None
