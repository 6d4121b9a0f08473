"""``{% comments_section post %}`` for a post page, and how comments and their counts are written.

The tags only hand over to ``comments.selectors``, which do the reading.
"""

from django import template

from comments import selectors, services
from comments.forms import CommentForm
from config.crossorigin import has_session
from httpcache import keys

register = template.Library()


@register.inclusion_tag("comments/includes/section.html", takes_context=True)
def comments_section(context, post):
    """A post's comment thread and form (one query for the comments, whatever their number)."""
    request = context["request"]
    keys.add(request, f"thread-{post.pk}", "threads")
    section = selectors.thread_for(post, request)
    # Only a session's page (never shared, never cached) can be a staff member's.
    form = section["form"]
    staff = has_session(request) and form is not None and not form.is_bound
    if staff and (role := services.staff_role(request.user, post)):
        identity = services.staff_identity(request.user)
        section["form"] = CommentForm(post=post, staff_role=role, initial={**form.initial, **identity})
    return {**section, "request": request, "signed_in": has_session(request)}


@register.inclusion_tag("comments/includes/page_head_links.html", takes_context=True)
def comment_page_links(context, post):
    """``<link rel="prev">`` and ``rel="next"`` to the neighbouring pages of a paged thread."""
    return selectors.neighbour_urls(post, selectors.thread_page(post, context["request"]))


@register.filter
def comment_count_label(count):
    """“No comments”, “1 comment”, “12 comments”."""
    count = count or 0
    if count == 0:
        return "No comments"
    return f"{count} comment{'s' if count != 1 else ''}"
