"""``{% comments_section post %}`` for a post page, and how comments and their counts are written.

The tags only hand over to ``comments.selectors``, which do the reading.
"""

from django import template

from blog import splice
from comments import field_html, selectors
from config.crossorigin import has_session
from httpcache import keys

register = template.Library()


@register.inclusion_tag("comments/includes/section.html", takes_context=True)
def comments_section(context, post):
    """A post's comment thread and form (one query for the comments, whatever their number).

    The thread itself goes into the page after rendering (``blog.splice``).
    """
    request = context["request"]
    keys.add(request, f"thread-{post.pk}", "threads")
    section = selectors.thread_for(post, request)
    if section["thread"]:
        section["thread"] = splice.placeholder(request, section["thread"])
    return {**section, "request": request, "signed_in": has_session(request)}


@register.inclusion_tag("comments/includes/page_head_links.html", takes_context=True)
def comment_page_links(context, post):
    """``<link rel="prev">`` and ``rel="next"`` to the neighbouring pages of a paged thread."""
    return selectors.neighbour_urls(post, selectors.thread_page(post, context["request"]))


@register.simple_tag
def field_group(bound_field):
    """What ``{{ field.as_field_group }}`` renders, written without the template engine."""
    return field_html.field_group(bound_field)


@register.simple_tag
def field_widget(bound_field):
    """What ``{{ field }}`` renders, written without the template engine."""
    return field_html.widget(bound_field)


@register.filter
def comment_count_label(count):
    """“No comments”, “1 comment”, “12 comments”."""
    count = count or 0
    if count == 0:
        return "No comments"
    return f"{count} comment{'s' if count != 1 else ''}"
