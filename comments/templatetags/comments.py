"""``{% comments_section post %}`` for a post page; comment counts for lists of posts.

The tags only hand over to ``comments.selectors``, which do the reading.
"""

from django import template

from comments import selectors
from comments.thread import render_thread

register = template.Library()


@register.inclusion_tag("comments/includes/section.html", takes_context=True)
def comments_section(context, post):
    """A post's comment thread and form (one query for the comments, whatever their number).

    The thread's HTML is written by ``comments.thread`` (a template include
    per comment was most of the post page's time).
    """
    section = selectors.thread_for(post, context["request"])
    thread = render_thread(section["roots"], section["closed_reason"])
    return {**section, "thread": thread, "request": context["request"]}


@register.simple_tag
def attach_comment_counts(posts):
    """Give each post in ``posts`` (a list or a page) its ``approved_comment_count``, in one query."""
    selectors.attach_comment_counts(posts)
    return ""


@register.filter
def comment_count_label(count):
    """“No comments”, “1 comment”, “12 comments”."""
    count = count or 0
    if count == 0:
        return "No comments"
    return f"{count} comment{'s' if count != 1 else ''}"
