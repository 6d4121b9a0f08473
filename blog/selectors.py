"""Reads across a post's relations, shaped so templates trigger no queries."""

from django.db.models import Prefetch, Q

from blog.models import Excerpt, Post


def citing_posts(source, now=None):
    """Published posts that cite or quote ``source``, newest first.

    Each post carries ``source_excerpts``: its passages quoted from this
    source, in order. Drafts and scheduled posts never appear.
    """
    return (
        Post.objects.published(now)
        .filter(Q(footnotes__source=source) | Q(excerpts__source=source))
        .distinct()
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "excerpts",
                Excerpt.objects.filter(source=source).order_by("position"),
                to_attr="source_excerpts",
            )
        )
    )
