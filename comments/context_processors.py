"""The pending-comment count in the admin's header, for staff who moderate (``admin/base_site.html``)."""

from django.urls import reverse

from comments import queue


def moderation(request):
    """``comments_pending`` (counted only when shown) and ``comments_pending_url``, on admin pages."""
    user = getattr(request, "user", None)
    admin = reverse("admin:index")
    if user is None or not request.path.startswith(admin) or not user.is_staff:
        return {}
    if not user.has_perm("comments.view_comment"):
        return {}
    return {
        "comments_pending": lambda: queue.pending_count(user),
        "comments_pending_url": reverse("admin:comments_comment_changelist") + "?status__exact=pending",
    }
