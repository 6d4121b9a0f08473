"""Old spam is deleted and old IP addresses forgotten by hourly jobs (and by commands, at once)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from comments import discussion
from comments.models import Comment, DiscussionSettings
from jobs import periodic
from tests.factories import make_comment
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def aged(comment, days, **fields):
    at = timezone.now() - timedelta(days=days)
    Comment.objects.filter(pk=comment.pk).update(created=at, **fields)
    return comment


def test_the_hourly_jobs_purge_spam_and_addresses_past_their_retention():
    """Defaults: spam 15 days after it was marked, addresses after 90 days."""
    old_spam = aged(make_comment(status="spam"), 20)
    marked_lately = aged(make_comment(status="spam"), 40, moderated_at=timezone.now() - timedelta(days=3))
    new_spam = aged(make_comment(status="spam"), 2)
    replied = aged(make_comment(status="approved"), 30)
    make_comment(parent=replied, status="approved")
    Comment.objects.filter(pk=replied.pk).update(status="spam")
    old_pending = aged(make_comment(status="pending"), 100)
    old_address = aged(make_comment(ip_address="203.0.113.7", user_agent="Old/1"), 91)
    new_address = aged(make_comment(ip_address="203.0.113.8"), 89)

    periodic.enqueue_due()
    run_jobs()

    left = set(Comment.objects.values_list("pk", flat=True))
    assert old_spam.pk not in left
    assert {marked_lately.pk, new_spam.pk, replied.pk, old_pending.pk} <= left
    old_address.refresh_from_db()
    new_address.refresh_from_db()
    assert (old_address.ip_address, old_address.user_agent) == (None, "")
    assert new_address.ip_address == "203.0.113.8"


def test_retention_comes_from_the_discussion_settings_and_zero_keeps_everything():
    spam = aged(make_comment(status="spam", ip_address="203.0.113.7"), 400)
    DiscussionSettings.objects.create(
        pk=1, **{**discussion.defaults(), "spam_retention_days": 0, "ip_retention_days": 0}
    )
    periodic.enqueue_due()
    run_jobs()
    spam.refresh_from_db()
    assert spam.ip_address == "203.0.113.7"


@override_settings(COMMENTS_SPAM_RETENTION_DAYS=30)
def test_the_command_purges_spam_now_with_the_setting_or_the_days_given():
    month = aged(make_comment(status="spam"), 31)
    week = aged(make_comment(status="spam"), 8)
    out = StringIO()
    call_command("purge_comment_spam", stdout=out)
    assert out.getvalue() == "Deleted 1 spam comment older than 30 days.\n"
    call_command("purge_comment_spam", "--days", "7", stdout=out)
    assert not Comment.objects.filter(pk__in=[month.pk, week.pk]).exists()
