"""Retire the cached pages after any committed change to what public pages show.

Saving, deleting or re-tagging an instance of a watched model (the site's
``PAGECACHE_MODELS``, and those apps add with ``watch``) bumps the generation
once the transaction commits, and so does a signal apps add with
``watch_signal`` (a rolled-back change bumps nothing, and no server can cache
the old page again after the bump); a transaction that saves many rows
bumps once (``generation.retire``). A post's excerpts, asides and footnotes
change only inside ``Post.save``, so the post's own signal covers them;
receivers on them would also stop their bulk deletes from being fast.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.module_loading import import_string

from pagecache import generation

# By watched model: whether a save changes nothing public (see ``watch``).
_unless = {}


def schedule_bump(**kwargs):
    generation.retire()


def on_save(sender, instance, created=False, update_fields=None, **kwargs):
    unless = _unless.get(sender)
    if unless is not None and unless(instance, created):
        return
    # A login records last_login and changes nothing public.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    schedule_bump()


def on_m2m(action, **kwargs):
    if action.startswith("post_"):
        schedule_bump()


def watch(model, *, unless=None):
    """Retire cached pages when ``model`` changes, but not on a save where ``unless(instance, created)``."""
    if unless is not None:
        _unless[model] = unless
    label = model._meta.label
    post_save.connect(on_save, sender=model, dispatch_uid=f"pagecache-save-{label}")
    post_delete.connect(schedule_bump, sender=model, dispatch_uid=f"pagecache-delete-{label}")
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(on_m2m, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}")


def watch_signal(signal):
    """Retire the cached pages when ``signal`` is sent (a bulk write that skips the models' own signals)."""
    signal.connect(schedule_bump, dispatch_uid=f"pagecache-signal-{id(signal)}")


def connect():
    for label in settings.PAGECACHE_MODELS:
        watch(apps.get_model(label))
    for path in getattr(settings, "PAGECACHE_SIGNALS", []):
        watch_signal(import_string(path))
