"""A commenter's personal data: export it, erase it, let old IP addresses and old spam go.

Erasure anonymises rather than deletes, as WordPress's personal-data eraser
does: the comments stay, so replies keep their place in the thread, but the
name, email, website, IP address, user agent and account link are cleared.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from comments import published
from comments.models import Comment, Subscriber

ANONYMOUS = "Anonymous"

EXPORTED_FIELDS = [
    "id",
    "post_id",
    "parent_id",
    "author_name",
    "author_email",
    "author_url",
    "user_id",
    "body",
    "status",
    "created",
    "edited",
    "ip_address",
    "user_agent",
    "notify_replies",
]


def commenter_export(*, email: str) -> dict:
    """Everything stored about the comments written from ``email``, ready for JSON."""
    comments = Comment.objects.by_email(email).select_related("post").order_by("created", "pk")
    records = []
    for comment in comments:
        record = {name: getattr(comment, name) for name in EXPORTED_FIELDS}
        record["created"] = comment.created.isoformat()
        record["edited"] = comment.edited.isoformat() if comment.edited else None
        record["post_title"] = comment.post.title
        record["post_url"] = comment.post.get_absolute_url()
        records.append(record)
    return {"email": email, "exported": timezone.now().isoformat(), "comments": records}


@transaction.atomic
def commenter_erase(*, email: str) -> int:
    """Anonymise every comment written from ``email``; return how many.

    The pages showing them show the new name as soon as the erasure commits.
    """
    comments = Comment.objects.by_email(email)
    post_ids = set(comments.select_for_update().values_list("post_id", flat=True))
    erased = comments.update(
        author_name=ANONYMOUS,
        author_email="",
        author_url="",
        user=None,
        ip_address=None,
        user_agent="",
        notify_replies=False,
    )
    Subscriber.objects.filter(email=email.strip().lower()).delete()
    published.changed(post_ids, fields=["author_name", "author_url"])
    return erased


@transaction.atomic
def purge_ips(*, days: int, now=None) -> int:
    """Clear the IP address and user agent of comments older than ``days``; return how many."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    stale = Comment.objects.filter(created__lt=cutoff).exclude(ip_address=None, user_agent="")
    purged = stale.update(ip_address=None, user_agent="")
    published.changed(fields=["ip_address", "user_agent"])
    return purged


@transaction.atomic
def purge_spam(*, days: int, now=None) -> int:
    """Delete comments marked spam (by a rule or a moderator) more than ``days`` ago; return how many.

    A spam comment with replies (approved before it was marked) stays, so its thread does.
    """
    cutoff = (now or timezone.now()) - timedelta(days=days)
    replied = Comment.objects.filter(parent=OuterRef("pk"))
    stale = (
        Comment.objects.filter(status=Comment.Status.SPAM)
        .alias(marked=Coalesce("moderated_at", "created"), replied=Exists(replied))
        .filter(marked__lt=cutoff, replied=False)
    )
    deleted = stale.delete()[1].get(Comment._meta.label, 0)
    return deleted


@transaction.atomic
def subscribers_expire(*, days: int, now=None) -> int:
    """Forget addresses not confirmed within ``COMMENTS_CONFIRM_LINK_DAYS``, ending their subscriptions."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    expired = Subscriber.objects.filter(confirmed_at=None, requested_at__lt=cutoff)
    ended = 0
    for email in expired.values_list("email", flat=True):
        ended += Comment.objects.by_email(email).filter(notify_replies=True).update(notify_replies=False)
    expired.delete()
    return ended
