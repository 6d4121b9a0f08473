"""The surrogate keys of the blog's pages (``httpcache.keys``): which objects each page shows.

A post page shows its post, tags, author and the sources it quotes or cites;
a list shows each post's title, tags and author. Every list of posts (home,
archives, tags, authors, search, feeds) also carries ``posts``, so
publishing a post purges them all, and the home page ``home``.
"""

from django.contrib.auth import get_user_model

from blog import signals
from blog.models import Page, Post, Tag
from blog.selectors import cited_source_ids
from citations.models import Source
from httpcache import keys, receivers

LISTS = {
    "blog:post_list": ("home", "posts"),
    "blog:feed_rss": ("feeds", "posts"),
    "blog:feed_atom": ("feeds", "posts"),
    "blog:tag_feed_rss": ("feeds", "posts"),
    "blog:tag_feed_atom": ("feeds", "posts"),
    "blog:search": ("posts",),
    "blog:archive_index": ("posts",),
    "blog:archive_year": ("posts",),
    "blog:archive_month": ("posts",),
    "blog:tag_list": ("tags",),
    "blog:tag_detail": ("posts",),
    "blog:author_detail": ("posts",),
}


def post_keys(post, full):
    """``post-<id>`` and its author; shown in full, also its tags and the sources it quotes or cites.

    An item of a list names no tags: reading them could cost a query per item,
    and a changed tag purges every list of posts anyway (``connect``).
    """
    found = {f"post-{post.pk}", f"author-{post.author_id}"}
    if full:
        found.update(f"tag-{tag.pk}" for tag in post.tags.all())
        found.update(f"source-{pk}" for pk in cited_source_ids(post))
    return found


def rerendered(post_ids=(), page_ids=(), **kwargs):
    """What a bulk re-render (``blog.signals.renderings_changed``) purges: those posts' and pages' own."""
    return {*(f"post-{pk}" for pk in post_ids), *(f"page-{pk}" for pk in page_ids)}


def connect():
    """Name the keys of the blog's objects and lists, and purge them when they change."""
    user_model = get_user_model()
    keys.register(Post, post_keys)
    keys.register(Tag, lambda tag, full: {f"tag-{tag.pk}"})
    keys.register(user_model, lambda user, full: {f"author-{user.pk}"})
    for url_name, page_keys in LISTS.items():
        keys.register_view(url_name, *page_keys)
    # A post's change shows on its page and in every list of posts (publishing one adds it to them).
    receivers.watch(Post, lambda post: {f"post-{post.pk}", "posts"})
    receivers.watch(Page, lambda page: {f"page-{page.pk}"})
    # Lists show their posts' tags: a renamed tag (rare) purges them all.
    receivers.watch(Tag, lambda tag: {f"tag-{tag.pk}", "tags", "posts"})
    receivers.watch(Source, lambda source: {f"source-{source.pk}"})
    receivers.watch(user_model, lambda user: {f"author-{user.pk}"})
    receivers.watch_signal(signals.renderings_changed, rerendered)
