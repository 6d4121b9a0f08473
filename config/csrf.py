"""The page shown when a form fails Django's CSRF check (``CSRF_FAILURE_VIEW``).

A refused form usually means the page sat open for a long time or cookies
are blocked: the reader gets ``403_csrf.html`` saying so in the site's style,
instead of a bare "403 Forbidden". A view whose form deserves more names its
own page in a ``csrf_failure`` attribute, as a view says ``csrf_exempt``
(the comment form's view gives the reader their text back in a fresh form).
"""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """The refused view's own ``csrf_failure`` page if it has one, else template ``403_csrf.html``."""
    match = request.resolver_match
    own_page = getattr(match.func, "csrf_failure", None) if match is not None else None
    if own_page is not None:
        return own_page(request, reason)
    return render(request, "403_csrf.html", status=403)
