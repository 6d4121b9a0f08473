"""Signed one-click links in moderators' email: approve or mark as spam without opening the queue.

A link names one comment, one action and the one moderator it was mailed to,
and expires after ``COMMENTS_MODERATION_LINK_DAYS``. Following it shows what
it would do (a GET changes nothing, so a mail scanner that fetches links
decides nothing); the page's button POSTs and acts, recorded as that
moderator's decision, as long as they may still moderate the comment.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from comments import conf
from comments.models import Comment

SALT = "comments.moderation-link"
INVALID = "This link is not valid. Open the moderation queue to decide the comment."
EXPIRED = "This link has expired. Open the moderation queue to decide the comment."
ACTIONS = {Comment.Status.APPROVED: "Approve", Comment.Status.SPAM: "Mark as spam"}


class LinkRefused(Exception):
    """The link cannot act: its message says why, for the page that shows it with ``status``."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def may_moderate(user, comment):
    """Whether ``user`` may decide ``comment``: staff who moderate every comment, or the post's author."""
    if not (user.is_active and user.is_staff and user.has_perm("comments.change_comment")):
        return False
    return user.has_perm("comments.moderate_every_comment") or comment.post.author_id == user.pk


def token(comment, action, user):
    """A signed, dated token for ``action`` on ``comment`` by ``user``."""
    return signing.dumps({"c": comment.pk, "a": str(action), "u": user.pk}, salt=SALT, compress=True)


def path(comment, action, user):
    """The link's path; ``notifications.absolute`` makes it a full address."""
    return reverse("admin:comments_comment_email_action", kwargs={"token": token(comment, action, user)})


def read(value):
    """The (comment, action, user) a token names; ``LinkRefused`` when it is forged, expired or void."""
    try:
        data = signing.loads(value, salt=SALT, max_age=timedelta(days=conf.get("MODERATION_LINK_DAYS")))
    except signing.SignatureExpired:
        raise LinkRefused(EXPIRED, 410) from None
    except signing.BadSignature:
        raise LinkRefused(INVALID) from None
    if not isinstance(data, dict) or data.get("a") not in ACTIONS:
        raise LinkRefused(INVALID)
    comment = Comment.objects.select_related("post").filter(pk=data.get("c")).first()
    user = get_user_model().objects.filter(pk=data.get("u")).first()
    if comment is None:
        raise LinkRefused("The comment this link decides no longer exists.", 404)
    if user is None or not may_moderate(user, comment):
        raise LinkRefused("The account this link was sent to may no longer moderate this comment.", 403)
    return comment, data["a"], user
