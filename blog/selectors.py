"""Reads across a post's relations, shaped so templates trigger no queries."""

from django.db.models import Prefetch, Q

from blog.models import Excerpt, Footnote, Post
from citations.models import Source


def citing(source):
    """Posts that cite or quote ``source``, as a filter on ``Post``.

    Two ``IN`` subqueries rather than ``Q(footnotes__source=…) | Q(excerpts__source=…)``:
    an ``OR`` across two joins makes PostgreSQL join every footnote to every
    excerpt before filtering (27 ms on the bench corpus, against 0.2 ms).
    """
    return Q(pk__in=Footnote.objects.filter(source=source).values("post")) | Q(
        pk__in=Excerpt.objects.filter(source=source).values("post")
    )


def sources_cited_in(posts):
    """The sources that ``posts`` (a queryset or list of posts) cite or quote, in key order."""
    return Source.objects.filter(
        Q(pk__in=Footnote.objects.filter(post__in=posts).values("source"))
        | Q(pk__in=Excerpt.objects.filter(post__in=posts).values("source"))
    ).order_by("key")


def citing_posts(source, now=None):
    """Published posts that cite or quote ``source``, newest first.

    Each post carries ``source_excerpts``: its passages quoted from this
    source, in order. Drafts and scheduled posts never appear.
    """
    return (
        Post.objects.published(now)
        .filter(citing(source))
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
