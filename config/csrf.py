"""The page shown when a form fails Django's CSRF check (``CSRF_FAILURE_VIEW``).

A reader whose comment is refused this way, usually because the page sat open
for a long time or cookies are blocked, gets their text back in a fresh form
instead of a bare "403 Forbidden".
"""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """Template ``403_csrf.html``; context ``post`` and ``form``, the comment form refilled, if it was one."""
    from comments.forms import CommentForm
    from comments.views import published_post

    context = {}
    match = request.resolver_match
    if match is not None and match.view_name == "comments:post" and request.method == "POST":
        post = published_post(match.kwargs["post_id"])
        initial = {
            name: request.POST.get(name, "") for name in ["name", "email", "website", "body", "parent"]
        }
        context = {"post": post, "form": CommentForm(post=post, initial=initial)}
    return render(request, "403_csrf.html", context, status=403)
