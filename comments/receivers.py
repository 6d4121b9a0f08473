"""Announce comments saved or deleted one at a time (``comments.published.changed``), and new rules.

Writers that skip the model's signals (``update``, ``bulk_update``,
``bulk_create``) call ``published.changed`` themselves.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from comments import discussion, published, tasks
from comments.models import Block, Comment, DiscussionSettings, body_stamp
from jobs.signals import worker_started


@receiver(post_save, sender=Comment, dispatch_uid="comments.thread-on-save")
def comment_saved(sender, instance, created=False, update_fields=None, **kwargs):
    # A new comment held for moderation is not in the public thread.
    if created and not instance.is_public:
        return
    published.changed([instance.post_id], fields=update_fields)


@receiver(post_delete, sender=Comment, dispatch_uid="comments.thread-on-delete")
def comment_deleted(sender, instance, **kwargs):
    published.changed([instance.post_id])


@receiver(post_save, sender=DiscussionSettings, dispatch_uid="comments.discussion-on-save")
def discussion_saved(sender, **kwargs):
    # Every process reads the new rules from the next request; the pages show the form and closing anew.
    discussion.forget()
    published.changed()


@receiver(post_save, sender=Block, dispatch_uid="comments.block-on-save")
@receiver(post_delete, sender=Block, dispatch_uid="comments.block-on-delete")
def block_changed(sender, **kwargs):
    discussion.forget()


@receiver(worker_started, dispatch_uid="comments.rerender_stale_when_a_worker_starts")
def rerender_stale_when_a_worker_starts(sender, **kwargs):
    """A deploy with a new pipeline or comment limits renders the stored comments again, in the background."""
    if Comment.objects.exclude(rendered_with=body_stamp()).exists():
        tasks.rerender_stale_comments.enqueue()
