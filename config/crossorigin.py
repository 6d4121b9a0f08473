"""Refuse cross-site form posts without a token in the page: the scheme of Go 1.25's CrossOriginProtection.

A page with a CSRF token is one visitor's own, so no shared cache may keep
it. The comment forms are on every post page, so they are protected by what
browsers say about where a request comes from instead:

- ``Sec-Fetch-Site`` (every browser since 2023): ``same-origin`` or ``none``
  (typed, bookmarked) passes; anything else (``cross-site``, ``same-site``)
  is refused unless ``Origin`` is one of ``CSRF_TRUSTED_ORIGINS``;
- without it, ``Origin`` (every browser sends it with a cross-origin POST),
  or failing that ``Referer``, must be the site's own origin or a trusted one;
- a request with none of the three is not a browser's (a script's, a mail
  client's one-click unsubscribe), and no cross-site page can make one: it
  passes, as in Go.

Visitors with a session (signed in) keep Django's CSRF token as well: their
pages are private anyway, and a session is worth more than an anonymous comment.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt, csrf_protect

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
SAME_ORIGIN_SITES = {"same-origin", "none"}


def origin_of(url):
    """``scheme://host[:port]`` of ``url``, lower-cased, or None when it has no scheme and host."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def is_trusted(origin):
    """Whether ``origin`` is in ``CSRF_TRUSTED_ORIGINS`` (``https://*.example.com`` covers subdomains)."""
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted = trusted.lower()
        scheme, _, host = trusted.partition("://")
        if trusted == origin:
            return True
        if host.startswith("*.") and origin.startswith(f"{scheme}://") and origin.endswith(host[1:]):
            return True
    return False


def refusal(request):
    """Why ``request`` looks cross-site, or None if it may go ahead."""
    if request.method in SAFE_METHODS:
        return None
    own = f"{request.scheme}://{request.get_host()}".lower()
    origin = request.headers.get("Origin")
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        if site.lower() in SAME_ORIGIN_SITES or (origin and is_trusted(origin.lower())):
            return None
        return f"the browser says the form was sent from another site (Sec-Fetch-Site: {site})"
    if origin is not None:
        found, header = origin_of(origin), "Origin"
    elif referer := request.headers.get("Referer"):
        found, header = origin_of(referer), "Referer"
    else:
        return None
    if found is not None and (found == own or is_trusted(found)):
        return None
    return f"the form was sent from another site ({header}: {found or 'none'})"


def has_session(request):
    """Whether the visitor has a session (is or was signed in): their forms carry Django's CSRF token.

    Read from the cookie alone, so it costs no query and works with the database down.
    """
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def cross_origin_protected(refused):
    """Run the view for requests from this site; others get ``refused(request, reason, *args, **kwargs)``.

    The view is exempt from Django's CSRF check for anonymous visitors and
    keeps it for visitors with a session, whose forms carry the token (their
    refusal is ``CSRF_FAILURE_VIEW``'s). Neither check reads the database.
    """

    def decorator(view):
        protected = csrf_protect(view)

        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if reason := refusal(request):
                return refused(request, reason, *args, **kwargs)
            if has_session(request):
                return protected(request, *args, **kwargs)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
