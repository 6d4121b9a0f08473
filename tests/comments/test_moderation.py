"""The auto-moderation decision: a pure function from a submission and rules to (status, reason)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.test import override_settings

from comments.moderation import (
    APPROVED,
    PENDING,
    SPAM,
    Decision,
    Rules,
    Submission,
    closed_reason,
    count_links,
    decide,
    name_key,
)
from tests.environment import settings_under

RULES = Rules(hold_links=2, hold_words=("bitcoin", "203.0.113."), spam_words=("viagra",))


@pytest.mark.parametrize(
    ("submission", "status", "reason_part"),
    [
        (Submission(body="Nice post."), PENDING, "first comment"),
        (Submission(body="Hi.", known_commenter=True), APPROVED, "approved comment"),
        (Submission(body="Nice post.", honeypot="http://x", known_commenter=True), SPAM, "honeypot"),
        (Submission(body="Nice post.", known_commenter=True), APPROVED, "approved"),
        (Submission(body="Buy VIAGRA now", known_commenter=True), SPAM, "spam word “viagra” in body"),
        (Submission(body="Hi", name="viagra king", known_commenter=True), SPAM, "in name"),
        (Submission(body="Hi", email="viagra@x.org", known_commenter=True), SPAM, "in email"),
        (Submission(body="Hi", website="https://viagra.example", known_commenter=True), SPAM, "in website"),
        (Submission(body="Hi", user_agent="ViagraBot/1.0", known_commenter=False), PENDING, "first comment"),
        (Submission(body="Hi", user_agent="viagra/1.0", known_commenter=True), SPAM, "in user agent"),
        (
            Submission(body="Two: https://a.example.org, www.b.example.com", known_commenter=True),
            PENDING,
            "2 links",
        ),
        (Submission(body="One: [a](https://a.example)", known_commenter=True), APPROVED, "approved"),
        (Submission(body="I like bitcoin.", known_commenter=True), PENDING, "hold word “bitcoin” in body"),
        (Submission(body="Bitcoins!", known_commenter=True), APPROVED, "approved"),
        (Submission(body="Hi", ip_address="203.0.113.9", known_commenter=True), PENDING, "in ip address"),
        (Submission(body="viagra https://a https://b", honeypot=""), SPAM, "spam word"),
        (Submission(body="Hi", known_email=True), PENDING, "approved comments under another name"),
        (
            Submission(body="Hi", known_commenter=True, known_email=True),
            APPROVED,
            "this name with this email",
        ),
    ],
)
def test_decide_applies_each_rule(submission, status, reason_part):
    """Each rule gives its status and says why; spam rules win over holds, holds over approval."""
    decision = decide(submission, RULES)
    assert decision.status == status
    assert reason_part in decision.reason


def test_decision_is_a_status_reason_pair():
    """The decision unpacks as (status, reason)."""
    status, reason = decide(Submission(body="Hello", known_commenter=True), RULES)
    assert (status, reason) == (APPROVED, "this name with this email address has an approved comment")
    assert isinstance(decide(Submission(body="x"), RULES), Decision)


def test_link_rule_off_at_zero():
    """A hold-links threshold of 0 turns the rule off."""
    submission = Submission(body="https://a https://b https://c", known_commenter=True)
    assert decide(submission, Rules(hold_links=0)).status == APPROVED


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("no links here", 0),
        ("https://www.example.org/path", 1),
        ("[one](http://a.example) and <https://b.example>", 2),
        ("see www.example.org or WWW.EXAMPLE.NET", 2),
        ("cheap-pills.com and buy.example.org/now", 2),
        ("write to bob@example.org, or see `http://in.code.example`", 0),
    ],
)
def test_count_links(text, links):
    """Links count once whether bare, in Markdown, with a www. host or a bare domain: as they are shown."""
    assert count_links(text) == links


@pytest.mark.django_db
@override_settings(COMMENTS_HOLD_LINKS=5, COMMENTS_SPAM_WORDS=["lottery"], COMMENTS_HOLD_WORDS=[])
def test_rules_come_from_settings():
    """Without explicit rules (or saved discussion settings) the decision reads COMMENTS_* settings."""
    assert decide(Submission(body="You won the lottery")).status == SPAM
    assert decide(Submission(body="https://a https://b", known_commenter=True)).status == APPROVED


@pytest.mark.django_db
def test_rules_come_from_the_environment(monkeypatch):
    """A COMMENTS_* environment variable sets the rule's setting when the site starts."""
    words = settings_under(monkeypatch, COMMENTS_SPAM_WORDS="lottery, prize")["COMMENTS_SPAM_WORDS"]
    with override_settings(COMMENTS_SPAM_WORDS=words):
        assert decide(Submission(body="Claim your PRIZE")).reason == "spam word “prize” in body"


NOW = datetime(2025, 6, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("enabled", "age_days", "close_after", "closed"),
    [
        (True, 10, 0, False),
        (True, 1000, 0, False),
        (False, 1, 0, True),
        (True, 29, 30, False),
        (True, 30, 30, True),
    ],
)
def test_closed_reason(enabled, age_days, close_after, closed):
    """Comments close when the author turns them off or the post is older than the setting."""
    reason = closed_reason(
        comments_enabled=enabled,
        published_at=NOW - timedelta(days=age_days),
        now=NOW,
        close_after_days=close_after,
    )
    assert bool(reason) is closed


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("Ada Lovelace", "ada lovelace", True),
        ("  Ada Lovelace ", "Ada Lovelace", True),
        ("ÉMILE", "émile", True),
        ("Ada Lovelace", "Ada  Lovelace", False),
        ("Ada", "Ada L.", False),
    ],
)
def test_names_match_trimmed_whatever_their_case(one, other, same):
    """A known commenter's name is the same text, trimmed, in any case; nothing else is forgiven."""
    assert (name_key(one) == name_key(other)) is same
