"""Settings → Discussion in the admin: the rules saved in the database, the environment as their default,
read by every process through the shared cache; who may change them."""

import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from comments import conf, discussion
from comments.models import Comment, DiscussionSettings
from tests.factories import comment_form_data, make_comment, make_post, make_staff

pytestmark = pytest.mark.django_db

CHANGE = reverse("admin:comments_discussionsettings_change", args=[1])


@pytest.fixture
def administrator():
    client = Client()
    client.force_login(make_staff(is_superuser=True, username="root"))
    return client


def form_data(client, **changes):
    """What the settings form holds now (as its page shows it), with ``changes``."""
    form = client.get(CHANGE).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else value
    data.update(changes)
    return {key: value for key, value in data.items() if value is not False}


def send(post, **fields):
    Client().post(reverse("comments:post", args=[post.pk]), comment_form_data(post, **fields))
    return Comment.objects.latest("pk")


@override_settings(COMMENTS_HOLD_LINKS=3, COMMENTS_SPAM_WORDS=["lottery", "prize"])
def test_before_the_first_save_the_form_shows_and_the_rules_use_the_environment(administrator):
    """The page opens from the admin's list of models at the one form, filled from the settings."""
    response = administrator.get(reverse("admin:comments_discussionsettings_changelist"), follow=True)
    assert response.redirect_chain[-1][0] == CHANGE
    page = response.content.decode()
    for legend in ["Other comment settings", "Comment moderation", "Disallowed comment keys", "Rate limits"]:
        assert f">{legend}<" in page
    assert re.search(r'name="hold_links"[^>]*value="3"', page)
    assert "lottery\nprize</textarea>" in page
    assert "Deployment default: 3." in page
    assert not DiscussionSettings.objects.exists()
    assert conf.get("HOLD_LINKS") == 3


@override_settings(COMMENTS_HOLD_LINKS=3)
def test_saved_settings_apply_to_the_next_comment_and_are_recorded(administrator):
    """Holding at one link and a spam word, saved in the admin, decide the next comments; history says who."""
    post = make_post()
    assert send(post, body="See https://example.org").status == Comment.Status.PENDING
    known = send(post, body="Hello again", name="Ann", email="ann@example.org")
    Comment.objects.filter(pk=known.pk).update(status=Comment.Status.APPROVED)
    assert (
        send(post, body="One https://example.org", name="Ann", email="ann@example.org").status == "approved"
    )

    response = administrator.post(CHANGE, form_data(administrator, hold_links=1, spam_words="crypto\nloan"))
    assert response.status_code == 302

    assert send(post, body="Two https://example.org", name="Ann", email="ann@example.org").status == "pending"
    spam = send(post, body="Cheap crypto here", name="Ann", email="ann@example.org")
    assert (spam.status, spam.status_reason) == ("spam", "spam word “crypto” in body")
    entry = LogEntry.objects.get()
    assert (entry.user.username, entry.object_repr) == ("root", "Discussion settings")
    history = administrator.get(reverse("admin:comments_discussionsettings_history", args=[1])).content
    assert b"root" in history and b"Hold a comment with this many links" in history


def test_closing_and_manual_approval_show_on_the_pages_readers_get(administrator):
    """Closing after N days closes an old post's form at once; "manually approved" holds a known commenter."""
    old = make_post(publish_at=timezone.now() - timedelta(days=400))
    assert 'id="comment-form"' in Client().get(old.get_absolute_url()).content.decode()
    administrator.post(CHANGE, form_data(administrator, close_after_days=30, manual_approval="on"))
    page = Client().get(old.get_absolute_url()).content.decode()
    assert 'id="comment-form"' not in page
    assert "Comments close 30 days after a post is published." in page

    post = make_post()
    make_comment(post=post, author_name="Ann", author_email="ann@example.org", status="approved")
    held = send(post, name="Ann", email="ann@example.org")
    assert held.status == Comment.Status.PENDING
    assert held.status_reason.startswith("every comment is approved by hand")


def test_a_bad_value_is_a_readable_error_that_keeps_the_form(administrator):
    response = administrator.post(CHANGE, form_data(administrator, max_depth=0, hold_words="keep me"))
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    assert "keep me</textarea>" in response.content.decode()
    assert not DiscussionSettings.objects.exists()


def test_moderators_and_authors_cannot_open_the_settings():
    """A permission of administrators: the groups that moderate cannot see the page."""
    for group in ["Moderators", "Editors", "Authors"]:
        client = Client()
        client.force_login(make_staff(groups=[group]))
        assert client.get(CHANGE).status_code == 403
        assert client.post(CHANGE, {"hold_links": 9}).status_code == 403
    assert not DiscussionSettings.objects.exists()


def test_every_process_reads_the_saved_rules_through_the_cache(django_assert_num_queries):
    """Read once into the shared cache; a save gives a new version, so the next read anywhere is fresh.

    A change that skips the model's save (an UPDATE) is not seen until then: the cache is what is read.
    """
    DiscussionSettings.objects.create(pk=1, **{**discussion.defaults(), "hold_links": 4})
    with django_assert_num_queries(2):
        assert conf.get("HOLD_LINKS") == 4
    with django_assert_num_queries(0):
        assert conf.get("HOLD_LINKS") == 4
        assert conf.get("SPAM_WORDS") == conf.default("SPAM_WORDS")
    DiscussionSettings.objects.update(hold_links=7)
    assert conf.get("HOLD_LINKS") == 4
    settings = DiscussionSettings.objects.get()
    settings.hold_words = "first\n\n  second  "
    settings.save()
    assert (conf.get("HOLD_LINKS"), conf.get("HOLD_WORDS")) == (7, ["first", "second"])


def test_without_the_cache_the_rules_come_from_the_database(monkeypatch):
    DiscussionSettings.objects.create(pk=1, **{**discussion.defaults(), "hold_links": 5})

    def unreachable(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(discussion.cache, "get", unreachable)
    assert conf.get("HOLD_LINKS") == 5


@override_settings(COMMENTS_PER_PAGE=50)
def test_pages_of_comments_are_a_discussion_setting_the_post_page_follows_at_once(administrator):
    """As WordPress's "Break comments into pages": saved in the admin, the next reader gets the new pages."""
    post = make_post()
    for number in range(5):
        make_comment(post=post, status=Comment.Status.APPROVED, body=f"Top {number}.")
    assert re.findall(r"<p>Top (\d)\.</p>", Client().get(post.get_absolute_url()).content.decode()) == list(
        "01234"
    )
    response = administrator.post(
        CHANGE, form_data(administrator, per_page=2, default_page="first", order="newest")
    )
    assert response.status_code == 302
    page = Client().get(post.get_absolute_url()).content.decode()
    assert re.findall(r"<p>Top (\d)\.</p>", page) == ["1", "0"]
    assert "?cpage=2" in page
