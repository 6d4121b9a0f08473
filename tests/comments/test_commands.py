"""Privacy commands: purge old IP addresses, export and erase a commenter's data."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from comments.models import Comment
from tests.factories import make_comment, make_user

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_purge_clears_ip_addresses_older_than_the_given_days():
    """IP addresses and user agents older than N days are cleared; newer ones stay."""
    old = make_comment(ip_address="192.0.2.1", user_agent="Old/1.0")
    new = make_comment(ip_address="192.0.2.2", user_agent="New/1.0")
    Comment.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=31))
    output = run("purge_comment_ips", "--days", "30")
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.ip_address, old.user_agent) == (None, "")
    assert (new.ip_address, new.user_agent) == ("192.0.2.2", "New/1.0")
    assert "1 comment" in output
    assert "0 comments" in run("purge_comment_ips", "--days", "30")


def test_purge_refuses_negative_days():
    """A negative number of days is an error, not a purge of everything."""
    with pytest.raises(CommandError):
        run("purge_comment_ips", "--days", "-1")


def test_export_prints_all_of_a_commenters_data_as_json():
    """--export prints every comment from the address, whatever its case or status, as JSON."""
    first = make_comment(author_email="Ann@Example.org", ip_address="192.0.2.9", body="Hello")
    second = make_comment(author_email="ann@example.org", status=Comment.Status.SPAM)
    make_comment(author_email="bob@example.org")
    data = json.loads(run("commenter_data", "ann@example.org", "--export"))
    assert [record["id"] for record in data["comments"]] == [first.pk, second.pk]
    record = data["comments"][0]
    assert record["body"] == "Hello"
    assert record["ip_address"] == "192.0.2.9"
    assert record["post_url"] == first.post.get_absolute_url()


def test_erase_anonymises_but_keeps_the_thread():
    """--erase clears the commenter's details; the comments and their replies stay in place."""
    user = make_user()
    parent = make_comment(
        author_email="ann@example.org",
        author_name="Ann",
        author_url="https://ann.example",
        ip_address="192.0.2.9",
        user_agent="Ann/1.0",
        user=user,
        notify_replies=True,
        status=Comment.Status.APPROVED,
    )
    reply = make_comment(parent=parent, status=Comment.Status.APPROVED)
    assert "Anonymised 1 comment" in run("commenter_data", "ANN@example.org", "--erase")
    parent.refresh_from_db()
    assert parent.author_name == "Anonymous"
    assert (parent.author_email, parent.author_url, parent.ip_address, parent.user_agent) == (
        "",
        "",
        None,
        "",
    )
    assert parent.user is None and not parent.notify_replies
    assert parent.status == Comment.Status.APPROVED
    assert Comment.objects.get(pk=reply.pk).parent == parent
    assert json.loads(run("commenter_data", "ann@example.org", "--export"))["comments"] == []


@pytest.mark.parametrize(
    "args", [["not-an-email", "--export"], ["a@example.org"], ["a@b.org", "--export", "--erase"]]
)
def test_commenter_data_refuses_bad_arguments(args):
    """A bad address, or neither or both of --export and --erase, is an error."""
    with pytest.raises(CommandError):
        run("commenter_data", *args)
