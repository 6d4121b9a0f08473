"""Reads of snapshots, for the admin and for quotation checks."""

from capture.models import Snapshot


def latest_snapshot(source):
    """The newest snapshot of ``source`` that holds its page, or ``None``."""
    return Snapshot.objects.filter(source=source, error="").order_by("-fetched", "-pk").first()


def latest_snapshot_text(source) -> str | None:
    """The readable text of ``source``'s newest good snapshot; ``None`` when none was kept."""
    snapshot = (
        Snapshot.objects.filter(source=source, error="").order_by("-fetched", "-pk").values("text").first()
    )
    return snapshot["text"] if snapshot else None
