"""The site's error pages (``handler400``, ``handler403``, ``handler500`` in ``config.urls``).

Each is a readable page in the site's style, rendered from the settings alone:
no context processor runs and nothing reads the session, the user or the
database, so the pages can be shown when the database is what failed.

Two refusals get their own status: a request too large to read (Django raises
``RequestDataTooBig``, ``TooManyFieldsSent`` or ``TooManyFilesSent``, which it
would answer with a bare 400) is a 413 naming the limit, and an error from a
database that cannot be reached is a 503 with ``Retry-After`` instead of a 500.
"""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils.cache import add_never_cache_headers

from config.context_processors import site

# How long a client should wait before asking again while the database is down:
# long enough for a restart or a fail-over, short enough that a reader retries.
RETRY_AFTER_SECONDS = 30


def error_page(request, template_name, status, context=None, *, retry_after=None):
    """``template_name`` rendered with ``site`` and ``context`` only, never stored by a cache."""
    html = loader.get_template(template_name).render({**site(request), **(context or {})})
    response = HttpResponse(html, status=status)
    add_never_cache_headers(response)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def is_database_unavailable(error) -> bool:
    """Whether ``error`` means the database could not be reached or dropped the connection.

    Django raises ``OperationalError`` for a refused, timed-out or broken
    connection, and ``InterfaceError`` for a connection already closed. Errors in
    a query itself (``DataError``, ``IntegrityError``, ``ProgrammingError``) are
    not these: they are the site's own faults and stay 500s.
    """
    return isinstance(error, OperationalError | InterfaceError)


def service_unavailable(request):
    """Template ``503.html``, status 503, ``Retry-After``."""
    return error_page(request, "503.html", 503, retry_after=RETRY_AFTER_SECONDS)


def size_limit(error):
    """The limit a too-large request broke, in words, or None if ``error`` is not about size."""
    if isinstance(error, RequestDataTooBig):
        return f"{filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)} of form data"
    if isinstance(error, TooManyFieldsSent):
        return f"{settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} form fields"
    if isinstance(error, TooManyFilesSent):
        return f"{settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} files"
    return None


def too_large(request, limit):
    """Template ``413.html``; context ``limit``, the broken limit in words."""
    return error_page(request, "413.html", 413, {"limit": limit})


def bad_request(request, exception=None):
    """Template ``400.html``, or ``413.html`` when the request was too large to read."""
    if limit := size_limit(exception):
        return too_large(request, limit)
    return error_page(request, "400.html", 400)


def permission_denied(request, exception=None):
    """Template ``403.html``."""
    return error_page(request, "403.html", 403)


def server_error(request):
    """Template ``503.html`` when the database cannot be reached, else ``500.html``.

    Django calls this while handling the exception, so ``sys.exc_info()`` names it.
    """
    if is_database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return HttpResponse(loader.get_template("500.html").render(), status=500)
