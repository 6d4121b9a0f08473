"""The source library's admin, extended with where each source is cited.

citations knows nothing of posts, so blog re-registers citations' SourceAdmin
with read-only inlines of the footnotes and excerpts that reference the source.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from blog.models import Excerpt, Footnote
from citations.admin import SourceAdmin as LibrarySourceAdmin
from citations.models import Source


class WhereCitedInline(admin.TabularInline):
    """Read-only rows pointing at the posts that use a source."""

    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("post")

    @admin.display(description="post")
    def post_link(self, row):
        post = row.post
        url = reverse("admin:blog_post_change", args=[post.pk])
        return format_html('<a href="{}">{}</a> ({})', url, post.title, post.state_label)


class FootnoteInline(WhereCitedInline):
    model = Footnote
    verbose_name = "citation in a post"
    verbose_name_plural = "where cited (footnotes)"
    fields = readonly_fields = ["post_link", "number", "locator"]


class ExcerptInline(WhereCitedInline):
    model = Excerpt
    verbose_name = "excerpt in a post"
    verbose_name_plural = "where quoted (excerpts)"
    fields = readonly_fields = ["post_link", "position", "locator", "word_count", "opening"]

    @admin.display(description="opening words")
    def opening(self, excerpt):
        words = excerpt.text.split()
        return " ".join(words[:20]) + (" …" if len(words) > 20 else "")


admin.site.unregister(Source)


@admin.register(Source)
class SourceAdmin(LibrarySourceAdmin):
    inlines = [*LibrarySourceAdmin.inlines, FootnoteInline, ExcerptInline]
