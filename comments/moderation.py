"""Auto-moderation as pure functions: a submission and the rules in, a decision out.

Nothing here touches the database, the request or Django's settings; the
caller gathers the facts (``Submission``) and the rules (``Rules``, by default
from ``comments.conf``) so each rule can be tested as a table of cases.
"""

import ipaddress
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import NamedTuple

from blog.rendering import render_comment
from comments import conf

PENDING, APPROVED, SPAM, TRASH = "pending", "approved", "spam", "removed"

# A block list is read whole for every comment: it holds at most this many entries.
MAX_BLOCKS = 10_000

# The word lists are checked against all of these, as WordPress does.
SEARCHED_FIELDS = ("body", "name", "email", "website", "ip_address", "user_agent")


@dataclass(frozen=True)
class Rules:
    """The thresholds and word lists the decision uses."""

    hold_links: int = 2
    hold_words: tuple[str, ...] = ()
    spam_words: tuple[str, ...] = ()
    manual_approval: bool = False
    # (kind, value) pairs as ``normalise_block`` stores them: "network" or "email".
    blocks: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_settings(cls):
        from comments import discussion

        return cls(
            hold_links=conf.get("HOLD_LINKS"),
            hold_words=tuple(conf.get("HOLD_WORDS")),
            spam_words=tuple(conf.get("SPAM_WORDS")),
            manual_approval=conf.get("MANUAL_APPROVAL"),
            blocks=discussion.blocks(),
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


def normalise_block(kind, value):
    """A block list entry as it is stored: a network in CIDR form, an email or domain in lower case.

    Raises ``ValueError`` with a readable message for a value that is neither.
    """
    value = (value or "").strip()
    if kind == "network":
        try:
            network = ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise ValueError(f"“{value}” is not an IP address or network (203.0.113.0/24).") from None
        if network.prefixlen < (8 if network.version == 4 else 16):
            raise ValueError(f"{network} is too wide a network to block: it covers a part of the internet.")
        return str(network)
    if kind == "email":
        value = value.lower().removeprefix("@")
        local, at, domain = value.rpartition("@")
        if (at and not local) or not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", domain):
            raise ValueError(f"“{value}” is not an email address or a domain (example.com).")
        return value
    raise ValueError(f"Unknown kind of block {kind!r}.")


def _address(text):
    try:
        address = ipaddress.ip_address((text or "").strip())
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def domain_of(blocked, domain):
    """Whether ``blocked`` is a domain (not an address) that is ``domain`` or holds it."""
    return "@" not in blocked and (domain == blocked or domain.endswith(f".{blocked}"))


def find_block(blocks, *, ip_address="", email=""):
    """The first blocked (kind, value) the commenter's address or email falls under, or None.

    A domain blocks its subdomains; an address, the networks holding it.
    """
    address = _address(ip_address)
    email = (email or "").strip().lower()
    domain = email.rpartition("@")[2]
    for kind, value in blocks:
        if kind == "network" and address is not None:
            network = ipaddress.ip_network(value)
            if network.version == address.version and address in network:
                return kind, value
        elif kind == "email" and email and (email == value or domain_of(value, domain)):
            return kind, value
    return None


def decide(submission, rules=None):
    """Return the ``Decision`` (status, reason) for a submission.

    A blocked commenter's comment goes to the trash, as WordPress's disallowed
    keys send it; spam rules come next, then the rules that hold a comment
    for a person to read; only a comment no rule holds may be approved
    automatically.
    """
    rules = rules or Rules.from_settings()
    if found := find_block(rules.blocks, ip_address=submission.ip_address, email=submission.email):
        what = "address" if found[0] == "network" else "email"
        return Decision(TRASH, f"blocked {what} {found[1]}")
    if submission.honeypot.strip():
        return Decision(SPAM, "the hidden honeypot field was filled in")
    if found := find_word(rules.spam_words, submission):
        return Decision(SPAM, f"spam word “{found[0]}” in {found[1]}")
    links = count_links(submission.body)
    if rules.hold_links and links >= rules.hold_links:
        return Decision(PENDING, f"{links} links (holding at {rules.hold_links})")
    if found := find_word(rules.hold_words, submission):
        return Decision(PENDING, f"hold word “{found[0]}” in {found[1]}")
    if rules.manual_approval:
        return Decision(PENDING, "every comment is approved by hand (the discussion settings say so)")
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
        blocks=rules.blocks,
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
