"""Signed cookies: which comments this browser wrote, and the commenter's remembered details.

No account is needed: a browser proves it wrote a comment by a signed cookie
listing the comment ids it posted. The cookie only shows the writer their own
held comments and opens the short edit window; it grants nothing else.
"""

from django.conf import settings

OWN_COOKIE = "cp_comments"
OWN_SALT = "comments.own"
OWN_MAX_AGE = 30 * 24 * 3600
OWN_KEEP = 50

IDENTITY_COOKIE = "cp_commenter"
IDENTITY_SALT = "comments.identity"
IDENTITY_MAX_AGE = 365 * 24 * 3600


def _read(request, name, salt, max_age):
    try:
        return request.get_signed_cookie(name, default=None, salt=salt, max_age=max_age)
    except ValueError:
        return None


def _set(response, request, name, value, salt, max_age):
    response.set_signed_cookie(
        name,
        value,
        salt=salt,
        max_age=max_age,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
    )


def own_comment_ids(request):
    """The ids of the comments this browser posted (most recent last)."""
    value = _read(request, OWN_COOKIE, OWN_SALT, OWN_MAX_AGE) or ""
    return [int(part) for part in value.split(",") if part.isdigit()]


def remember_own_comment(request, response, comment_pk):
    ids = [pk for pk in own_comment_ids(request) if pk != comment_pk] + [comment_pk]
    _set(response, request, OWN_COOKIE, ",".join(map(str, ids[-OWN_KEEP:])), OWN_SALT, OWN_MAX_AGE)


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
