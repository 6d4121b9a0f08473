"""Re-fetching cited sources: is each page still there, where it was, saying what was quoted?

``recheck_sources`` takes the cited sources with a URL whose health was
checked longest ago (never first), a bounded batch per run, and for each
records a ``SourceHealth``: *died* when the fetch fails (an error status,
a host not found, a timeout), *moved* when a redirect or the page's
canonical link leads to another address, *changed where quoted* when a new
copy of the page (kept as a snapshot only when its text differs) no longer
holds a span that the one before held, else *as quoted*.
"""

from django.db.models import F, Q
from django.utils import timezone

from blog.models import Excerpt, Footnote, InTextCitation
from capture import checks, conf, fetch, metadata, readable, snapshots
from capture.models import QuotationCheck, SourceHealth
from citations.models import Source


def same_address(one: str, other: str) -> bool:
    return one.rstrip("/") == other.rstrip("/")


def due_sources(limit: int) -> list[int]:
    """Ids of up to ``limit`` cited sources with a URL, the longest unchecked first."""
    cited = Source.objects.filter(
        Q(pk__in=Footnote.objects.values("source"))
        | Q(pk__in=InTextCitation.objects.values("source"))
        | Q(pk__in=Excerpt.objects.values("source"))
    ).exclude(url="")
    ordered = cited.order_by(F("health__checked_at").asc(nulls_first=True), "pk")
    return list(ordered.values_list("pk", flat=True)[:limit])


def found_spans(post_ids, source_id) -> set[tuple]:
    """(post, excerpt, span text) of every span found in the source's checks."""
    rows = QuotationCheck.objects.filter(post__in=post_ids, source=source_id).values_list(
        "post", "position", "spans"
    )
    return {
        (post, position, span["text"]) for post, position, spans in rows for span in spans if span["found"]
    }


def recheck_source(source: Source) -> SourceHealth:
    """Fetch ``source`` again, keep a changed text as a snapshot and re-check against it; record its state."""
    state, moved_to, detail = SourceHealth.State.OK, "", ""
    try:
        response = fetch.fetch(source.url)
    except fetch.FetchError as error:
        state, detail = SourceHealth.State.DIED, str(error)[:500]
    else:
        canonical = metadata.read_metadata(response.text(), response.url).url
        for address in (response.url, canonical):
            if address and not same_address(address, source.url):
                state, moved_to = SourceHealth.State.MOVED, address
                break
        post_ids = checks.posts_quoting(source.pk)
        before = found_spans(post_ids, source.pk)
        latest = checks.latest_snapshots([source.pk]).get(source.pk)
        if latest is None or latest.text != readable.readable_text(response.text()):
            snapshots.keep_snapshot(source, response)
            checks.check_posts(post_ids)
            lost = before - found_spans(post_ids, source.pk)
            if lost:
                state = SourceHealth.State.CHANGED
                detail = "No longer found: " + "; ".join(f"“{text}”" for _, _, text in sorted(lost))
                detail = detail[:500]
    health, _ = SourceHealth.objects.update_or_create(
        source=source,
        defaults={"checked_at": timezone.now(), "state": state, "moved_to": moved_to, "detail": detail},
    )
    return health


def recheck_sources(limit: int | None = None) -> list[SourceHealth]:
    """Recheck the batch of cited sources due (``CAPTURE_RECHECK_BATCH``)."""
    limit = conf.get("RECHECK_BATCH") if limit is None else limit
    due = due_sources(limit)
    sources = Source.objects.in_bulk(due)
    return [recheck_source(sources[pk]) for pk in due]
