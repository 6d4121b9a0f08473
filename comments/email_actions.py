"""The page an approve or spam link in a moderator's email opens: a GET asks, a POST acts.

It needs no sign-in: the signed link (``comments.moderation_links``) names
the moderator, whose decision it records. Never cached, as it carries a form.
"""

from django.contrib import admin
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from comments import moderation_links, queue, services

TEMPLATE = "admin/comments/comment/email_action.html"


@never_cache
@require_http_methods(["GET", "POST"])
def email_action(request, token):
    """Template ``admin/comments/comment/email_action.html``.

    Context: ``comment``, ``action``, ``label``, ``moderator``, ``done`` (the POST acted)
    and ``already`` (it had that status), or ``refused`` (why the link cannot act).
    """
    context = {**admin.site.each_context(request), "title": "Moderate a comment"}
    context["queue_url"] = reverse("admin:comments_comment_changelist") + "?status__exact=pending"
    try:
        comment, action, moderator = moderation_links.read(token)
    except moderation_links.LinkRefused as refused:
        return render(request, TEMPLATE, {**context, "refused": str(refused)}, status=refused.status)
    label = moderation_links.ACTIONS[action]
    context.update(comment=comment, action=action, label=label, moderator=moderator)
    context["already"] = comment.status == action
    if request.method == "POST" and not context["already"]:
        reason = f"{label.lower()} by {moderator.get_username()}, from their email"
        services.comment_moderate(comments=[comment], status=action, moderator=moderator, reason=reason)
        queue.forget_pending_count(moderator)
        comment.refresh_from_db()
        context["done"] = True
    return render(request, TEMPLATE, context)
