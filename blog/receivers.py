"""Decoupled side effects: a changed source, or what a deploy or restart made stale, queues a re-render;
a changed post or tag retires the lists' cached counts (``blog.lists``).
"""

from django.apps import apps as global_apps
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from blog import derived, lists, tasks
from blog.models import Page, Post, Tag
from citations.models import Source
from citations.signals import sources_changed
from jobs.signals import worker_started


@receiver(post_save, sender=Source, dispatch_uid="blog.rerender_posts_citing_source")
def rerender_posts_citing_source(sender, instance, raw=False, **kwargs):
    """Footnotes, captions and cited works are stored, so a corrected title must reach the posts citing it.

    In the background: the save answers at once however many posts cite the source.
    """
    if not raw:
        tasks.rerender_citing.enqueue([instance.key])


@receiver(sources_changed, dispatch_uid="blog.rerender_posts_citing_sources")
def rerender_posts_citing_sources(sender, keys, **kwargs):
    """An import that created or changed many sources queues one job for all of them."""
    tasks.rerender_citing.enqueue(sorted(keys))


@receiver(worker_started, dispatch_uid="blog.rerender_stale_when_a_worker_starts")
def rerender_stale_when_a_worker_starts(sender, **kwargs):
    """A restart with a new ``CITATION_STYLE`` or limit but no ``migrate`` still rebuilds what is stale."""
    if derived.stale(Post.objects.all()).exists() or derived.stale(Page.objects.all()).exists():
        tasks.rerender_stale.enqueue()


def rerender_stale_after_migrate(sender, using, apps=global_apps, **kwargs):
    """After ``migrate`` (a deploy), queue a rebuild of what a new dialect, style or setting made stale.

    ``apps`` is the migrated state (``flush`` sends none: the models as they
    are): nothing is asked of a database migrated back before the stamp or
    without the job table.
    """
    try:
        apps.get_model("django_tasks_database", "DBTaskResult")
        stamped = [apps.get_model("blog", name) for name in ("Post", "Page")]
        for model in stamped:
            model._meta.get_field("rendered_with")
    except (LookupError, FieldDoesNotExist):
        return
    if any(derived.stale(model.objects.using(using)).exists() for model in stamped):
        tasks.rerender_stale.enqueue()


@receiver(post_save, sender=Post, dispatch_uid="blog.retire_lists_post_saved")
@receiver(post_delete, sender=Post, dispatch_uid="blog.retire_lists_post_deleted")
@receiver(post_delete, sender=Tag, dispatch_uid="blog.retire_lists_tag_deleted")
@receiver(m2m_changed, sender=Post.tags.through, dispatch_uid="blog.retire_lists_tags_changed")
def retire_cached_lists(sender, **kwargs):
    """Counts and months change with posts: forget them now, and again once the change commits.

    Now, for this process's next page; after the commit, because another
    request may have cached the old figures in between.
    """
    lists.retire()
    transaction.on_commit(lists.retire, robust=True)
