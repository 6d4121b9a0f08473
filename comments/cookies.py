"""Signed cookies: which comments this browser wrote, and the commenter's remembered details.

No account is needed: a browser proves it wrote a comment by a signed cookie
listing the comment ids it posted, each with the moment it was posted. The
cookie shows the writer their own held comments for as long as it lives, and
opens the edit window (``COMMENTS_EDIT_MINUTES``) from that signed moment, so
an edit grant expires with the window whatever the cookie's age; it grants
nothing else.

Post pages are the same for every reader: the page's script reads the
unsigned ``cp_own`` hint and only then fetches what is this browser's own
(``views.own_comments``).
"""

import time

from django.conf import settings

from comments import conf

OWN_COOKIE = "cp_comments"
OWN_SALT = "comments.own"
OWN_MAX_AGE = 30 * 24 * 3600
OWN_KEEP = 50

# Not secret and readable by the page's script: this browser has something of its own
# to show on post pages (``views.own_comments``), so the script asks for it.
HINT_COOKIE = "cp_own"

IDENTITY_COOKIE = "cp_commenter"
IDENTITY_SALT = "comments.identity"
IDENTITY_MAX_AGE = 365 * 24 * 3600


def _read(request, name, salt, max_age):
    try:
        return request.get_signed_cookie(name, default=None, salt=salt, max_age=max_age)
    except ValueError:
        return None


def _set(response, request, name, value, salt, max_age):
    secure = settings.SESSION_COOKIE_SECURE or request.is_secure()
    response.set_signed_cookie(
        name, value, salt=salt, max_age=max_age, httponly=True, samesite="Lax", secure=secure
    )
    # As long as the longest-lived cookie it stands for; outliving one costs a request that finds nothing.
    response.set_cookie(HINT_COOKIE, "1", max_age=IDENTITY_MAX_AGE, samesite="Lax", secure=secure)


def own_comments(request):
    """``{comment id: when this browser posted it}`` (epoch seconds, most recent last).

    An entry without a moment (written before they were recorded) counts as
    posted long ago: it still shows the writer their held comment, but opens
    no edit window.
    """
    value = _read(request, OWN_COOKIE, OWN_SALT, OWN_MAX_AGE) or ""
    found = {}
    for entry in value.split(","):
        pk, _, posted = entry.partition(".")
        if pk.isdigit():
            found[int(pk)] = int(posted) if posted.isdigit() else 0
    return found


def own_comment_ids(request):
    """The ids of the comments this browser posted (most recent last)."""
    return list(own_comments(request))


def editable_comment_ids(request, now=None):
    """The ids of this browser's comments whose edit window, counted from the signed moment, is open."""
    opened_after = (time.time() if now is None else now) - 60 * conf.get("EDIT_MINUTES")
    return {pk for pk, posted in own_comments(request).items() if posted > opened_after}


def remember_own_comment(request, response, comment_pk):
    entries = {**own_comments(request)}
    entries.pop(comment_pk, None)
    entries[comment_pk] = int(time.time())
    value = ",".join(f"{pk}.{posted}" for pk, posted in list(entries.items())[-OWN_KEEP:])
    _set(response, request, OWN_COOKIE, value, OWN_SALT, OWN_MAX_AGE)


def remembered_identity(request):
    """The name, email and website the commenter asked us to remember, or {}."""
    value = _read(request, IDENTITY_COOKIE, IDENTITY_SALT, IDENTITY_MAX_AGE) or ""
    parts = value.split("\n")
    if len(parts) != 3:
        return {}
    return dict(zip(["name", "email", "website"], parts, strict=True))


def set_identity(request, response, *, remember, name, email, website):
    """Remember the commenter's details when they asked; forget them when they did not."""
    if remember:
        value = "\n".join(part.replace("\n", " ") for part in (name, email, website))
        _set(response, request, IDENTITY_COOKIE, value, IDENTITY_SALT, IDENTITY_MAX_AGE)
    elif IDENTITY_COOKIE in request.COOKIES:
        response.delete_cookie(IDENTITY_COOKIE, samesite="Lax")
