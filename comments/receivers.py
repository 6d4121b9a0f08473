"""Keep each post's stored public thread (``comments.published``) in step with its comments."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from comments import published
from comments.models import Comment
from comments.signals import comments_changed


@receiver(post_save, sender=Comment, dispatch_uid="comments.thread-on-save")
def comment_saved(sender, instance, created=False, **kwargs):
    # A new comment held for moderation is not in the public thread.
    if created and not instance.is_public:
        return
    published.invalidate([instance.post_id])


@receiver(post_delete, sender=Comment, dispatch_uid="comments.thread-on-delete")
def comment_deleted(sender, instance, **kwargs):
    published.invalidate([instance.post_id])


@receiver(comments_changed, dispatch_uid="comments.thread-on-bulk-change")
def comments_bulk_changed(sender, comments=None, **kwargs):
    published.invalidate(None if comments is None else {comment.post_id for comment in comments})
