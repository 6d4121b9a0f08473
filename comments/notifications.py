"""Email about comments: moderators hear of held comments, subscribers of replies, post authors of both.

Moderators hear of each held comment, or (``COMMENTS_MODERATOR_DIGEST``
hourly or daily) of everything waiting, once per period in which something
new was held; each message is addressed to one person and carries their own
signed approve and spam links (``comments.moderation_links``).

These run as background jobs (``comments.tasks``), queued in the transaction
that stored the comment, so they load the comment afresh; the messages they
send are queued again for delivery (``jobs.mail``), which retries while the
mail server is down. Each is safe to run twice.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.defaultfilters import pluralize
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from comments import conf, moderation_links
from comments.models import Comment, ModeratorDigest, Subscriber

# A digest lists at most this many waiting comments, newest first, then links to the rest.
DIGEST_MAX_COMMENTS = 50

UNSUBSCRIBE_SALT = "comments.unsubscribe"
CONFIRM_SALT = "comments.confirm-subscriber"


def absolute(path):
    """``path`` on the public site, for links in email."""
    return f"{settings.SITE_URL}{path}"


def unsubscribe_token(comment_pk):
    """A signed, dated token naming the subscribed comment: the link shows no address."""
    return signing.dumps(comment_pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """The address whose reply notices a token stops, or None if it is forged or names no address.

    Raises ``signing.SignatureExpired`` for a token older than ``COMMENTS_UNSUBSCRIBE_LINK_DAYS``.
    """
    try:
        value = signing.loads(
            token, salt=UNSUBSCRIBE_SALT, max_age=timedelta(days=conf.get("UNSUBSCRIBE_LINK_DAYS"))
        )
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        return None
    # Links sent before tokens named comments carried the address; they work until they expire.
    if isinstance(value, str):
        return value
    if type(value) is not int:
        return None
    return Comment.objects.filter(pk=value).values_list("author_email", flat=True).first() or None


def unsubscribe_url(comment_pk):
    """The link in a reply notice that stops notices to the address of comment ``comment_pk``."""
    return absolute(reverse("comments:unsubscribe", kwargs={"token": unsubscribe_token(comment_pk)}))


def confirm_url(comment_pk):
    """The link confirming the address of comment ``comment_pk`` for reply notices (it shows no address)."""
    token = signing.dumps(comment_pk, salt=CONFIRM_SALT)
    return absolute(reverse("comments:confirm", kwargs={"token": token}))


def read_confirm_token(token):
    """The address a confirmation link confirms, or None if it is forged or its comment is gone.

    Raises ``signing.SignatureExpired`` for a link older than ``COMMENTS_CONFIRM_LINK_DAYS``.
    """
    max_age = timedelta(days=conf.get("CONFIRM_LINK_DAYS"))
    try:
        value = signing.loads(token, salt=CONFIRM_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        return None
    if type(value) is not int:
        return None
    return Comment.objects.filter(pk=value).values_list("author_email", flat=True).first() or None


def is_confirmed(email):
    """Whether ``email`` confirmed it wants reply notices."""
    address = (email or "").strip().lower()
    return Subscriber.objects.filter(email=address, confirmed_at__isnull=False).exists()


@transaction.atomic
def confirm_subscriber(comment_pk):
    """Mail the confirmation link to the address of an approved comment that asked for reply notices.

    Once per address: not when it is confirmed already (from an earlier
    comment), nor while an earlier link still works.
    """
    comment = (
        Comment.objects.select_related("post")
        .filter(pk=comment_pk, status=Comment.Status.APPROVED, notify_replies=True)
        .exclude(author_email="")
        .first()
    )
    if comment is None:
        return
    now = timezone.now()
    subscriber, _ = Subscriber.objects.select_for_update().get_or_create(email=comment.author_email.lower())
    fresh = now - timedelta(days=conf.get("CONFIRM_LINK_DAYS"))
    if subscriber.confirmed_at or (subscriber.requested_at and subscriber.requested_at > fresh):
        return
    subscriber.requested_at = now
    subscriber.save(update_fields=["requested_at"])
    context = {
        "comment": comment,
        "confirm_url": confirm_url(comment.pk),
        "days": conf.get("CONFIRM_LINK_DAYS"),
        "site_name": settings.SITE_NAME,
    }
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] Confirm reply notices for your comment on “{comment.post.title}”",
        body=render_to_string("comments/email/confirm_subscriber.txt", context),
        to=[comment.author_email],
    ).send()


def partly_hidden(email):
    """``email`` as the unsubscribe page shows it, recognisable to its owner only: "a…@example.org"."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def moderators():
    """Active members of Moderators with an address."""
    return list(get_user_model().objects.filter(is_active=True, groups__name="Moderators").exclude(email=""))


def moderators_of(post, group=None):
    """The moderators (``group``, else looked up) and the post's author: those to tell of a comment on it."""
    recipients = {user.email.lower(): user for user in (moderators() if group is None else group)}
    if post.author.is_active and post.author.email:
        recipients.setdefault(post.author.email.lower(), post.author)
    return [recipients[address] for address in sorted(recipients)]


def actions_for(comment, user):
    """``(label, link)`` for each one-click decision ``user`` may make on ``comment`` from their email."""
    if not moderation_links.may_moderate(user, comment):
        return []
    return [
        (label, absolute(moderation_links.path(comment, action, user)))
        for action, label in moderation_links.ACTIONS.items()
    ]


def queue_url():
    return absolute(reverse("admin:comments_comment_changelist") + "?status__exact=pending")


def notify_moderators(comment_pk):
    """Tell each moderator a comment is waiting, with their own approve and spam links."""
    if not conf.get("NOTIFY_MODERATORS"):
        return
    comment = Comment.objects.select_related("post__author").filter(pk=comment_pk).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return
    for user in moderators_of(comment.post):
        context = {
            "comment": comment,
            "actions": actions_for(comment, user),
            "review_url": absolute(reverse("admin:comments_comment_change", args=[comment.pk])),
            "queue_url": queue_url(),
            "site_name": settings.SITE_NAME,
        }
        EmailMessage(
            subject=f"[{settings.SITE_NAME}] Comment awaiting moderation on “{comment.post.title}”",
            body=render_to_string("comments/email/moderator_notice.txt", context),
            to=[user.email],
        ).send()


def digest_due(now, period):
    """When the digest of the period holding ``now`` goes out: the next full hour, or local midnight."""
    if period == "hourly":
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    return timezone.make_aware(datetime.combine(timezone.localdate(now) + timedelta(days=1), time()))


@transaction.atomic
def send_moderator_digest(digest_pk):
    """Tell each moderator what is waiting now, with one-click links; once per digest.

    The claim and the queued messages commit together: a failure leaves the digest unclaimed for the retry.
    """
    if not ModeratorDigest.objects.filter(pk=digest_pk, sent_at=None).update(sent_at=timezone.now()):
        return
    pending = Comment.objects.filter(status=Comment.Status.PENDING).select_related("post__author")
    total = pending.count()
    if not total:
        return
    waiting = list(pending.order_by("-created", "-pk")[:DIGEST_MAX_COMMENTS])
    group, everyone = moderators(), {}
    for comment in waiting:
        for user in moderators_of(comment.post, group):
            everyone.setdefault(user.email.lower(), (user, []))[1].append(comment)
    for user, comments in everyone.values():
        context = {
            "items": [(comment, actions_for(comment, user)) for comment in comments],
            # A post's author hears only of the comments on their posts.
            "total": total if user in group else len(comments),
            "shown": len(waiting) if user in group else len(comments),
            "queue_url": queue_url(),
            "site_name": settings.SITE_NAME,
        }
        EmailMessage(
            subject=f"[{settings.SITE_NAME}] {context['total']} comment{pluralize(context['total'])} "
            "awaiting moderation",
            body=render_to_string("comments/email/moderator_digest.txt", context),
            to=[user.email],
        ).send()


@transaction.atomic
def notify_reply(comment_pk):
    """Tell the author of the comment replied to, if they asked, once the reply is approved.

    Only to an address that confirmed it wants notices (``confirm_subscriber``).
    The claim and the queued message commit together: a failure leaves the notice unclaimed for the retry.
    """
    reply = Comment.objects.select_related("post", "parent", "replied_to").filter(pk=comment_pk).first()
    answered = reply.answered if reply is not None else None
    if answered is None or not answered.notify_replies or not is_confirmed(answered.author_email):
        return
    claimed = Comment.objects.filter(pk=comment_pk, status=Comment.Status.APPROVED, reply_notice_sent=False)
    # Claiming the notice in one UPDATE means two approvals racing send it once.
    if not claimed.update(reply_notice_sent=True):
        return
    if answered.author_email.lower() == reply.author_email.lower():
        return
    unsubscribe = unsubscribe_url(answered.pk)
    context = {
        "reply": reply,
        "parent": answered,
        "reply_url": absolute(reply.get_absolute_url()),
        "unsubscribe_url": unsubscribe,
        "site_name": settings.SITE_NAME,
    }
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] {reply.author_name} replied to you on “{reply.post.title}”",
        body=render_to_string("comments/email/reply_notice.txt", context),
        to=[answered.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()


@transaction.atomic
def notify_author(comment_pk):
    """Tell the post's author, once, of an approved comment someone else wrote on their post.

    Not when the comment is a reply to the author's own comment that asked
    for reply notices, from their confirmed address: that notice tells them already. The claim and the
    queued message commit together, as in ``notify_reply``.
    """
    if not conf.get("NOTIFY_AUTHOR"):
        return
    claimed = Comment.objects.filter(pk=comment_pk, status=Comment.Status.APPROVED, author_notice_sent=False)
    if not claimed.update(author_notice_sent=True):
        return
    comment = Comment.objects.select_related("post__author", "parent", "replied_to").get(pk=comment_pk)
    author = comment.post.author
    address = author.email.lower()
    if (
        not (author.is_active and address)
        or comment.user_id == author.pk
        or comment.author_email.lower() == address
    ):
        return
    parent = comment.answered
    if (
        parent is not None
        and parent.notify_replies
        and parent.author_email.lower() == address
        and is_confirmed(address)
    ):
        return
    context = {
        "comment": comment,
        "comment_url": absolute(comment.get_absolute_url()),
        "site_name": settings.SITE_NAME,
    }
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] {comment.author_name} commented on “{comment.post.title}”",
        body=render_to_string("comments/email/author_notice.txt", context),
        to=[author.email],
    ).send()
