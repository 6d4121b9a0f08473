"""The one owner of what the blog derives from a post's or a page's body.

A post's HTML, word counts, excerpt, aside, footnote and in-text citation rows, cited works
(its JSON-LD ``citation``) and search document, and a page's HTML, are
built here from their inputs: the body, the library's sources, the citation
style and the settings ``stamp()`` names. ``Post.save`` and ``Page.save``
store one rendering through this module; ``rerender`` rebuilds many in
batches, without touching ``updated`` or keeping revisions. A writer that
changes an input other than the body announces it: a changed source queues
``blog.tasks.rerender_citing``, and a changed style, dialect or setting
leaves stamps that are not current, which ``blog.tasks.rerender_stale`` and
``manage.py rerender`` rebuild.
"""

import hashlib
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from functools import reduce
from operator import or_

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.html import format_html

from blog import conf, signals
from blog.models import Aside, Excerpt, Footnote, InTextCitation, Page, Post, render_bodies
from blog.rendering import VERSION, Rendering, keys_to_fetch
from blog.seo import source_json_ld
from citations import styles
from citations.models import Source
from citations.services import refresh_stale_sources
from citations.styles import get_style

# Posts re-rendered in one transaction (and with one query for each kind of row).
BATCH_SIZE = 200
# Up to this many keys, posts naming one are found with a LIKE each; more (an import) scan the bodies once.
FEW_KEYS = 20

# The posts saved inside ``deferred()`` whose rendering waits for its end (``None`` outside it).
_deferred: ContextVar[set | None] = ContextVar("blog_deferred_renderings", default=None)

# The fields of a post, and of a page, that a rendering writes.
POST_FIELDS = (
    "body_html",
    "word_count",
    "quoted_word_count",
    "cited_works",
    "works_cited_html",
    "rendered_with",
)
PAGE_FIELDS = ("body_html", "rendered_with")


def stamp() -> str:
    """What a rendering made now is made with: pipeline version, citation style, the limits in force.

    The HTML depends on the dialect (``blog.rendering.VERSION``), the notes on
    ``CITATION_STYLE`` and the styles' code (``citations.styles.stamp``), and
    the plain-text fallbacks on the pipeline's limits
    (``conf.render_limits``); the blog's other settings (caches, cards,
    warnings) change no stored rendering, so changing them rebuilds nothing.
    ``SITE_URL`` is left out because stored renderings hold only site-relative
    links (the page's JSON-LD adds it when the page is served).
    """
    style = styles.stamp()
    limits = repr(conf.render_limits())
    digest = hashlib.sha256(limits.encode()).hexdigest()[:8]
    return f"{VERSION}/{style}/{digest}"


def stale(queryset: QuerySet) -> QuerySet:
    """The posts or pages of ``queryset`` whose stored rendering is not what ``stamp()`` would make."""
    return queryset.exclude(rendered_with=stamp())


def footnote_source_keys(info) -> list[str]:
    """Every source a note cites, its first (``source_key``) first."""
    keys = [info.source_key] if info.source_key else []
    return keys + [key for key in info.source_keys if key not in keys]


def cited_keys(rendering: Rendering) -> set[str]:
    keys = {info.source_key for info in rendering.excerpts if info.source_key}
    keys.update(key for info in rendering.footnotes for key in footnote_source_keys(info))
    keys.update(key for info in rendering.citations for key in info.source_keys)
    return keys


def cited_sources(rendering: Rendering) -> dict[str, Source]:
    """The library's sources that ``rendering`` quotes or cites, by key (one query, none if it cites none)."""
    keys = cited_keys(rendering)
    return Source.objects.in_bulk(keys, field_name="key") if keys else {}


def fill_post(post: Post, rendering: Rendering, sources: dict[str, Source]) -> None:
    """Set the ``POST_FIELDS`` of ``post`` from ``rendering`` (``sources`` holds at least those it cites)."""
    post.body_html = rendering.html
    post.word_count = rendering.word_count
    post.quoted_word_count = rendering.quoted_word_count
    cited = [sources[key] for key in sorted(cited_keys(rendering)) if key in sources]
    post.cited_works = [source_json_ld(source) for source in cited]
    # In order of first citation, which a numeric style numbers by; the others sort.
    first_cited = [key for info in rendering.citations for key in info.source_keys]
    order = {key: index for index, key in enumerate(dict.fromkeys(first_cited))}
    cited.sort(key=lambda source: (order.get(source.key, len(order)), source.key))
    # Told apart as the library tells them (``Source.distinction``), so "2019b" here is "2019b" on /sources/.
    entries = get_style().reference_list({source.key: source.csl_item("listed") for source in cited})
    post.works_cited_html = "".join(format_html("<li>{}</li>", entry) for entry in entries)
    post.rendered_with = stamp()


def fill_page(page: Page, rendering: Rendering) -> None:
    """Set the ``PAGE_FIELDS`` of ``page`` from ``rendering``."""
    page.body_html = rendering.html
    page.rendered_with = stamp()


def rebuild_rows(renderings: list[tuple[Post, Rendering]], sources: dict[str, Source]) -> None:
    """Replace the excerpts, asides, footnotes and in-text citations of each post with its rendering's.

    Four deletes and four inserts however many posts there are.
    """
    posts = [post for post, _ in renderings]
    Aside.objects.filter(post__in=posts).delete()
    Excerpt.objects.filter(post__in=posts).delete()
    Footnote.objects.filter(post__in=posts).delete()
    InTextCitation.objects.filter(post__in=posts).delete()
    excerpts = Excerpt.objects.bulk_create(
        Excerpt(
            post=post,
            position=info.position,
            source=sources.get(info.source_key),
            locator=info.locator,
            text=info.text,
            word_count=info.word_count,
            omissions=info.omissions,
        )
        for post, found in renderings
        for info in found.excerpts
    )
    by_position = {(excerpt.post_id, excerpt.position): excerpt for excerpt in excerpts}
    Aside.objects.bulk_create(
        Aside(
            post=post,
            excerpt=by_position.get((post.pk, info.excerpt_position)),
            position=info.position,
            label=info.label,
            text=info.text,
        )
        for post, found in renderings
        for info in found.asides
    )
    # A note citing several sources ("[see @a, 3; @b]") gets a row for each,
    # so every one of them knows the post cites it; the locator belongs to the first.
    Footnote.objects.bulk_create(
        Footnote(
            post=post,
            number=info.number,
            source=sources.get(key) if key else None,
            locator=info.locator if index == 0 else "",
            note_html=info.html,
        )
        for post, found in renderings
        for info in found.footnotes
        for index, key in enumerate(footnote_source_keys(info) or [None])
    )
    # Likewise a row for each source an in-text citation names ("(see Zola 1885; Adams 2002)").
    InTextCitation.objects.bulk_create(
        InTextCitation(
            post=post,
            position=info.position,
            source=sources[key],
            locator=info.locator if index == 0 else "",
            html=info.html,
        )
        for post, found in renderings
        for info in found.citations
        for index, key in enumerate(info.source_keys)
        if key in sources
    )


def rerender_batch(pks: list[int]) -> int:
    """Re-render the posts ``pks`` inside the current transaction in a fixed number of queries.

    Returns how many there were (a post deleted meanwhile is skipped).
    """
    posts = list(Post.objects.select_for_update().filter(pk__in=pks).only("pk", "body").order_by("pk"))
    if not posts:
        return 0
    renderings, sources = render_bodies([post.body for post in posts])
    for post, found in zip(posts, renderings, strict=True):
        fill_post(post, found, sources)
    Post.objects.bulk_update(posts, POST_FIELDS)
    rebuild_rows(list(zip(posts, renderings, strict=True)), sources)
    Post.objects.filter(pk__in=pks).refresh_search_documents()
    return len(posts)


@contextmanager
def deferred():
    """Render the posts saved inside the block together when it ends, in batches, not one by one.

    For writers saving many posts in one transaction (an import): ``Post.save``
    stores the body and leaves the post in a set, and the block's end renders
    the set with ``rerender_batch`` (a fixed number of queries a batch) before
    the transaction commits, so no reader sees a post unrendered. When the
    block raises, nothing is rendered: its transaction is rolled back anyway.
    """
    pending = set()
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    pks = sorted(pending)
    for start in range(0, len(pks), BATCH_SIZE):
        rerender_batch(pks[start : start + BATCH_SIZE])


def deferring() -> bool:
    """Whether a ``deferred()`` block is open: ``Post.save`` then leaves the rendering to its end."""
    return _deferred.get() is not None


def defer(post: Post) -> None:
    """Render ``post`` (saved, so with a pk) when the open ``deferred()`` block ends."""
    _deferred.get().add(post.pk)


def rerender(
    posts: QuerySet | Iterable[int],
    pages: QuerySet | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Rebuild every rendering of ``posts`` (a queryset, or primary keys) and ``pages`` from their inputs.

    Returns how many posts and pages. ``batch_size`` posts a transaction;
    ``progress(done, total)`` is called after each. The text is unchanged, so
    ``updated`` stays and no revision is kept. ``renderings_changed`` is sent
    once, when the last batch has committed, so cached pages are retired once.
    """
    pks = sorted(posts.values_list("pk", flat=True) if isinstance(posts, QuerySet) else set(posts))
    done = 0
    for start in range(0, len(pks), batch_size):
        with transaction.atomic():
            done += rerender_batch(pks[start : start + batch_size])
        if progress:
            progress(done, len(pks))
    page_ids = rerender_pages(pages) if pages is not None else []
    if done or page_ids:
        signals.renderings_changed.send(sender=Post, post_ids=pks, page_ids=page_ids)
    return done, len(page_ids)


def rerender_pages(pages: QuerySet) -> list[int]:
    """Rebuild the HTML of ``pages`` (standalone pages are few: one transaction); return their ids."""
    with transaction.atomic():
        found = list(pages.select_for_update().only("pk", "body").order_by("pk"))
        renderings, _ = render_bodies([page.body for page in found])
        for page, page_rendering in zip(found, renderings, strict=True):
            fill_page(page, page_rendering)
        Page.objects.bulk_update(found, PAGE_FIELDS)
    return [page.pk for page in found]


def rerender_stale(*, progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Rebuild every post and page whose stamp is not current; return how many of each.

    Sources whose entries were made for another citation style than the site's are made again first.
    """
    refresh_stale_sources()
    return rerender(stale(Post.objects.all()), stale(Page.objects.all()), progress=progress)


def posts_naming(keys: Iterable[str]) -> QuerySet:
    """Posts that cite or quote a source with one of ``keys``, or name one in their body (found or not).

    A post that names a key the library lacked when it was rendered shows it
    unresolved, and has no citation row to find it by: only its body does.
    """
    keys = set(keys)
    cited = (
        Q(pk__in=Footnote.objects.filter(source__key__in=keys).values("post"))
        | Q(pk__in=InTextCitation.objects.filter(source__key__in=keys).values("post"))
        | Q(pk__in=Excerpt.objects.filter(source__key__in=keys).values("post"))
    )
    if len(keys) <= FEW_KEYS:
        written = [form for key in keys for form in (f"@{key}", f"@{{{key}}}")]
        named = reduce(or_, (Q(body__contains=form) for form in written), Q(pk__in=[]))
    else:
        bodies = Post.objects.values_list("pk", "body").iterator(chunk_size=1000)
        named = Q(pk__in=[pk for pk, body in bodies if keys & keys_to_fetch(body)])
    return Post.objects.filter(cited | named)


def rerender_citing(keys: Iterable[str]) -> int:
    """Re-render the posts citing, quoting or naming the sources ``keys``; return how many.

    The sources' own pages changed too, even if no post cites them: the signal goes out either way.
    """
    done, _ = rerender(posts_naming(keys))
    if not done:
        signals.renderings_changed.send(sender=Source, post_ids=[], page_ids=[])
    return done
