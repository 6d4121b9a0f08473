"""Snapshots in the admin, shown to staff on each source's page; the desk's links on the source list.

Quotation checks show under each excerpt of a post's outline, and a save whose
quotation is not found warns; the health of re-fetched sources has its list.
"""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join

from blog.admin import posts as posts_admin
from capture import checks
from capture.models import QuotationCheck, Snapshot, SourceHealth
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


@admin.register(SourceHealth)
class SourceHealthAdmin(admin.ModelAdmin):
    """Sources fetched again by the daily re-check: as quoted, changed where quoted, moved, or dead."""

    list_display = ["source", "state", "checked_at", "moved_to", "detail"]
    list_filter = ["state", "checked_at"]
    list_select_related = ["source"]
    search_fields = ["source__key", "source__url", "moved_to"]
    readonly_fields = ["source", "state", "checked_at", "moved_to", "detail"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def check_note(check):
    """The outline's line for one check: found, not found (span by span, nearest passage), or no snapshot."""
    if check.status == QuotationCheck.Status.NO_SNAPSHOT:
        return format_html("<strong>Not checked:</strong> no copy of {} has been kept yet.", check.source.key)
    if check.snapshot is None:
        return format_html(
            "<strong>Not checked:</strong> the copy of {} it was checked in is gone.", check.source.key
        )
    when = formats.date_format(timezone.localtime(check.snapshot.fetched), "DATE_FORMAT")
    rows = format_html_join(
        "",
        "<li>{}</li>",
        ((span_note(span),) for span in check.spans),
    )
    return format_html(
        "<strong>{}</strong> in the copy of {} kept on {}:<ul>{}</ul>",
        "Found" if check.status == QuotationCheck.Status.FOUND else "Not found",
        check.source.key,
        when,
        rows,
    )


def span_note(span):
    if span["found"]:
        return format_html("✓ found: “{}”", span["text"])
    if not span["nearest"]:
        return format_html("✗ not found: “{}”; nothing like it in the source.", span["text"])
    return format_html(
        "✗ not found: “{}”; nearest passage: “{}”{}",
        span["text"],
        span["nearest"],
        format_html(" (differs at: {})", ", ".join(span["differences"])) if span["differences"] else "",
    )


def outline_notes(post):
    """Each excerpt's check, by position (one query)."""
    rows = (
        QuotationCheck.objects.filter(post=post)
        .select_related("source", "snapshot")
        .defer("snapshot__html", "snapshot__text")
    )
    return {check.position: check_note(check) for check in rows}


def warn_of_misquotes(request, post):
    """Check the post's quotations now, and warn (never refuse) when one is not found in its source."""
    missed = [
        check for check in checks.check_posts([post.pk]) if check.status == QuotationCheck.Status.NOT_FOUND
    ]
    if missed:
        numbers = ", ".join(str(check.position) for check in missed)
        messages.warning(
            request,
            f"Not found in the source's kept copy: the quotation of excerpt{'s' if len(missed) > 1 else ''} "
            f"{numbers}. The outline shows the nearest passage; the post was saved.",
        )


posts_admin.add_excerpt_notes(outline_notes)
posts_admin.add_after_save(warn_of_misquotes)
