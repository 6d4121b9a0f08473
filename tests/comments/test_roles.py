"""Roles on comments: moderators moderate and nothing else; authors only on their own posts; editors all."""

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from tests.factories import make_comment, make_post, make_source, make_team

CHANGELIST = reverse("admin:comments_comment_changelist")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def comment_form(comment, **fields):
    data = {
        "status": comment.status,
        "body": comment.body,
        "author_name": comment.author_name,
        "author_email": comment.author_email,
        "author_url": "",
    }
    data.update(fields)
    return data


@pytest.fixture
def team(db):
    team = make_team()
    team.on_own = make_comment(post=make_post(author=team.author), body="On the author's post")
    team.on_theirs = make_comment(post=make_post(author=team.admin), body="On the administrator's post")
    return team


def test_moderators_and_editors_moderate_every_comment(team):
    """Both see the whole queue and may approve a comment on anyone's post."""
    for user in (team.moderator, team.editor):
        client = client_for(user)
        assert set(client.get(CHANGELIST).context["cl"].result_list) == {team.on_own, team.on_theirs}
        client.post(CHANGELIST, {"action": "mark_approved", "_selected_action": [team.on_theirs.pk]})
        team.on_theirs.refresh_from_db()
        assert (team.on_theirs.status, team.on_theirs.moderated_by) == ("approved", user)
        Comment.objects.filter(pk=team.on_theirs.pk).update(status="pending", moderated_by=None)


def test_moderators_reach_nothing_but_comments(team):
    """Posts, sources, tags, users, groups and the WordPress import all answer a moderator 403."""
    client = client_for(team.moderator)
    source, post = make_source(), make_post()
    pages = [
        reverse("admin:blog_post_changelist"),
        reverse("admin:blog_post_change", args=[post.pk]),
        reverse("admin:blog_tag_add"),
        reverse("admin:citations_source_changelist"),
        reverse("admin:citations_source_change", args=[source.pk]),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[team.moderator.pk]),
        reverse("admin:auth_group_changelist"),
        reverse("admin:wordpress_import"),
        reverse("admin:wordpress_importeditem_changelist"),
        post.get_preview_url(),
    ]
    for url in pages:
        assert client.get(url).status_code == 403, url
    # Not even their own account: a moderator cannot grant themselves a group.
    url = reverse("admin:auth_user_change", args=[team.moderator.pk])
    assert client.post(url, {"username": "moderator", "is_superuser": "on"}).status_code == 403
    team.moderator.refresh_from_db()
    assert not team.moderator.is_superuser


def test_an_author_cannot_open_or_change_a_comment_on_anothers_post(team):
    """A comment on another's post "does not exist" for the author; a forged POST changes nothing."""
    client = client_for(team.author)
    url = reverse("admin:comments_comment_change", args=[team.on_theirs.pk])
    response = client.get(url)
    assert response.status_code == 302
    client.post(url, comment_form(team.on_theirs, status="approved", body="Rewritten"))
    team.on_theirs.refresh_from_db()
    assert (team.on_theirs.status, team.on_theirs.body) == ("pending", "On the administrator's post")


def test_an_author_moderates_comments_on_their_own_post(team):
    """On their own post the author approves a comment through the form, and it records who."""
    url = reverse("admin:comments_comment_change", args=[team.on_own.pk])
    assert client_for(team.author).post(url, comment_form(team.on_own, status="approved")).status_code == 302
    team.on_own.refresh_from_db()
    assert (team.on_own.status, team.on_own.moderated_by) == ("approved", team.author)


def test_a_forged_bulk_action_reaches_only_the_authors_comments(team):
    """Marking spam by forged ids, another post's comment among them, touches only the author's."""
    selected = [team.on_own.pk, team.on_theirs.pk]
    client_for(team.author).post(CHANGELIST, {"action": "mark_spam", "_selected_action": selected})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert (statuses[team.on_own.pk], statuses[team.on_theirs.pk]) == ("spam", "pending")


def test_the_queue_filter_offers_only_the_authors_posts(team):
    """The "post" filter beside an author's queue names only their own posts."""
    response = client_for(team.author).get(CHANGELIST)
    content = response.content.decode()
    assert team.on_own.post.title in content
    assert team.on_theirs.post.title not in content
