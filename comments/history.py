"""The moderation history: each decision and each staff edit of a comment, as ``CommentEvent`` rows.

Called inside the transaction that makes the change, so a change and its
record commit together. Events name the fields a staff edit changed, never
their old values (only the old text is kept), so erasing a commenter's data
leaves nothing of it here.
"""

from comments.models import CommentEvent

# The fields whose staff edits are recorded, and how the record names them.
EDITABLE_FIELDS = {
    "body": "text",
    "author_name": "name",
    "author_email": "email",
    "author_url": "website",
    "notify_replies": "reply notices",
}


def record_decisions(comments, *, status, actor, note=""):
    """Record that ``comments`` (as they were before) were given ``status`` by ``actor``."""
    CommentEvent.objects.bulk_create(
        CommentEvent(
            comment_id=comment.pk,
            actor=actor,
            action=status,
            previous_status=comment.status,
            note=note[:300],
        )
        for comment in comments
    )


def record_edit(comment, *, previous_status, previous_body, changed, actor):
    """Record a staff edit of ``comment`` that changed the fields named in ``changed``."""
    names = [EDITABLE_FIELDS[name] for name in changed if name in EDITABLE_FIELDS]
    if not names:
        return None
    return CommentEvent.objects.create(
        comment=comment,
        actor=actor,
        action=CommentEvent.Action.EDITED,
        previous_status=previous_status,
        previous_body=previous_body if "body" in changed else "",
        note="changed " + ", ".join(names),
    )


def events_for(comment):
    """The comment's history, oldest first, with who acted."""
    return comment.events.select_related("actor")
