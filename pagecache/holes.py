"""The per-visitor values inside a cached page, cut out when it is stored and filled in when served.

A page with a form carries two values that must not be shared between
visitors: Django's CSRF token, and the comment form's signed timestamp (which
tells a person from a bot that posts the instant it gets the form). Storing a
page cuts them out, leaving "holes"; serving it fills each hole with a value
made for this visitor now. The CSRF hole gets ``get_token(request)``: a
fresh mask of the visitor's own CSRF secret (one is made and set as a cookie
by ``CsrfViewMiddleware`` when they have none), so the form validates for
them exactly as if the page had been rendered for them.
"""

import re

from django.core import signing
from django.middleware.csrf import _unmask_cipher_token, get_token

from comments.forms import TOKEN_SALT, make_form_token

CSRF = "csrf"
COMMENT_TOKEN = "comment-token"

# A masked CSRF token is 64 letters and digits; a signed form token is
# base64 and colons inside an attribute value.
CSRF_CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
SIGNED_CANDIDATE = re.compile(rb'value="([A-Za-z0-9_\-:]{20,400})"')


def _csrf_spans(content, request):
    # A token is this visitor's secret, masked: nothing else unmasks to it.
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return
    for match in CSRF_CANDIDATE.finditer(content):
        if _unmask_cipher_token(match.group().decode()) == secret:
            yield match.start(), match.end(), (CSRF, None)


def _comment_token_spans(content):
    for match in SIGNED_CANDIDATE.finditer(content):
        try:
            data = signing.loads(match.group(1).decode(), salt=TOKEN_SALT)
        except signing.BadSignature:
            continue
        if isinstance(data, dict) and isinstance(data.get("post"), int):
            yield match.start(1), match.end(1), (COMMENT_TOKEN, data["post"])


def cut(content, request):
    """Split ``content`` into a list of byte strings and ``(kind, argument)`` holes."""
    spans = sorted([*_csrf_spans(content, request), *_comment_token_spans(content)])
    parts, position = [], 0
    for start, end, hole in spans:
        parts += [content[position:start], hole]
        position = end
    parts.append(content[position:])
    return parts


def fill(parts, request):
    """The page for this visitor: ``parts`` joined, each hole filled with a value made now."""
    return b"".join(part if isinstance(part, bytes) else _value(part, request) for part in parts)


def _value(hole, request):
    kind, argument = hole
    if kind == CSRF:
        return get_token(request).encode()
    return make_form_token(argument).encode()
