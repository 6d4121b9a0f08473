"""The comments app's background jobs: email about comments, sent off the request path; hourly purges."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from comments import conf, notifications, privacy, published
from comments.models import Comment, ModeratorDigest, body_stamp, render_body
from jobs.background import background
from jobs.periodic import periodic


@background
def notify_moderators(comment_pk):
    """Tell moderators of a held comment now, or in the period's digest (``COMMENTS_MODERATOR_DIGEST``)."""
    if conf.moderator_digest() == "each":
        notifications.notify_moderators(comment_pk)
    elif conf.get("NOTIFY_MODERATORS"):
        schedule_digest()


@background
def notify_reply(comment_pk):
    """Tell a subscriber of an approved reply (``notifications.notify_reply``)."""
    notifications.notify_reply(comment_pk)


@background
def notify_author(comment_pk):
    """Tell the post's author of an approved comment (``notifications.notify_author``)."""
    notifications.notify_author(comment_pk)


@background
def send_moderator_digest(digest_pk):
    """Send a period's digest of waiting comments (``notifications.send_moderator_digest``)."""
    notifications.send_moderator_digest(digest_pk)


@transaction.atomic
def schedule_digest(now=None):
    """Queue the digest of the period holding ``now``, once however many comments are held in it."""
    due = notifications.digest_due(now or timezone.now(), conf.moderator_digest())
    digest, created = ModeratorDigest.objects.get_or_create(due=due)
    if created:
        send_moderator_digest.using(run_after=due).enqueue(digest.pk)


@periodic(every=timedelta(hours=1))
@background
def purge_spam():
    """Delete spam older than ``COMMENTS_SPAM_RETENTION_DAYS`` (0 keeps it)."""
    if days := conf.get("SPAM_RETENTION_DAYS"):
        privacy.purge_spam(days=days)


@periodic(every=timedelta(hours=1))
@background
def purge_ips():
    """Clear IP addresses and user agents older than ``COMMENTS_IP_RETENTION_DAYS`` (0 keeps them)."""
    if days := conf.get("IP_RETENTION_DAYS"):
        privacy.purge_ips(days=days)


@background
def confirm_subscriber(comment_pk):
    """Mail the link confirming a subscriber's address (``notifications.confirm_subscriber``)."""
    notifications.confirm_subscriber(comment_pk)


@periodic(every=timedelta(hours=1))
@background
def expire_subscribers():
    """End the subscriptions of addresses not confirmed in time (``privacy.subscribers_expire``)."""
    privacy.subscribers_expire(days=conf.get("CONFIRM_LINK_DAYS"))


@background
def rerender_stale_comments(batch_size=500):
    """Render again every comment whose stored HTML an older pipeline or other limits made.

    A batch at a time, each in its own transaction with the threads it
    changed announced, so a long run leaves what it finished in place.
    """
    stamp = body_stamp()
    while True:
        with transaction.atomic():
            batch = list(
                Comment.objects.exclude(rendered_with=stamp)
                .select_for_update(skip_locked=True)
                .only("pk", "post_id", "body")[:batch_size]
            )
            if not batch:
                return
            for comment in batch:
                comment.body_html, comment.rendered_with = render_body(comment.body)
            Comment.objects.bulk_update(batch, ["body_html", "rendered_with"])
            published.changed({comment.post_id for comment in batch})
