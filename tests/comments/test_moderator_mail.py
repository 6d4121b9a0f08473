"""Moderator mail that scales: signed one-click links that ask before acting, and hourly or daily digests."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail, signing
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments import moderation_links, services
from comments.models import Comment, CommentEvent, ModeratorDigest
from comments.notifications import digest_due
from tests.factories import make_post, make_staff, make_user
from tests.queue import run_jobs

pytestmark = pytest.mark.django_db


def submit(post, body="Please hold me."):
    return services.comment_submit(
        post=post, author_name="Reader", author_email="reader@example.org", body=body
    )


def links_in(message):
    return dict(re.findall(r"^(Approve|Mark as spam): (\S+)$", message.body, re.M))


@pytest.fixture
def moderator():
    return make_staff(groups=["Moderators"], email="mod@example.com", username="max")


@override_settings(SITE_URL="https://blog.example.com")
def test_each_moderator_gets_their_own_approve_and_spam_links(moderator):
    """A held comment's notice carries approve and spam links signed for its one recipient."""
    post = make_post(author=make_user(email="author@example.com"))
    submit(post)
    run_jobs()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["author@example.com", "mod@example.com"]
    links = links_in(by_address["mod@example.com"])
    assert set(links) == {"Approve", "Mark as spam"}
    assert links["Approve"].startswith("https://blog.example.com/admin/comments/comment/email/")
    assert links_in(by_address["author@example.com"]) == {}  # not staff: nothing to click


def path_of(link):
    return link.removeprefix("http://127.0.0.1:8000")


def test_a_link_asks_on_get_and_acts_on_post_without_sign_in(moderator):
    """Opening the link changes nothing and shows the comment; its button approves it as that moderator."""
    comment = submit(make_post())
    run_jobs()
    [message] = [message for message in mail.outbox if message.to == ["mod@example.com"]]
    url = path_of(links_in(message)["Approve"])
    client = Client(enforce_csrf_checks=True)
    page = client.get(url)
    assert page.status_code == 200
    assert "Approve this comment?" in page.content.decode()
    assert "Please hold me." in page.content.decode()
    assert "no-store" in page["Cache-Control"]
    comment.refresh_from_db()
    assert comment.status == "pending"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    done = client.post(url, {"csrfmiddlewaretoken": token})
    assert done.status_code == 200
    assert "the comment is now approved" in done.content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == ("approved", moderator)
    event = CommentEvent.objects.get(comment=comment)
    assert (event.action, event.actor) == ("approved", moderator)
    assert "from their email" in event.note
    assert "already approved" in client.post(url, {"csrfmiddlewaretoken": token}).content.decode()


def test_a_link_is_bound_to_its_comment_and_action(moderator):
    """A link tampered with to name another comment or action is refused with a readable 400."""
    comment, other = submit(make_post()), submit(make_post(), body="Another")
    good = moderation_links.token(comment, "approved", moderator)
    forged = [
        good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        signing.dumps({"c": other.pk, "a": "approved", "u": moderator.pk}, salt="elsewhere"),
        signing.dumps({"c": comment.pk, "a": "removed", "u": moderator.pk}, salt=moderation_links.SALT),
    ]
    client = Client()
    for token in forged:
        response = client.post(f"/admin/comments/comment/email/{token}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert Comment.objects.filter(status="pending").count() == 2


def test_a_link_expires(moderator):
    """After COMMENTS_MODERATION_LINK_DAYS the link says it has expired (410) and does nothing."""
    comment = submit(make_post())
    url = moderation_links.path(comment, "spam", moderator)
    with override_settings(COMMENTS_MODERATION_LINK_DAYS=0):
        response = Client().post(url)
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_a_link_stops_working_for_someone_who_may_no_longer_moderate(moderator):
    """A moderator who left the group, or an author whose post it is not, cannot act by an old link."""
    comment = submit(make_post())
    url = moderation_links.path(comment, "approved", moderator)
    moderator.groups.clear()
    assert Client().post(url).status_code == 403
    author = make_staff(groups=["Authors"])
    assert Client().post(moderation_links.path(comment, "approved", author)).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


@override_settings(COMMENTS_MODERATOR_DIGEST="hourly")
def test_an_hourly_digest_is_one_email_per_moderator_per_hour(moderator):
    """With the hourly digest, held comments send nothing at once; one digest per moderator lists them all."""
    post = make_post(author=make_user(email=""))
    first, second = submit(post, "First held."), submit(post, "Second held.")
    run_jobs()
    assert mail.outbox == []
    digest = ModeratorDigest.objects.get()
    assert digest.due == digest_due(timezone.now(), "hourly")
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())  # the hour has passed
    run_jobs()
    [message] = mail.outbox
    assert message.to == ["mod@example.com"]
    assert "2 comments awaiting moderation" in message.subject
    assert "First held." in message.body and "Second held." in message.body
    assert len(re.findall(r"^Approve: ", message.body, re.M)) == 2
    run_jobs()
    assert len(mail.outbox) == 1
    assert {first.pk, second.pk} <= set(Comment.objects.filter(status="pending").values_list("pk", flat=True))


def test_digests_fall_due_on_the_hour_or_at_midnight():
    """An hourly digest goes out at the next full hour; a daily one at the next midnight."""
    now = datetime(2026, 3, 5, 14, 25, tzinfo=UTC)
    assert digest_due(now, "hourly") == datetime(2026, 3, 5, 15, 0, tzinfo=UTC)
    assert digest_due(now, "daily") == datetime(2026, 3, 6, 0, 0, tzinfo=UTC)
    assert digest_due(now + timedelta(minutes=35), "hourly") == datetime(2026, 3, 5, 16, 0, tzinfo=UTC)
