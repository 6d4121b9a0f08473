"""Keeping a source's page as a dated snapshot: from a fetch already made, or by fetching it."""

from django.utils import timezone

from capture import fetch, readable
from capture.models import Snapshot
from citations.models import Source


def keep_snapshot(source: Source, response: fetch.Response) -> Snapshot:
    """Keep ``response`` (a page of ``source``) as its dated snapshot."""
    html = response.text()
    return Snapshot.objects.create(
        source=source,
        url=source.url or response.url,
        final_url=response.url if response.url != source.url else "",
        fetched=timezone.now(),
        html=html,
        text=readable.readable_text(html),
    )


def take_snapshot(source: Source) -> Snapshot:
    """Fetch ``source``'s page and keep it; a failure is kept too, saying why."""
    try:
        return keep_snapshot(source, fetch.fetch(source.url))
    except fetch.FetchError as error:
        return Snapshot.objects.create(
            source=source, url=source.url, fetched=timezone.now(), error=str(error)[:500]
        )
