"""Which rule (or person) gave a comment its status: one SQL expression, indexed, that the queue filters by.

The reasons ``comments.moderation.decide`` writes are sentences; each rule is
found by the words of its sentence. The first that matches wins, so a comment
a moderator decided counts as theirs, and one its writer edited as edited.
"""

from django.db.models import Case, CharField, Q, Value, When

# (code, label, condition on the comment's row), in the order they are tried.
RULES = [
    ("edited", "Edited by its writer", Q(status_reason__startswith="edited by its author")),
    ("person", "A moderator's decision", Q(moderated_at__isnull=False)),
    ("blocked", "A blocked address or email", Q(status_reason__startswith="blocked ")),
    ("links", "Too many links", Q(status_reason__contains="links (holding at")),
    ("hold-word", "A hold word", Q(status_reason__startswith="hold word “")),
    ("spam-word", "A spam word", Q(status_reason__startswith="spam word “")),
    ("honeypot", "The honeypot", Q(status_reason__contains="honeypot field was filled in")),
    # The "sent too fast" rule is gone (pages are alike for every reader); what it held keeps its reason.
    ("too-fast", "Sent too fast (before 2026-12)", Q(status_reason__contains="after the form was served")),
    ("first", "First comment from the address", Q(status_reason__startswith="first comment from this")),
    ("known", "Known address (approved)", Q(status_reason__contains="has an approved comment")),
    (
        "by-hand",
        "Every comment approved by hand",
        Q(status_reason__startswith="every comment is approved by hand"),
    ),
]

RULE = Case(
    *[When(condition, then=Value(code)) for code, _, condition in RULES],
    default=Value(""),
    output_field=CharField(max_length=10),
)
