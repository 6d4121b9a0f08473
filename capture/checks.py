"""The one owner of quotation checks: rebuilt from a post's excerpt rows and its sources' latest snapshots.

``check_posts`` is run after a post is saved or re-rendered (``receivers``)
and after a source's page is kept or fetched again (``tasks``). A change in
what the checks show (``visible``) is announced to the page caches by the
post's surrogate key, so the public note comes and goes with its page.
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from blog.models import Excerpt
from capture import checking
from capture.models import QuotationCheck, Snapshot

# Posts checked in one transaction by ``check_many``.
BATCH_SIZE = 200


def latest_snapshots(source_ids) -> dict[int, Snapshot]:
    """The newest good snapshot of each source, by source id (one query)."""
    rows = (
        Snapshot.objects.filter(source__in=source_ids, error="")
        .order_by("source", "-fetched", "-pk")
        .defer("html")
    )
    found = {}
    for snapshot in rows:
        found.setdefault(snapshot.source_id, snapshot)
    return found


def check_excerpt(excerpt: Excerpt, snapshot: Snapshot | None, now) -> QuotationCheck:
    """An unsaved check of ``excerpt`` against ``snapshot`` (None: no snapshot yet)."""
    check = QuotationCheck(
        post_id=excerpt.post_id, position=excerpt.position, source_id=excerpt.source_id, checked_at=now
    )
    if snapshot is None:
        check.status = QuotationCheck.Status.NO_SNAPSHOT
        return check
    results = checking.check_quote(excerpt.text, snapshot.text)
    check.snapshot = snapshot
    check.spans = checking.as_json(results)
    found = all(result.found for result in results)
    check.status = QuotationCheck.Status.FOUND if found else QuotationCheck.Status.NOT_FOUND
    return check


def visible(check: QuotationCheck):
    """What the public note shows of a check: whether all was found, and against which copy's date."""
    return (check.position, check.status, check.snapshot_id)


@transaction.atomic
def check_posts(post_ids) -> list[QuotationCheck]:
    """Replace the quotation checks of the posts ``post_ids``; return the new ones, in order."""
    post_ids = list(post_ids)
    excerpts = list(
        Excerpt.objects.filter(post__in=post_ids, source__isnull=False)
        .only("post_id", "position", "source_id", "text")
        .order_by("post", "position")
    )
    snapshots = latest_snapshots({excerpt.source_id for excerpt in excerpts})
    now = timezone.now()
    checks = [check_excerpt(excerpt, snapshots.get(excerpt.source_id), now) for excerpt in excerpts]
    old = QuotationCheck.objects.filter(post__in=post_ids)
    before = {
        (check.post_id, visible(check)) for check in old.only("post_id", "position", "status", "snapshot")
    }
    old.delete()
    QuotationCheck.objects.bulk_create(checks)
    changed = before ^ {(check.post_id, visible(check)) for check in checks}
    announce({post_id for post_id, _ in changed})
    return checks


def check_many(post_ids, batch_size=BATCH_SIZE) -> int:
    """Check many posts (a bulk re-render's), ``batch_size`` a transaction; return how many checks."""
    post_ids = sorted(post_ids)
    return sum(
        len(check_posts(post_ids[start : start + batch_size]))
        for start in range(0, len(post_ids), batch_size)
    )


def posts_quoting(source_id) -> list[int]:
    return list(Excerpt.objects.filter(source=source_id).values_list("post", flat=True).distinct())


def announce(post_ids):
    """Retire the cached pages of ``post_ids`` once the transaction commits."""
    if post_ids and apps.is_installed("httpcache"):
        from httpcache.purge import purge_on_commit

        purge_on_commit({f"post-{pk}" for pk in post_ids})
