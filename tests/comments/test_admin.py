"""The moderation queue in the admin: order, filters, bulk actions, and who may do what."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_comment, make_post, make_source, make_staff

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")


@pytest.fixture
def moderator(client):
    user = make_staff(groups=["Moderators"])
    client.force_login(user)
    return user


def act(client, action, comments):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [comment.pk for comment in comments]}, follow=True
    )


def test_moderators_group_has_exactly_the_comment_permissions():
    """Moderators view, change and moderate every comment and keep the block list, and nothing else;
    authors lack the last two, and nobody but administrators changes the discussion settings."""
    codenames = set(Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True))
    blocks = {"view_block", "add_block", "change_block", "delete_block"}
    assert codenames == {"view_comment", "change_comment", "moderate_every_comment", *blocks}
    authors = set(Group.objects.get(name="Authors").permissions.values_list("codename", flat=True))
    assert {"view_comment", "change_comment"} <= authors
    assert "moderate_every_comment" not in authors
    assert not blocks & authors
    assert not Group.objects.filter(permissions__codename="change_discussionsettings").exists()


def test_queue_lists_pending_first_with_the_reason(client, moderator):
    """Pending comments lead the queue and show why they were held."""
    approved = make_comment(status=Comment.Status.APPROVED, body="Old and fine")
    held = make_comment(
        status=Comment.Status.PENDING, status_reason="3 links (holding at 2)", body="Held one"
    )
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed.index(held) < listed.index(approved)
    assert "3 links (holding at 2)" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "needle"}, "body"),
        ({"q": "Zebedee"}, "name"),
        ({"q": "zeb@example"}, "name"),
        ({"q": "192.0.2.55"}, "name"),
        ({"status__exact": "spam"}, "spam"),
    ],
)
def test_queue_search_and_filters(client, moderator, query, expected):
    """Search covers name, email, body and IP; the status filter narrows the list."""
    by_body = make_comment(body="a needle in it")
    by_name = make_comment(author_name="Zebedee", author_email="zeb@example.org", ip_address="192.0.2.55")
    spam = make_comment(status=Comment.Status.SPAM)
    wanted = {"body": by_body, "name": by_name, "spam": spam}[expected]
    listed = list(client.get(CHANGELIST, query).context["cl"].result_list)
    assert listed == [wanted]


def test_post_filter(client, moderator):
    """The queue filters by post."""
    comment = make_comment()
    make_comment()
    listed = list(client.get(CHANGELIST, {"post__id__exact": comment.post_id}).context["cl"].result_list)
    assert listed == [comment]


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("mark_approved", Comment.Status.APPROVED),
        ("mark_spam", Comment.Status.SPAM),
        ("mark_removed", Comment.Status.REMOVED),
        ("mark_pending", Comment.Status.PENDING),
    ],
)
def test_bulk_actions_record_who_and_when(client, moderator, action, status):
    """Each bulk action sets the status and records the moderator, the time and a reason."""
    start = Comment.Status.SPAM if status == Comment.Status.PENDING else Comment.Status.PENDING
    comments = [make_comment(status=start), make_comment(status=start)]
    response = act(client, action, comments)
    assert response.status_code == 200
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == moderator
        assert comment.moderated_at is not None
        assert moderator.username in comment.status_reason
    assert Comment.objects.count() == 2


def test_changing_status_in_the_form_records_who(client, moderator):
    """A status changed on the comment's own page is recorded like a bulk action."""
    comment = make_comment()
    url = reverse("admin:comments_comment_change", args=[comment.pk])
    data = {
        "status": "approved",
        "body": comment.body,
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "author_url": "",
    }
    assert client.post(url, data).status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Comment.Status.APPROVED, moderator)


def test_nobody_can_add_or_delete_comments_in_the_admin(admin_client):
    """Comments come from readers and moderation never deletes: no add page, no delete action or page."""
    comment = make_comment()
    assert admin_client.get(reverse("admin:comments_comment_add")).status_code == 403
    assert admin_client.get(reverse("admin:comments_comment_delete", args=[comment.pk])).status_code == 403
    page = admin_client.get(CHANGELIST).content.decode()
    assert "mark_approved" in page
    assert "delete_selected" not in page


def test_moderator_cannot_touch_posts_or_sources(client, moderator):
    """A moderator gets 403 on the add and change pages of posts and sources."""
    post, source = make_post(), make_source()
    for url in [
        reverse("admin:blog_post_add"),
        reverse("admin:blog_post_change", args=[post.pk]),
        reverse("admin:citations_source_add"),
        reverse("admin:citations_source_change", args=[source.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("admin:blog_post_change", args=[post.pk]), {"title": "x"}).status_code == 403


def test_authors_moderate_only_comments_on_their_own_posts(client):
    """An author sees and can act on comments on their posts, and not on others'."""
    author = make_staff(groups=["Authors"])
    client.force_login(author)
    mine = make_comment(post=make_post(author=author))
    theirs = make_comment()
    assert list(client.get(CHANGELIST).context["cl"].result_list) == [mine]
    url = reverse("admin:comments_comment_change", args=[theirs.pk])
    assert client.get(url).status_code == 302  # the admin's "does not exist" redirect
    act(client, "mark_approved", [mine, theirs])
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == Comment.Status.APPROVED
    assert theirs.status == Comment.Status.PENDING


def test_post_list_shows_pending_counts(admin_client):
    """The admin's post list shows how many comments await moderation, linked to the queue."""
    post = make_post()
    make_comment(post=post)
    make_comment(post=post)
    make_comment(post=post, status=Comment.Status.APPROVED)
    page = admin_client.get(reverse("admin:blog_post_changelist")).content.decode()
    assert f"?post={post.pk}&amp;status__exact=pending" in page
    assert ">2</a>" in page
