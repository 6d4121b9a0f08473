"""The source library's admin, extended with where each source is cited.

citations knows nothing of posts, so blog re-registers citations' SourceAdmin
with a read-only "where cited" list of the posts whose footnotes and excerpts
reference the source. A read-only field rather than inlines: inlines would
add formsets that every save of a source must then carry. An author sees
only their own posts there, as everywhere in the admin.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from blog.models import Post
from blog.permissions import posts_visible_to
from citations.admin import SourceAdmin as LibrarySourceAdmin
from citations.models import Source

admin.site.unregister(Source)


@admin.register(Source)
class SourceAdmin(LibrarySourceAdmin):
    readonly_fields = [*LibrarySourceAdmin.readonly_fields, "where_cited", "where_quoted"]
    fieldsets = [
        *LibrarySourceAdmin.fieldsets,
        ("Where cited", {"fields": ["where_cited", "where_quoted"]}),
    ]

    def get_object(self, request, object_id, from_field=None):
        source = super().get_object(request, object_id, from_field)
        if source is not None:
            # The read-only fields below are given the source only: it carries whose posts they may list.
            source.posts_shown = posts_visible_to(request.user)
        return source

    @admin.display(description="where cited (footnotes)")
    def where_cited(self, source):
        rows = (
            source.footnotes.filter(post__in=self._shown(source))
            .select_related("post")
            .order_by("post__title", "number")
        )
        return self._post_list(
            rows, lambda note: f"note {note.number}" + (f", {note.locator}" if note.locator else "")
        )

    @admin.display(description="where quoted (excerpts)")
    def where_quoted(self, source):
        rows = (
            source.excerpts.filter(post__in=self._shown(source))
            .select_related("post")
            .order_by("post__title", "position")
        )
        return self._post_list(
            rows, lambda excerpt: f"excerpt {excerpt.position}, {excerpt.word_count} words"
        )

    @staticmethod
    def _shown(source):
        return getattr(source, "posts_shown", Post.objects.none())

    def _post_list(self, rows, describe):
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
