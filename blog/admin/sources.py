"""Where a source is cited, as a panel on the source library's admin page.

citations knows nothing of posts, so the blog adds a read-only "Where
cited" panel to citations' source page (``citations.admin.add_panel``),
listing the posts whose footnotes, in-text citations and excerpts reference the source. A
read-only panel rather than inlines: inlines would add formsets that every
save of a source must then carry. An author sees only their own posts
there, as everywhere in the admin.
"""

from django.urls import reverse
from django.utils.html import format_html, format_html_join

from blog.permissions import posts_visible_to
from citations import admin as citations_admin


def where_cited(request, source):
    rows = (
        source.footnotes.filter(post__in=posts_visible_to(request.user))
        .select_related("post")
        .order_by("post__title", "number")
    )
    return post_list(rows, lambda note: f"note {note.number}" + (f", {note.locator}" if note.locator else ""))


def where_cited_in_text(request, source):
    rows = (
        source.in_text_citations.filter(post__in=posts_visible_to(request.user))
        .select_related("post")
        .order_by("post__title", "position")
    )
    return post_list(
        rows, lambda cited: f"citation {cited.position}" + (f", {cited.locator}" if cited.locator else "")
    )


def where_quoted(request, source):
    rows = (
        source.excerpts.filter(post__in=posts_visible_to(request.user))
        .select_related("post")
        .order_by("post__title", "position")
    )
    return post_list(rows, lambda excerpt: f"excerpt {excerpt.position}, {excerpt.word_count} words")


def post_list(rows, describe):
    """The posts of ``rows`` (footnotes, in-text citations or excerpts), linked to their admin pages,
    with ``describe(row)``."""
    rows = list(rows)
    if not rows:
        return "Nowhere yet."
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a> ({}; {})</li>',
            (
                (
                    reverse("admin:blog_post_change", args=[row.post.pk]),
                    row.post.title,
                    row.post.state_label,
                    describe(row),
                )
                for row in rows
            ),
        ),
    )


citations_admin.add_panel(
    "Where cited",
    ("where cited (footnotes)", where_cited),
    ("where cited (in the text)", where_cited_in_text),
    ("where quoted (excerpts)", where_quoted),
)
