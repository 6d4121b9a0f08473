"""Serve anonymous GETs of public pages from the cache; store the pages that may be shared.

A request is served from (and its page stored in) the cache only when it is
a GET or HEAD to a public path, from a visitor with no cookie but the CSRF
one: staff (a session), a commenter with their own comments or remembered
details, and anyone with a message waiting always get a fresh page. A page
is stored only when it is a plain 200 that sets no cookie and asks not to be
kept private. The key holds the current generation (``pagecache.generation``),
so a change anywhere retires every stored page on every server at once.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from pagecache import generation, holes

logger = logging.getLogger(__name__)

HEADER = "X-Page-Cache"
# Headers made afresh for every response rather than stored with the page.
UNSTORED_HEADERS = {"content-length", "vary", "etag", "last-modified", "set-cookie", "date", "expires"}
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")
# Vary values that every stored page already accounts for.
SHAREABLE_VARY = {"cookie", "accept-encoding"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        try:
            current = generation.current()
            key = self.key(request, current)
            entry = generation.cache().get(key)
        except Exception:
            logger.exception("The page cache is unreachable; serving the page uncached.")
            return self.get_response(request)
        if entry is not None:
            return self.finish(self.from_entry(entry, request), current, entry, "hit")
        response = self.get_response(request)
        if request.method != "GET" or not self.is_storable(request, response):
            response[HEADER] = "skip"
            return response
        entry = self.to_entry(response, request)
        try:
            generation.cache().set(key, entry, timeout=settings.PAGECACHE_SECONDS)
        except Exception:
            logger.exception("Could not store a page in the cache.")
        return self.finish(response, current, entry, "miss")

    def is_cacheable_request(self, request):
        if not settings.PAGECACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        if request.path_info.startswith(tuple(settings.PAGECACHE_EXCLUDED_PATHS)):
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        shared = {settings.CSRF_COOKIE_NAME, *settings.PAGECACHE_IGNORED_COOKIES}
        return all(name in shared for name in request.COOKIES)

    def is_storable(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in PRIVATE_DIRECTIVES):
            return False
        vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
        return vary <= SHAREABLE_VARY

    def key(self, request, current):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        return f"pagecache:page:{current.token}:{hashlib.sha256(address.encode()).hexdigest()}"

    def to_entry(self, response, request):
        parts = holes.cut(response.content, request)
        digest = hashlib.sha256(repr([response.status_code, *parts]).encode())
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
        return {
            "status": response.status_code,
            "headers": headers,
            "parts": parts,
            "etag": f'"{digest.hexdigest()[:32]}"',
            "personal": len(parts) > 1,
        }

    def from_entry(self, entry, request):
        response = HttpResponse(holes.fill(entry["parts"], request), status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        return response

    def finish(self, response, current, entry, state):
        """Mark a stored or served page: its validators, and that browsers must check back for changes.

        A page with holes holds this visitor's tokens, so no shared cache
        downstream may keep it.
        """
        response[HEADER] = state
        response["ETag"] = entry["etag"]
        if entry["personal"]:
            patch_cache_control(response, private=True)
        # Within the second of a change, a Last-Modified could name that same
        # second for the old and the new page; the ETag alone tells them apart.
        if current.changed <= time.time() - 1:
            response["Last-Modified"] = http_date(current.changed)
        response["Content-Length"] = str(len(response.content))
        patch_cache_control(response, no_cache=True)
        patch_vary_headers(response, ["Cookie"])
        return response
