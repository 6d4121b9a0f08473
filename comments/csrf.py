"""The page a comment refused by Django's CSRF check gets: the reader's text back, in a fresh form.

The comment view names it as its ``csrf_failure`` (see ``config.csrf``).
"""

from django.shortcuts import render

from comments.forms import CommentForm

KEPT_FIELDS = ["name", "email", "website", "body", "parent"]


def comment_refused(request, reason=""):
    """Template ``comments/csrf_refused.html``; context ``post`` and ``form``, the comment form refilled."""
    from comments.views import published_post

    post = published_post(request.resolver_match.kwargs["post_id"])
    initial = {name: request.POST.get(name, "") for name in KEPT_FIELDS}
    context = {"post": post, "form": CommentForm(post=post, initial=initial)}
    return render(request, "comments/csrf_refused.html", context, status=403)
