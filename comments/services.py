"""Writes to comments: submitting, editing, withdrawing, moderating, unsubscribing.

Each function is keyword-only and atomic, runs the model's ``full_clean()``
before saving, announces what it changed (``published.changed``, which the
model's save signal calls for a single save), and queues email as
background jobs in the same transaction,
so nothing is sent for a write that is rolled back and nothing waits for a
mail server.
"""

from dataclasses import replace
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from comments import conf, history, published, tasks
from comments.models import Block, Comment, Subscriber
from comments.moderation import (
    APPROVED,
    Decision,
    Submission,
    closed_reason,
    decide,
    decide_approved_edit,
    name_key,
)
from comments.queue import InNetwork, network_of

# A second identical submission this soon after the first is a double click.
DUPLICATE_WINDOW = timedelta(minutes=10)


STAFF_WRITERS = {"author": "the post's author", "staff": "staff"}


class CommentsClosed(PermissionDenied):
    """The post takes no more comments; the message says why."""


def post_closed_reason(post, now=None):
    """Why ``post`` takes no comments, or "" when it does."""
    return closed_reason(
        comments_enabled=post.comments_enabled,
        published_at=post.publish_at,
        now=now or timezone.now(),
        close_after_days=conf.get("CLOSE_AFTER_DAYS"),
    )


def approved_names(email, exclude_pk=None):
    """The names (as ``name_key`` has them) of ``email``'s approved comments but ``exclude_pk``.

    Staff comments do not count: approved by signing in, not by a moderator, their name and
    address would let anyone who types them in be approved.
    """
    names = (
        Comment.objects.approved()
        .by_email(email)
        .filter(staff_role="")
        .exclude(pk=exclude_pk)
        .values_list("author_name", flat=True)
    )
    # Compared in Python: SQLite's LOWER() folds only ASCII letters.
    return {name_key(name) for name in names.distinct()}


def is_known_commenter(email, exclude_pk=None):
    """Whether ``email`` has an approved comment (other than ``exclude_pk``) under any name."""
    return bool(approved_names(email, exclude_pk))


def standing(name, email, exclude_pk=None):
    """``Submission``'s ``known_commenter`` and ``known_email`` for a comment signed so."""
    names = approved_names(email, exclude_pk)
    return {"known_commenter": name_key(name) in names, "known_email": bool(names)}


def staff_role(user, post):
    """ "author" or "staff" when ``user``, signed in, writes on ``post`` as its author or as an editor or
    moderator (``moderate_every_comment``); else ""."""
    if not (user is not None and user.is_authenticated and user.is_active and user.is_staff):
        return ""
    if post.author_id == user.pk:
        return "author"
    return "staff" if user.has_perm("comments.moderate_every_comment") else ""


def staff_identity(user):
    """The name and email a staff member's comment is signed with: their account's."""
    return {"name": (user.get_full_name() or user.get_username())[:100], "email": user.email}


def _attach_point(parent):
    """The comment a reply hangs from: ``parent``, or its parent once the depth limit is reached."""
    if parent is None:
        return None
    if parent.depth + 1 >= conf.get("MAX_DEPTH") and parent.parent_id:
        return Comment.objects.get(pk=parent.parent_id)
    return parent


def _queue_notices(comment):
    """Queue the email to moderators of a held comment, or to the post's author and subscriber of another."""
    if comment.status == Comment.Status.PENDING:
        tasks.notify_moderators.enqueue(comment.pk)
    elif comment.status == Comment.Status.APPROVED:
        if comment.notify_replies:
            # Only once approved: a held or spam comment mails no address it names.
            tasks.confirm_subscriber.enqueue(comment.pk)
        if comment.parent_id and not comment.reply_notice_sent:
            tasks.notify_reply.enqueue(comment.pk)
        if conf.get("NOTIFY_AUTHOR") and not comment.author_notice_sent:
            tasks.notify_author.enqueue(comment.pk)


@transaction.atomic
def comment_submit(
    *,
    post,
    author_name: str,
    author_email: str,
    body: str,
    author_url: str = "",
    parent: Comment | None = None,
    notify_replies: bool = False,
    user=None,
    ip_address: str | None = None,
    user_agent: str = "",
    honeypot: str = "",
    notify: bool = True,
    staff_role: str = "",
) -> Comment:
    """Store a new comment with the status auto-moderation gives it, and return it.

    Raises ``CommentsClosed`` for a post that takes no comments and
    ``ValidationError`` for a reply to a comment that is not published on the
    same post. The same text from the same address twice in a row is stored
    once. ``notify=False`` sends no email (the demo uses it). A comment with
    ``staff_role`` (``staff_role()``, for the signed-in writer) is approved at once.
    """
    if reason := post_closed_reason(post):
        raise CommentsClosed(reason)
    if parent is not None and (parent.post_id != post.pk or parent.status != Comment.Status.APPROVED):
        raise ValidationError({"parent": "You can only reply to a published comment on the same post."})
    answered, parent = parent, _attach_point(parent)
    duplicate = (
        Comment.objects.by_email(author_email)
        .filter(post=post, parent=parent, body=body, created__gte=timezone.now() - DUPLICATE_WINDOW)
        .first()
    )
    if duplicate is not None:
        return duplicate
    decision = (
        Decision(APPROVED, f"written by {STAFF_WRITERS[staff_role]}, signed in")
        if staff_role
        else decide(
            Submission(
                body=body,
                name=author_name,
                email=author_email,
                website=author_url,
                ip_address=ip_address or "",
                user_agent=user_agent,
                honeypot=honeypot,
                **standing(author_name, author_email),
            )
        )
    )
    comment = Comment(
        post=post,
        parent=parent,
        replied_to=answered if answered != parent else None,
        depth=parent.depth + 1 if parent else 0,
        author_name=author_name,
        author_email=author_email.strip(),
        author_url=author_url,
        body=body,
        notify_replies=notify_replies,
        user=user if user is not None and user.is_authenticated else None,
        ip_address=ip_address,
        user_agent=(user_agent or "")[:500],
        status=decision.status,
        status_reason=decision.reason[:300],
        staff_role=staff_role,
        # The notice of a held comment goes to the post's author too: its approval tells them nothing new.
        author_notice_sent=decision.status == Comment.Status.PENDING and conf.get("NOTIFY_MODERATORS"),
    )
    comment.full_clean()
    comment.save()
    if notify:
        _queue_notices(comment)
    return comment


def can_edit(comment, now=None):
    """Whether the commenter's edit window is still open (ownership is checked by the view)."""
    if comment.status not in {Comment.Status.PENDING, Comment.Status.APPROVED, Comment.Status.SPAM}:
        return False
    return (now or timezone.now()) < comment.created + timedelta(minutes=conf.get("EDIT_MINUTES"))


@transaction.atomic
def comment_edit(*, comment: Comment, body: str) -> Comment:
    """Replace a comment's body by its author's edit, and moderate it again.

    An approved comment stays approved unless the edit itself trips a rule
    (``decide_approved_edit``); a held one goes through every rule again, the
    comment itself not counting as its writer's approved comment. Moderators
    hear only of a comment the edit sends to the queue.
    """
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not can_edit(comment):
        raise PermissionDenied("The time for editing this comment has passed.")
    before = Submission(
        body=comment.body,
        name=comment.author_name,
        email=comment.author_email,
        website=comment.author_url,
        ip_address=comment.ip_address or "",
        user_agent=comment.user_agent,
    )
    after = replace(before, body=body)
    if comment.status == Comment.Status.APPROVED:
        decision = decide_approved_edit(before, after)
    else:
        decision = decide(
            replace(after, **standing(comment.author_name, comment.author_email, exclude_pk=comment.pk))
        )
    was = comment.status
    comment.body = body
    comment.edited = timezone.now()
    if comment.status != Comment.Status.SPAM:
        comment.status, comment.status_reason = (
            decision.status,
            f"edited by its author: {decision.reason}"[:300],
        )
    comment.full_clean()
    comment.save()
    if comment.status != was:
        _queue_notices(comment)
    return comment


@transaction.atomic
def comment_withdraw(*, comment: Comment) -> Comment:
    """Take a comment down at its author's request; the row stays, as ``removed``."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if not can_edit(comment):
        raise PermissionDenied("The time for withdrawing this comment has passed.")
    comment.status = Comment.Status.REMOVED
    comment.status_reason = "withdrawn by its author"
    comment.save(update_fields=["status", "status_reason", "body_html"])
    return comment


@transaction.atomic
def comment_moderate(*, comments, status: str, moderator, reason: str = "") -> int:
    """Give ``comments`` (a queryset or iterable) a new status, recording who and when.

    Returns how many changed, each recorded in the comment's history.
    Comments already in ``status`` are left as they are. Replies that become
    approved notify their parent's subscriber once.
    """
    if status not in Comment.Status.values:
        raise ValidationError(f"Unknown status {status!r}.")
    pks = [comment.pk for comment in comments]
    now = timezone.now()
    label = Comment.Status(status).label.lower()
    who = moderator.get_username() if moderator else "the system"
    changing = list(Comment.objects.select_for_update().filter(pk__in=pks).exclude(status=status))
    history.record_decisions(changing, status=status, actor=moderator, note=reason)
    for comment in changing:
        comment.status = status
        comment.status_reason = (reason or f"{label} by {who}")[:300]
        comment.moderated_by = moderator
        comment.moderated_at = now
    fields = ["status", "status_reason", "moderated_by", "moderated_at"]
    Comment.objects.bulk_update(changing, fields)
    published.changed({comment.post_id for comment in changing}, fields=fields)
    for comment in changing:
        if status == Comment.Status.APPROVED:
            _queue_notices(comment)
    return len(changing)


@transaction.atomic
def subscriber_confirm(*, email: str) -> Subscriber:
    """Confirm ``email`` for reply notices, for this and every later subscription from it."""
    subscriber, _ = Subscriber.objects.get_or_create(email=email.strip().lower())
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
    return subscriber


@transaction.atomic
def unsubscribe(*, email: str) -> int:
    """Stop reply notices to ``email`` on every comment; return how many subscriptions ended."""
    ended = Comment.objects.by_email(email).filter(notify_replies=True).update(notify_replies=False)
    published.changed(fields=["notify_replies"])
    return ended


# What a moderator may block of a comment's writer: its address, its address's network, its email.
BLOCKABLE = {"address": "address", "network": "network", "email": "email"}


@transaction.atomic
def commenter_block(*, comment: Comment, what: str, moderator) -> tuple[Block, int]:
    """Block ``comment``'s address, network (IPv4 /24, IPv6 /64) or email; their pending comments become spam.

    Returns the block (created, or the one already there) and how many comments became spam.
    Raises ``ValidationError`` when the comment has no such thing to block.
    """
    pending = Comment.objects.filter(status=Comment.Status.PENDING)
    if what in {"address", "network"} and comment.ip_address:
        value = comment.ip_address if what == "address" else network_of(comment.ip_address)
        kind = Block.Kind.NETWORK
        pending = (
            pending.filter(ip_address=comment.ip_address)
            if what == "address"
            else pending.filter(InNetwork(F("ip_address"), value))
        )
    elif what == "email" and comment.author_email:
        kind, value = Block.Kind.EMAIL, comment.author_email
        pending = pending.by_email(comment.author_email)
    else:
        raise ValidationError(f"This comment has no {what} to block.")
    block = Block(kind=kind, value=value, created_by=moderator, note=f"from comment #{comment.pk}")
    block.clean()
    block, _ = Block.objects.get_or_create(
        kind=block.kind, value=block.value, defaults={"created_by": moderator, "note": block.note}
    )
    reason = f"blocked {BLOCKABLE[what]} {block.value}, by {moderator.get_username()}"
    return block, comment_moderate(
        comments=pending, status=Comment.Status.SPAM, moderator=moderator, reason=reason
    )
