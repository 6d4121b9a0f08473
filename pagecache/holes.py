"""The per-visitor values inside a cached page, cut out when it is stored and filled in when served.

A page with a form carries values that must not be shared between visitors:
Django's CSRF token, and the signed values that apps add with
``add_signed_value`` (the comment form's signed timestamp, which tells a
person from a bot that posts the instant it gets the form). Storing a
page cuts them out, leaving "holes"; serving it fills each hole with a value
made for this visitor now. The CSRF hole gets what ``get_token(request)``
would give: a fresh mask of the visitor's own CSRF secret (one is made and
set as a cookie when they have none), so the form validates for them exactly
as if the page had been rendered for them. A signed value is made once a
second per argument (the comment form's post) and shared by everyone
served in that second.
"""

import re
import secrets
import time
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from django.core import signing
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, _unmask_cipher_token

CSRF = "csrf"


class SignedValue(NamedTuple):
    salt: str
    argument: Callable  # the signed data → what it was made for, or None if it is not one of these
    make: Callable  # (argument, at=epoch second) → a fresh signed value


# By kind: the signed values other apps put in their forms (see add_signed_value).
SIGNED_VALUES = {}

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


def add_signed_value(kind, *, salt, argument, make):
    """Cut out of stored pages the values signed with ``salt``, and fill in fresh ones made by ``make``.

    ``argument(data)`` says what a value's signed data was made for (None if
    it is not one of these); ``make(argument, at=second)`` makes a new one.
    """
    SIGNED_VALUES[kind] = SignedValue(salt, argument, make)


def _signed_spans(content):
    if not SIGNED_VALUES:
        return
    for match in SIGNED_CANDIDATE.finditer(content):
        for kind, signed in SIGNED_VALUES.items():
            try:
                data = signing.loads(match.group(1).decode(), salt=signed.salt)
            except signing.BadSignature:
                continue
            argument = signed.argument(data)
            if argument is not None:
                yield match.start(1), match.end(1), (kind, argument)
                break


def cut(content, request):
    """Split ``content`` into a list of byte strings and ``(kind, argument)`` holes."""
    spans = sorted([*_csrf_spans(content, request), *_signed_spans(content)])
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
        return csrf_token(request).encode()
    return _signed_value(kind, argument, int(time.time())).encode()


@lru_cache(maxsize=1024)
def _signed_value(kind, argument, second):
    """A signed value, made once a second per argument and shared by that second's visitors.

    The comment form's timestamp then reads up to a second older than it is,
    which only makes the haste rule (``COMMENTS_MIN_SECONDS``) that much more lenient.
    """
    return SIGNED_VALUES[kind].make(argument, at=second)


# Byte b < 248 becomes letter b % 62 (248 is 4 × 62); bytes of 248 and over are dropped,
# so no letter is likelier.
_LETTER_OF_BYTE = bytes.maketrans(bytes(range(4 * len(CSRF_ALLOWED_CHARS))), 4 * CSRF_ALLOWED_CHARS.encode())
_UNEVEN_BYTES = bytes(range(4 * len(CSRF_ALLOWED_CHARS), 256))
# The masked letter for each (secret letter, mask letter), as Django's ``_mask_cipher_secret`` computes it.
_MASKED = {
    (x, y): CSRF_ALLOWED_CHARS[(i + j) % len(CSRF_ALLOWED_CHARS)]
    for i, x in enumerate(CSRF_ALLOWED_CHARS)
    for j, y in enumerate(CSRF_ALLOWED_CHARS)
}


def random_letters(count):
    """``count`` letters drawn uniformly from CSRF_ALLOWED_CHARS, from one read of the system's randomness.

    Django's ``get_random_string`` asks for each letter separately; two CSRF
    strings per page were 64 system calls, the largest part of a cache hit.
    """
    letters = b""
    while len(letters) < count:
        letters += secrets.token_bytes(count + count // 8).translate(_LETTER_OF_BYTE, _UNEVEN_BYTES)
    return letters[:count].decode()


def csrf_token(request):
    """What ``django.middleware.csrf.get_token`` returns and records, drawn from ``random_letters``.

    The visitor's secret (a new one, set as their cookie, if they have none),
    masked with a fresh mask, exactly as ``_mask_cipher_secret`` masks it.
    """
    secret = request.META.get("CSRF_COOKIE")
    letters = random_letters(CSRF_SECRET_LENGTH if secret else 2 * CSRF_SECRET_LENGTH)
    mask, secret = letters[:CSRF_SECRET_LENGTH], secret or letters[CSRF_SECRET_LENGTH:]
    request.META.update(CSRF_COOKIE=secret, CSRF_COOKIE_NEEDS_UPDATE=True)
    return mask + "".join(map(_MASKED.__getitem__, zip(secret, mask, strict=True)))
