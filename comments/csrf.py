"""The pages a refused comment form gets: the reader's text back, in a fresh form.

A form sent from another site (``config.crossorigin``) or, for a logged-in
user, one failing Django's CSRF check (the comment view names
``comment_refused`` as its ``csrf_failure``, see ``config.csrf``) is
refused with a 403 that keeps what the reader wrote.
"""

from django.shortcuts import render

from comments.forms import CommentEditForm, CommentForm
from comments.models import Comment

KEPT_FIELDS = ["name", "email", "website", "body", "parent", "notify", "remember"]


def comment_refused(request, reason="", *args, **kwargs):
    """Template ``comments/csrf_refused.html``; context ``post``, ``form`` (refilled) and ``reason``."""
    from comments.views import published_post

    post = published_post(request.resolver_match.kwargs["post_id"])
    initial = {name: request.POST.get(name, "") for name in KEPT_FIELDS}
    context = {"post": post, "form": CommentForm(post=post, initial=initial), "reason": reason}
    return render(request, "comments/csrf_refused.html", context, status=403)


def edit_refused(request, reason="", *args, **kwargs):
    """Template ``comments/edit_refused.html``; context ``comment`` (by id), ``form``, ``reason``."""
    comment = Comment(pk=request.resolver_match.kwargs["pk"])
    form = CommentEditForm(initial={"body": request.POST.get("body", "")})
    context = {"comment": comment, "form": form, "reason": reason}
    return render(request, "comments/edit_refused.html", context, status=403)


def change_refused(request, reason="", *args, **kwargs):
    """Template ``403_csrf.html`` with the ``reason``: a withdrawal or an unsubscribe holds no text."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
