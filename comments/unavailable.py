"""A comment sent while the database cannot be reached comes back to its writer.

``post_comment`` first reads the post; with PostgreSQL down that read, or the
write after it, fails, and the site's 503 page (``config.errors``) would drop
the reader's text. ``keeps_text_when_unavailable`` answers such a POST itself:
the comment form refilled from what was sent, with the reason, status 503 and
``Retry-After``. The page is made without the database: the post is known only
by its id (enough for the form's address and token), the form is unbound (a
bound one would validate, and validation reads the database), and the CSRF
token comes from the visitor's cookie.
"""

import functools
import logging

from django.db import DatabaseError
from django.middleware.csrf import get_token

from blog.models import Post
from comments import conf
from comments.forms import CommentForm
from config.errors import RETRY_AFTER_SECONDS, error_page, is_database_unavailable

logger = logging.getLogger(__name__)

KEPT_FIELDS = ["name", "email", "website", "body", "parent", "notify", "remember"]


def form_kept(request, post_id):
    """Template ``comments/unavailable.html``; context ``post`` (its id only), ``form``, ``edit_minutes``."""
    post = Post(pk=post_id)
    initial = {name: request.POST.get(name) for name in KEPT_FIELDS}
    context = {
        "post": post,
        "form": CommentForm(post=post, initial=initial),
        "csrf_token": get_token(request),
        "edit_minutes": conf.get("EDIT_MINUTES"),
    }
    return error_page(request, "comments/unavailable.html", 503, context, retry_after=RETRY_AFTER_SECONDS)


def keeps_text_when_unavailable(view):
    """Wrap ``view(request, post_id)`` so a POST that meets an unreachable database gets its form back."""

    @functools.wraps(view)
    def wrapper(request, post_id, *args, **kwargs):
        try:
            return view(request, post_id, *args, **kwargs)
        except DatabaseError as error:
            if request.method != "POST" or not is_database_unavailable(error):
                raise
            logger.warning("The database is unreachable; comment form returned to its writer: %s", error)
            return form_kept(request, post_id)

    return wrapper
