"""Reads of snapshots and quotation checks, for the admin, the checks and the public page."""

from django.utils import formats, timezone
from django.utils.html import format_html

from capture import conf
from capture.models import QuotationCheck, Snapshot


def latest_snapshot(source):
    """The newest snapshot of ``source`` that holds its page, or ``None``."""
    return Snapshot.objects.filter(source=source, error="").order_by("-fetched", "-pk").first()


def latest_snapshot_text(source) -> str | None:
    """The readable text of ``source``'s newest good snapshot; ``None`` when none was kept."""
    snapshot = (
        Snapshot.objects.filter(source=source, error="").order_by("-fetched", "-pk").values("text").first()
    )
    return snapshot["text"] if snapshot else None


def checked_notes(post) -> dict[int, str]:
    """The public note under each excerpt of ``post`` whose every span was found (``CAPTURE_SHOW_CHECKED``).

    By excerpt position, for ``blog.hooks.excerpt_notes``; no query when the setting is off.
    """
    if not conf.get("SHOW_CHECKED"):
        return {}
    found = QuotationCheck.objects.filter(
        post=post, status=QuotationCheck.Status.FOUND, snapshot__isnull=False
    ).select_related("snapshot")
    return {
        check.position: format_html(
            '<p class="excerpt-checked">Checked against the source on <time datetime="{}">{}</time>.</p>',
            check.snapshot.fetched.date().isoformat(),
            formats.date_format(timezone.localtime(check.snapshot.fetched), "DATE_FORMAT"),
        )
        for check in found.defer("spans", "snapshot__html", "snapshot__text")
    }
