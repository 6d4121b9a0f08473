"""Background work of the desk: keeping a page's snapshot, asking a web archive to save it."""

from datetime import timedelta
from urllib.parse import urljoin

from capture import checks, conf, fetch, health, snapshots
from capture.models import Snapshot
from citations.models import Source
from jobs.background import background
from jobs.periodic import periodic


@background
def snapshot_source(source_id):
    """Keep a snapshot of the source's page, once, and check the quotations from it.

    A source that has one (or no URL) is left alone.
    """
    source = Source.objects.filter(pk=source_id).exclude(url="").first()
    if source is None or Snapshot.objects.filter(source=source).exists():
        return
    if not snapshots.take_snapshot(source).ok:
        return
    checks.check_posts(checks.posts_quoting(source_id))
    if conf.get("ARCHIVE_SAVE"):
        archive_source.enqueue(source_id)


@background
def archive_source(source_id):
    """Ask the web archive to save the source's page and keep the copy's address in its archive URL.

    Raises (so the job retries) when the archive does not answer or names no copy.
    """
    source = Source.objects.filter(pk=source_id).exclude(url="").first()
    if source is None or source.archive_url:
        return
    save = conf.get("ARCHIVE_SAVE_URL") + source.url
    response = fetch.fetch(save)
    location = response.headers.get("content-location") or (response.url if response.url != save else "")
    if not location:
        raise fetch.FetchError(f"The archive saved {source.url} but named no copy.")
    Source.objects.filter(pk=source_id, archive_url="").update(
        archive_url=urljoin(response.url, location)[:1000]
    )


@background
def check_posts(post_ids):
    """Check the quotations of these posts against their sources' latest snapshots."""
    checks.check_posts(post_ids)


@periodic(every=timedelta(days=1))
@background
def recheck_sources():
    """Fetch the cited sources checked longest ago again and record how each is (``capture.health``)."""
    health.recheck_sources()
