"""Snapshots in the admin, shown to staff on each source's page; the desk's links on the source list."""

from django.contrib import admin
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join

from capture.models import Snapshot
from capture.views import may_add_sources, may_capture
from citations import admin as citations_admin

# The text shown on a source's page, before "show all".
PREVIEW_CHARS = 600


@admin.register(Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    list_display = ["source", "fetched", "url", "ok"]
    list_select_related = ["source"]
    search_fields = ["source__key", "url"]
    date_hierarchy = "fetched"
    fields = ["source", "url", "final_url", "fetched", "error", "text", "html"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(boolean=True, description="kept")
    def ok(self, snapshot):
        return snapshot.ok


def snapshots(request, source):
    """The source's snapshots, newest first, each with its date, what it holds or why it failed."""
    if not request.user.has_perm("capture.view_snapshot"):
        return "Not shown to you."
    rows = source.snapshots.order_by("-fetched").only("pk", "source", "fetched", "error", "text")[:10]
    if not rows:
        return "None yet." if source.url else "None: the source has no URL."
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            '<li><a href="{}">{}</a>: {}</li>',
            (
                (
                    reverse("admin:capture_snapshot_change", args=[row.pk]),
                    formats.date_format(timezone.localtime(row.fetched), "DATETIME_FORMAT"),
                    row.error or f"{row.text[:PREVIEW_CHARS]}{'…' if len(row.text) > PREVIEW_CHARS else ''}",
                )
                for row in rows
            ),
        ),
    )


citations_admin.add_panel("Snapshots", ("kept copies", snapshots))
citations_admin.add_tool(
    "capture:source", "Add by DOI, ISBN or address", lambda request: may_add_sources(request.user)
)
citations_admin.add_tool("capture:page", "New post from a page", lambda request: may_capture(request.user))
