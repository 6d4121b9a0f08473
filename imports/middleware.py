"""Answers a 404 whose address is in the redirect table with a permanent redirect.

Like ``django.contrib.redirects``' fallback middleware, it looks only at
requests the site answered with 404: pages that exist cost nothing.
"""

from django.http import HttpResponsePermanentRedirect

from imports.redirects import target


class RedirectFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        url = target(request)
        return HttpResponsePermanentRedirect(url) if url and url != request.get_full_path() else response
