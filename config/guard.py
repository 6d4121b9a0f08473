"""Refuse, before any view runs, requests that no page can mean or that are too large to read.

A NUL character is never part of an address, a query or a header the site
uses, and PostgreSQL refuses it in any text it is sent: a ``%00`` that
reached a lookup (the old-WordPress-address redirect, a tag, a source key, a
session key from a cookie) was a 500. A percent-encoded query that is not
UTF-8 cannot be what a form or a link sent. Each is answered here with a 400
page saying what was wrong. (Bytes that are not UTF-8 in the path itself are
harmless: Django keeps them percent-encoded, and such an address is a 404;
in a form body or a cookie Django decodes them with replacement characters.)
NUL in form fields is left to the forms, whose text fields refuse it with a
message beside the field, so a reader keeps their text.

A request whose ``Content-Length`` is over ``REQUEST_MAX_BYTES`` is answered
413, naming the limit, before anything reads its body, unless a signed-in
staff member sends it to a view marked ``takes_large_uploads`` (the admin's
imports), within that view's own limit. Django's own limits on
form data (``DATA_UPLOAD_MAX_MEMORY_SIZE`` and the field and file counts)
are answered 413 by ``config.errors.bad_request``.
"""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve

from config.errors import error_page, too_large


def query_problem(query_string: str) -> str | None:
    if not query_string:
        return None
    # "+" stands for a space and cannot hide a byte; only percent-escapes can.
    raw = unquote_to_bytes(query_string)
    if b"\x00" in raw:
        return "The address’s query contains a NUL character."
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "The address’s query is not UTF-8 text."
    return None


def problem(request) -> str | None:
    """What is wrong with ``request``'s address or headers, in a sentence, or None."""
    if "\x00" in request.path_info:
        return "The address contains a NUL character."
    if reason := query_problem(request.META.get("QUERY_STRING", "")):
        return reason
    headers = (value for key, value in request.META.items() if key.startswith("HTTP_"))
    if any(isinstance(value, str) and "\x00" in value for value in headers):
        return "A header of the request contains a NUL character."
    # Cookie values may also spell one as an octal escape ("\000"), which Django decodes.
    if any("\x00" in name or "\x00" in value for name, value in request.COOKIES.items()):
        return "A cookie contains a NUL character."
    return None


def takes_large_uploads(limit):
    """Mark a view as taking request bodies of up to ``limit()`` bytes from signed-in staff."""

    def mark(view):
        view.max_request_bytes = limit
        return view

    return mark


def body_limit(request) -> int:
    """The largest body ``request`` may send: ``REQUEST_MAX_BYTES``, or more for staff uploading an import."""
    try:
        limit = getattr(resolve(request.path_info).func, "max_request_bytes", None)
    except Resolver404:
        limit = None
    user = getattr(request, "user", None)
    if limit is None or not (user and user.is_active and user.is_staff):
        return settings.REQUEST_MAX_BYTES
    return max(settings.REQUEST_MAX_BYTES, limit())


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or ""
        if length.isdigit() and int(length) > settings.REQUEST_MAX_BYTES:
            limit = body_limit(request)
            if int(length) > limit:
                return too_large(request, f"{filesizeformat(limit)} for one request")
        if reason := problem(request):
            return error_page(request, "400.html", 400, {"reason": reason})
        return self.get_response(request)
