"""Reads across a post's relations, shaped so templates trigger no queries."""

import heapq

from django.contrib.auth import get_user_model
from django.db.models import (
    Case,
    Count,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from blog import lists
from blog.models import Excerpt, Footnote, InTextCitation, Post, Tag
from citations.models import Source


def citing(source):
    """Posts that cite (in notes or in the text) or quote ``source``, as a filter on ``Post``.

    ``IN`` subqueries rather than ``Q(footnotes__source=…) | Q(excerpts__source=…)``:
    an ``OR`` across joins makes PostgreSQL join every footnote to every
    excerpt before filtering (27 ms on the bench corpus, against 0.2 ms).
    """
    return (
        Q(pk__in=Footnote.objects.filter(source=source).values("post"))
        | Q(pk__in=InTextCitation.objects.filter(source=source).values("post"))
        | Q(pk__in=Excerpt.objects.filter(source=source).values("post"))
    )


def sources_cited_in(posts):
    """The sources that ``posts`` (a queryset or list of posts) cite or quote, in key order."""
    return Source.objects.filter(
        Q(pk__in=Footnote.objects.filter(post__in=posts).values("source"))
        | Q(pk__in=InTextCitation.objects.filter(post__in=posts).values("source"))
        | Q(pk__in=Excerpt.objects.filter(post__in=posts).values("source"))
    ).order_by("key")


def cited_source_ids(post):
    """The ids of the sources ``post`` quotes or cites: one query, remembered on ``post``.

    A post page needs them twice (its related posts and its surrogate keys), for the same instance.
    """
    if "cited_source_ids" not in post.__dict__:
        ids = sources_cited_in([post.pk]).order_by().values_list("pk", flat=True)
        post.__dict__["cited_source_ids"] = frozenset(ids)
    return post.__dict__["cited_source_ids"]


def citing_posts(source, now=None):
    """Published posts that cite or quote ``source``, newest first.

    Each post carries ``source_excerpts``: its passages quoted from this
    source, in order. Drafts and scheduled posts never appear.
    """
    return (
        Post.objects.published(now)
        .filter(citing(source))
        .order_by("-publish_at", "-pk")
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "excerpts",
                Excerpt.objects.filter(source=source).order_by("position"),
                to_attr="source_excerpts",
            )
        )
    )


def next_publication():
    """When the earliest scheduled post goes public (``PAGECACHE_NEXT_CHANGE``), or None."""
    return Post.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()


def archive_months():
    """The first moment of every month with published posts, newest first (cached: ``blog.lists``)."""
    return lists.cached(
        "months", lambda: list(Post.objects.published().datetimes("publish_at", "month", order="DESC"))
    )


def tags_in_use(now=None):
    """Tags with at least one published post, by name.

    ``EXISTS`` stops at a tag's first published post, where counting them
    all would aggregate every tagging of the archive.
    """
    published = Post.tags.through.objects.filter(tag=OuterRef("pk"), post__in=Post.objects.published(now))
    return Tag.objects.filter(Exists(published)).order_by("name")


def count_published_posts(tags, now=None):
    """``tags`` (a page of them) as a list, each with ``post_count``, its published posts, in one query."""
    tags = list(tags)
    counts = dict(
        Post.tags.through.objects.filter(tag__in=tags, post__in=Post.objects.published(now))
        .values("tag")
        .annotate(count=Count("post"))
        .values_list("tag", "count")
    )
    for tag in tags:
        tag.post_count = counts.get(tag.pk, 0)
    return tags


def authors_in_use(now=None):
    """Accounts with at least one published post, by username."""
    published = Post.objects.published(now).filter(author=OuterRef("pk"))
    return get_user_model().objects.filter(Exists(published)).order_by(get_user_model().USERNAME_FIELD)


def counted(queryset):
    """``queryset``'s number of rows, as a subquery an outer query can annotate with."""
    return Subquery(queryset.order_by().annotate(count=Func("pk", function="COUNT")).values("count")[:1])


def adjacent_posts(post):
    """The published posts just before and just after ``post``: ``(previous, next)``, either None.

    Ordered as the home page orders them (publish date, then id); only what a link needs is fetched
    (and the author, whom the page's surrogate keys name).
    """
    published = Post.objects.published().only("title", "slug", "publish_at", "author")
    when, pk = post.publish_at, post.pk
    older = Q(publish_at__lt=when) | Q(publish_at=when, pk__lt=pk)
    newer = Q(publish_at__gt=when) | Q(publish_at=when, pk__gt=pk)
    previous = published.filter(older).order_by("-publish_at", "-pk").first()
    following = published.filter(newer).order_by("publish_at", "pk").first()
    return previous, following


def related_posts(post, limit=3):
    """Published posts that share sources or tags with ``post``: most shared sources first, then
    most shared tags, then the newest. ``post``'s tags are read from its prefetch.

    Each carries ``shared_sources`` and ``shared_tags``. The posts sharing anything are
    found from the indexes of ``post``'s own sources and tags and ranked here, so the
    cost follows how often those are cited or used, not how many posts the archive
    holds: three queries (its sources, what the others share, the chosen posts), two once
    ``cited_source_ids`` has read its sources.
    """
    sources = sorted(cited_source_ids(post))
    tags = [tag.pk for tag in post.tags.all()]
    # Joined to the sharing rows, not an IN over every published post: each row finds its post by key.
    published = Q(post__status=Post.Status.PUBLISHED, post__publish_at__lte=timezone.now()) & ~Q(post=post.pk)
    by_source, by_tag = Value(0), Value(1)
    shared = (
        Footnote.objects.filter(published, source__in=sources)
        .values_list("post", "post__publish_at", "source", by_source)
        .order_by()
        .union(  # UNION drops a source both quoted and cited in one post: it is one shared source.
            InTextCitation.objects.filter(published, source__in=sources)
            .values_list("post", "post__publish_at", "source", by_source)
            .order_by(),
            Excerpt.objects.filter(published, source__in=sources)
            .values_list("post", "post__publish_at", "source", by_source)
            .order_by(),
            Post.tags.through.objects.filter(published, tag__in=tags)
            .values_list("post", "post__publish_at", "tag", by_tag)
            .order_by(),
        )
    )
    scores = {}
    for pk, publish_at, _source_or_tag, kind in shared:
        scores.setdefault(pk, [0, 0, publish_at, pk])[kind] += 1
    chosen = {score[3]: score for score in heapq.nlargest(limit, scores.values())}
    posts = Post.objects.filter(pk__in=chosen).only("title", "slug", "publish_at", "author")
    for found in posts:
        found.shared_sources, found.shared_tags = chosen[found.pk][:2]
    return sorted(posts, key=lambda found: chosen[found.pk], reverse=True)


def renamed_post(old_slug):
    """The published post that had ``old_slug`` before a rename, or None."""
    return Post.objects.published().filter(old_slugs__slug=old_slug).first()


def sources_for_completion(text: str, limit: int = 10):
    """Up to ``limit`` sources whose key, title or names contain ``text``, for the editor's ``@`` completion.

    Keys that start with ``text`` come first, then the rest, each in key order;
    an empty ``text`` gives the sources added last. One query.
    """
    sources = Source.objects.only("key", "title", "authors", "editors", "issued_year", "csl")
    if not text:
        return sources.order_by("-created", "-pk")[:limit]
    return (
        sources.filter(Q(key__icontains=text) | Q(title__icontains=text) | Q(names_text__icontains=text))
        .annotate(
            rank=Case(
                When(key__istartswith=text, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("rank", "key")[:limit]
    )
