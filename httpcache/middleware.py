"""Cache-Control, surrogate keys and compression for pages any cache may share.

An anonymous GET of a public page is the same bytes for every visitor (no
token, no timestamp, nothing read from a cookie but the session's), so it
says so: ``Cache-Control: public`` with ``max-age``, ``s-maxage``,
``stale-while-revalidate`` and ``stale-if-error`` (``httpcache.conf``), and
the keys of the objects it shows (``httpcache.keys``) as ``Surrogate-Key``
and ``Cache-Tag``. A page is public when it is a 200 GET or HEAD outside
``HTTPCACHE_PRIVATE_PATHS``, to a visitor without a session, that sets no
cookie and names no Cache-Control of its own; any other page of a visitor
with a session is ``private``. ``ConditionalGetMiddleware`` (outside these)
gives the final bytes a strong ETag.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from httpcache import conf, keys

PUBLIC_VARY = {"cookie", "accept-encoding"}


def is_public(request, response):
    """Whether ``response`` may be kept by any cache and served to every anonymous visitor."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return False
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or response.cookies
        or response.has_header("Cache-Control")
    ):
        return False
    if request.path_info.startswith(tuple(conf.get("PRIVATE_PATHS"))):
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    return vary <= PUBLIC_VARY


class HttpCacheMiddleware:
    """Mark anonymous public pages shareable, with their surrogate keys; a session's pages private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_public(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=conf.get("MAX_AGE"),
                s_maxage=conf.get("S_MAXAGE"),
                stale_while_revalidate=conf.get("STALE_WHILE_REVALIDATE"),
                stale_if_error=conf.get("STALE_IF_ERROR"),
            )
            # The page is the same for any cookie but a session's, which a front cache passes on.
            patch_vary_headers(response, ["Cookie"])
            page_keys = sorted(keys.collected(request) | keys.of_view(request))
            if page_keys:
                response["Surrogate-Key"] = " ".join(page_keys)
                response["Cache-Tag"] = ",".join(page_keys)
        elif settings.SESSION_COOKIE_NAME in request.COOKIES and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response


class CompressionMiddleware(GZipMiddleware):
    """Django's gzip, without its BREACH padding on public pages, so their bytes and ETag stay the same.

    The padding (random bytes in the gzip header) hides the length of a secret
    compressed next to a reader's input; a public page holds no secret, and
    padding would give each response new bytes, and each a new ETag.
    """

    def __init__(self, get_response):
        super().__init__(get_response)
        self.unpadded = GZipMiddleware(get_response)
        self.unpadded.max_random_bytes = 0

    def process_response(self, request, response):
        if "public" in response.get("Cache-Control", ""):
            return self.unpadded.process_response(request, response)
        return super().process_response(request, response)
