"""A comment or an edit sent while the database cannot be reached comes back to its writer.

``post_comment`` first reads the post, ``edit_comment`` the comment; with
PostgreSQL down that read, or the write after it, fails, and the site's 503
page (``config.errors``) would drop the reader's text. A view wrapped in
``keeps_text_when_unavailable`` answers such a POST itself: its form refilled
from what was sent, with the reason, status 503 and ``Retry-After``. The page
is made without the database: the post or comment is known only by its id
(enough for the form's address), the form is unbound (a bound one would
validate, and validation reads the database), and a signed-in user's CSRF
token comes from their cookie.
"""

import functools
import logging

from django.db import DatabaseError
from django.middleware.csrf import get_token

from blog.models import Post
from comments import conf
from comments.forms import CommentEditForm, CommentForm
from comments.models import Comment
from config.crossorigin import has_session
from config.errors import RETRY_AFTER_SECONDS, error_page, is_database_unavailable

logger = logging.getLogger(__name__)

KEPT_FIELDS = ["name", "email", "website", "body", "parent", "notify", "remember"]


def kept_page(request, context):
    """Template ``comments/unavailable.html``, status 503, with ``context`` and a signed-in CSRF token."""
    if has_session(request):
        context = {**context, "csrf_token": get_token(request)}
    return error_page(request, "comments/unavailable.html", 503, context, retry_after=RETRY_AFTER_SECONDS)


def comment_form_kept(request, post_id):
    """Context ``post`` (its id only), ``form`` (the new comment's), ``edit_minutes``."""
    post = Post(pk=post_id)
    initial = {name: request.POST.get(name) for name in KEPT_FIELDS}
    form = CommentForm(post=post, initial=initial)
    return kept_page(request, {"post": post, "form": form, "edit_minutes": conf.get("EDIT_MINUTES")})


def edit_form_kept(request, pk):
    """Context ``comment`` (its id only) and ``form`` (the edit form, holding the changed text)."""
    form = CommentEditForm(initial={"body": request.POST.get("body", "")})
    return kept_page(request, {"comment": Comment(pk=pk), "form": form})


def keeps_text_when_unavailable(form_kept):
    """Wrap a view so that a POST meeting an unreachable database gets ``form_kept(request, **kwargs)``."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except DatabaseError as error:
                if request.method != "POST" or not is_database_unavailable(error):
                    raise
                logger.warning(
                    "The database is unreachable; a comment form returned to its writer: %s", error
                )
                return form_kept(request, *args, **kwargs)

        return wrapper

    return decorator
