"""Retire the cached pages after any committed change to what public pages show.

Saving, deleting or re-tagging a post, tag, source, comment or author bumps
the generation once the transaction commits (a rolled-back change bumps
nothing, and no server can cache the old page again after the bump). A
post's excerpts, asides and footnotes change only inside ``Post.save``, so
the post's own signal covers them; receivers on them would also stop their
bulk deletes from being fast.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from comments.models import Comment
from comments.signals import comments_changed
from pagecache import retirement


def schedule_bump(**kwargs):
    retirement.retire_on_commit()


def on_save(sender, instance, created=False, update_fields=None, **kwargs):
    # A new comment held for moderation shows only to its writer, whose cookie bypasses the cache.
    if sender is Comment and created and not instance.is_public:
        return
    # A login records last_login and changes nothing public.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    schedule_bump()


def on_m2m(action, **kwargs):
    if action.startswith("post_"):
        schedule_bump()


def watched_models():
    return [apps.get_model(label) for label in settings.PAGECACHE_MODELS]


def connect():
    for model in watched_models():
        post_save.connect(on_save, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(schedule_bump, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(on_m2m, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}")
    comments_changed.connect(schedule_bump, dispatch_uid="pagecache-comments-changed")
