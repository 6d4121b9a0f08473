"""Auto-moderation as pure functions: a submission and the rules in, a decision out.

Nothing here touches the database, the request or Django's settings; the
caller gathers the facts (``Submission``) and the rules (``Rules``, by default
from ``comments.conf``) so each rule can be tested as a table of cases.
"""

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple

from blog.rendering import render_comment
from comments import conf

PENDING, APPROVED, SPAM = "pending", "approved", "spam"

# The word lists are checked against all of these, as WordPress does.
SEARCHED_FIELDS = ("body", "name", "email", "website", "ip_address", "user_agent")


@dataclass(frozen=True)
class Rules:
    """The thresholds and word lists the decision uses."""

    hold_links: int = 2
    hold_words: tuple[str, ...] = ()
    spam_words: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls):
        return cls(
            hold_links=conf.get("HOLD_LINKS"),
            hold_words=tuple(conf.get("HOLD_WORDS")),
            spam_words=tuple(conf.get("SPAM_WORDS")),
        )


@dataclass(frozen=True)
class Submission:
    """What is known about a comment when it is posted or edited.

    ``known_commenter`` is true when another approved comment has the same
    name and email address (``same_name``; email addresses match whatever their
    case), as WordPress's "comment author must have a previously approved
    comment" checks both; ``known_email`` is true when the address has an
    approved comment under any name.
    """

    body: str
    name: str = ""
    email: str = ""
    website: str = ""
    ip_address: str = ""
    user_agent: str = ""
    honeypot: str = ""
    known_commenter: bool = False
    known_email: bool = False

    def searchable(self):
        """Pairs of (field label, text) that the word lists are checked against."""
        return [(label.replace("_", " "), getattr(self, label) or "") for label in SEARCHED_FIELDS]


class Decision(NamedTuple):
    status: str
    reason: str


def name_key(name):
    """A commenter's name as names are compared: trimmed, whatever its case."""
    return (name or "").strip().casefold()


def count_links(text):
    """How many links a comment body holds, as its rendering links them: bare, bare domains, or in Markdown.

    Counted in the rendered HTML, so what is shown as a link is counted and
    nothing else is (an address without a known ending, one in code).
    """
    return render_comment(text or "", conf.render_limits()).count("<a ")


def _word_pattern(word):
    # Anchor only the ends that are word characters, so "cash" misses
    # "cashew" while an IP prefix such as "203.0.113." still matches.
    start = r"(?<!\w)" if re.match(r"\w", word) else ""
    end = r"(?!\w)" if re.search(r"\w$", word) else ""
    return re.compile(start + re.escape(word) + end, re.IGNORECASE)


def find_word(words, submission):
    """The first (word, field label) from ``words`` found in the submission, or None."""
    for word in (w.strip() for w in words):
        if not word:
            continue
        pattern = _word_pattern(word)
        for label, text in submission.searchable():
            if pattern.search(text):
                return word, label
    return None


def decide(submission, rules=None):
    """Return the ``Decision`` (status, reason) for a submission.

    Spam rules come first, then the rules that hold a comment for a person to
    read; only a comment no rule holds may be approved automatically.
    """
    rules = rules or Rules.from_settings()
    if submission.honeypot.strip():
        return Decision(SPAM, "the hidden honeypot field was filled in")
    if found := find_word(rules.spam_words, submission):
        return Decision(SPAM, f"spam word “{found[0]}” in {found[1]}")
    links = count_links(submission.body)
    if rules.hold_links and links >= rules.hold_links:
        return Decision(PENDING, f"{links} links (holding at {rules.hold_links})")
    if found := find_word(rules.hold_words, submission):
        return Decision(PENDING, f"hold word “{found[0]}” in {found[1]}")
    if submission.known_commenter:
        return Decision(APPROVED, "this name with this email address has an approved comment")
    if submission.known_email:
        return Decision(
            PENDING,
            "first comment from this name: the email address has approved comments under another name",
        )
    return Decision(PENDING, "first comment from this email address")


def decide_approved_edit(before, after, rules=None):
    """Return the ``Decision`` for its writer's edit of an approved comment, ``before`` → ``after``.

    The comment stays approved unless the edit itself trips a rule: more links
    than it had, at or over the threshold, or a hold or spam word it did not
    hold. What the approved text already had was accepted with it, so fixing
    a typo never takes a comment (and its replies) off the page.
    """
    rules = rules or Rules.from_settings()
    links = count_links(after.body)
    added = Rules(
        hold_links=rules.hold_links if links > count_links(before.body) else 0,
        hold_words=tuple(word for word in rules.hold_words if not find_word([word], before)),
        spam_words=tuple(word for word in rules.spam_words if not find_word([word], before)),
    )
    decision = decide(replace(after, known_commenter=True), added)
    if decision.status == APPROVED:
        return Decision(APPROVED, "the edit adds no link or word that a rule holds")
    return decision


def closed_reason(*, comments_enabled, published_at, now, close_after_days):
    """Why a post takes no more comments, or "" when it still does."""
    if not comments_enabled:
        return "The author has turned comments off for this post."
    if close_after_days and now >= published_at + timedelta(days=close_after_days):
        return f"Comments close {close_after_days} days after a post is published."
    return ""


def closes_at(*, published_at: datetime, close_after_days):
    """When comments on a post published at ``published_at`` close, or None for never."""
    return published_at + timedelta(days=close_after_days) if close_after_days else None
