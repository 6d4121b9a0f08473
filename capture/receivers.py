"""A source first cited by a post gets its page kept, and the post's quotations checked, in the background."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from blog.models import Post
from blog.selectors import sources_cited_in
from blog.signals import renderings_changed
from capture import checks, conf, tasks


def snapshot_sources_cited_in(post_ids):
    """Queue a snapshot of each source with a URL and no snapshot that these posts cite or quote."""
    if not conf.get("SNAPSHOT_CITED"):
        return
    sources = sources_cited_in(Post.objects.filter(pk__in=post_ids)).exclude(url="").filter(snapshots=None)
    for source_id in sources.values_list("pk", flat=True):
        tasks.snapshot_source.enqueue(source_id)


@receiver(post_save, sender=Post, dispatch_uid="capture.snapshot_sources_cited_in_post")
def snapshot_sources_cited_in_post(sender, instance, raw=False, **kwargs):
    # After the commit: the post's excerpt and footnote rows are written after its own row.
    if not raw:
        transaction.on_commit(lambda: snapshot_sources_cited_in([instance.pk]), robust=True)
        transaction.on_commit(lambda: tasks.check_posts.enqueue([instance.pk]), robust=True)


@receiver(renderings_changed, dispatch_uid="capture.snapshot_sources_cited_in_posts")
def snapshot_sources_cited_in_posts(sender, post_ids=(), **kwargs):
    transaction.on_commit(lambda: snapshot_sources_cited_in(list(post_ids)), robust=True)
    # A bulk re-render already runs in the background (a job, or manage.py rerender): check there.
    if post_ids:
        transaction.on_commit(lambda: checks.check_many(list(post_ids)), robust=True)
