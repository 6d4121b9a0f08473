"""The comments app's background jobs: the email about comments, composed and sent off the request path."""

from comments import notifications
from jobs.background import background


@background
def notify_moderators(comment_pk):
    """Tell moderators of a held comment (``notifications.notify_moderators``)."""
    notifications.notify_moderators(comment_pk)


@background
def notify_reply(comment_pk):
    """Tell a subscriber of an approved reply (``notifications.notify_reply``)."""
    notifications.notify_reply(comment_pk)
