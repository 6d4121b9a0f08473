"""Purge the pages showing a changed object, by the keys its app names (``httpcache.purge``).

Apps say which keys a change to their model or a signal of theirs purges:
``watch(model, keys_of)`` for saves, deletes and many-to-many changes of one
instance at a time, ``watch_signal(signal, keys_of)`` for writers that
announce bulk changes. The purge goes out once the transaction commits.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from httpcache.purge import purge_on_commit

# A login records last_login and changes no page.
UNSHOWN_UPDATES = {"last_login"}


def watch(model, keys_of):
    """Purge ``keys_of(instance)`` after each save or delete of a ``model``, and change to its relations."""
    label = model._meta.label

    def saved(sender, instance, update_fields=None, **kwargs):
        if update_fields is not None and set(update_fields) <= UNSHOWN_UPDATES:
            return
        purge_on_commit(keys_of(instance), using=kwargs.get("using"))

    def deleted(sender, instance, **kwargs):
        purge_on_commit(keys_of(instance), using=kwargs.get("using"))

    def related(sender, instance, action, **kwargs):
        if action.startswith("post_") and isinstance(instance, model):
            purge_on_commit(keys_of(instance), using=kwargs.get("using"))

    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"httpcache-save-{label}")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"httpcache-delete-{label}")
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        m2m_changed.connect(related, sender=through, weak=False, dispatch_uid=f"httpcache-m2m-{label}")


def watch_signal(signal, keys_of):
    """Purge ``keys_of(**kwargs)`` after each sending of ``signal`` (a bulk write)."""

    def sent(sender, **kwargs):
        purge_on_commit(keys_of(**kwargs))

    signal.connect(sent, weak=False, dispatch_uid=f"httpcache-signal-{id(signal)}")
