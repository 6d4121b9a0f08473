"""Email about comments: moderators hear of held comments, subscribers of approved replies.

These run as background jobs (``comments.tasks``), queued in the transaction
that stored the comment, so they load the comment afresh; the messages they
send are queued again for delivery (``jobs.mail``), which retries while the
mail server is down. Each is safe to run twice.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from comments import conf
from comments.models import Comment

UNSUBSCRIBE_SALT = "comments.unsubscribe"


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


def partly_hidden(email):
    """``email`` as the unsubscribe page shows it, recognisable to its owner only: "a…@example.org"."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def moderator_addresses(post):
    """Active moderators' addresses, and the post's author's: those who can act on the comment."""
    users = get_user_model().objects.filter(is_active=True, groups__name="Moderators").exclude(email="")
    addresses = {user.email for user in users}
    if post.author.is_active and post.author.email:
        addresses.add(post.author.email)
    return sorted(addresses)


def notify_moderators(comment_pk):
    """Tell the moderators a comment is waiting for them, with a link into the queue."""
    if not conf.get("NOTIFY_MODERATORS"):
        return
    comment = Comment.objects.select_related("post__author").filter(pk=comment_pk).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return
    recipients = moderator_addresses(comment.post)
    if not recipients:
        return
    context = {
        "comment": comment,
        "review_url": absolute(reverse("admin:comments_comment_change", args=[comment.pk])),
        "queue_url": absolute(reverse("admin:comments_comment_changelist") + "?status__exact=pending"),
        "site_name": settings.SITE_NAME,
    }
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] Comment awaiting moderation on “{comment.post.title}”",
        body=render_to_string("comments/email/moderator_notice.txt", context),
        to=recipients,
    ).send()


@transaction.atomic
def notify_reply(comment_pk):
    """Tell the author of the comment replied to, if they asked, once the reply is approved.

    The claim and the queued message commit together: a failure leaves the notice unclaimed for the retry.
    """
    claimed = Comment.objects.filter(
        pk=comment_pk,
        status=Comment.Status.APPROVED,
        reply_notice_sent=False,
        parent__notify_replies=True,
    ).exclude(parent__author_email="")
    # Claiming the notice in one UPDATE means two approvals racing send it once.
    if not claimed.update(reply_notice_sent=True):
        return
    reply = Comment.objects.select_related("post", "parent").get(pk=comment_pk)
    parent = reply.parent
    if parent.author_email.lower() == reply.author_email.lower():
        return
    unsubscribe = unsubscribe_url(parent.pk)
    context = {
        "reply": reply,
        "parent": parent,
        "reply_url": absolute(reply.get_absolute_url()),
        "unsubscribe_url": unsubscribe,
        "site_name": settings.SITE_NAME,
    }
    EmailMessage(
        subject=f"[{settings.SITE_NAME}] {reply.author_name} replied to you on “{reply.post.title}”",
        body=render_to_string("comments/email/reply_notice.txt", context),
        to=[parent.author_email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
