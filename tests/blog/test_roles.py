"""Roles on posts: an author reaches only their own posts, by any page or forged request; an editor all."""

import json

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from blog.live_preview import markdownify
from blog.models import Post
from blog.services import post_save_with_body
from tests.factories import make_post, make_rendering, make_source, make_team

CHANGELIST = reverse("admin:blog_post_changelist")
ADD_URL = reverse("admin:blog_post_add")


def form(post=None, **fields):
    """The post form as a browser sends it, from ``post``'s values or a new post's."""
    data = {
        "title": post.title if post else "A new post",
        "slug": post.slug if post else "a-new-post",
        "summary": "",
        "body": post.body if post else "Some words.",
        "status": post.status if post else "draft",
        "publish_at_0": "2026-01-02",
        "publish_at_1": "09:00:00",
        "comments_enabled": "on",
    }
    data.update(fields)
    return data


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def team(db):
    team = make_team()
    team.own = make_post(title="Author's own post", author=team.author)
    team.own_draft = make_post(title="Author's own draft", author=team.author, status=Post.Status.DRAFT)
    team.theirs = make_post(title="Administrator's post", author=team.admin)
    team.their_draft = make_post(
        title="Administrator's secret draft", author=team.admin, status=Post.Status.DRAFT, body="Secret text."
    )
    post_save_with_body(post=team.their_draft, user=team.admin)
    team.their_draft.body = "Secret text, second version."
    post_save_with_body(post=team.their_draft, user=team.admin)
    return team


@pytest.mark.django_db
class TestAuthorsSeeOnlyTheirOwnPosts:
    def test_the_list_shows_only_the_authors_posts(self, team):
        """The changelist holds the author's posts and drafts and none of the administrator's."""
        response = client_for(team.author).get(CHANGELIST)
        assert set(response.context["cl"].result_list) == {team.own, team.own_draft}
        assert "Administrator" not in response.content.decode()

    def test_searching_and_filtering_find_nothing_of_others(self, team):
        """A search for another's title, or a filter by their id, lists nothing of theirs."""
        client = client_for(team.author)
        for query in [{"q": "secret"}, {"author__id__exact": team.admin.pk}, {"state": "draft"}]:
            listed = set(client.get(CHANGELIST, query).context["cl"].result_list)
            assert team.their_draft not in listed and team.theirs not in listed, query

    @pytest.mark.parametrize(
        "page", ["blog_post_change", "blog_post_history", "blog_post_delete", "blog_post_revisions"]
    )
    def test_another_authors_post_pages_show_nothing(self, team, page):
        """The change, history, delete and revisions pages of another's post answer as if it did not exist."""
        response = client_for(team.author).get(reverse(f"admin:{page}", args=[team.their_draft.pk]))
        assert response.status_code in (302, 403, 404)
        assert "Secret text" not in response.content.decode()
        assert "secret draft" not in response.content.decode()

    def test_revision_compare_and_restore_of_anothers_post_are_404(self, team):
        """Comparing or restoring the administrator's revisions is refused, and the text is unchanged."""
        client = client_for(team.author)
        older, newer = team.their_draft.revisions.order_by("pk")[:2]
        compare = reverse("admin:blog_post_revision_compare", args=[team.their_draft.pk])
        assert client.get(compare, {"a": older.pk, "b": newer.pk}).status_code == 404
        restore = reverse("admin:blog_post_revision_restore", args=[team.their_draft.pk, older.pk])
        assert client.get(restore).status_code == 404
        assert client.post(restore).status_code == 404
        team.their_draft.refresh_from_db()
        assert team.their_draft.body == "Secret text, second version."

    def test_the_preview_of_anothers_draft_is_404(self, team):
        """The /preview/ address of the administrator's draft shows the author nothing."""
        client = client_for(team.author)
        response = client.get(team.their_draft.get_preview_url())
        assert response.status_code == 404
        assert "Secret text" not in response.content.decode()
        assert client.get(team.own_draft.get_preview_url()).status_code == 200

    def test_the_where_cited_list_of_a_source_shows_only_own_posts(self, team):
        """A source's admin page names the author's posts citing it, not the administrator's draft."""
        source = make_source()
        for post in (team.own, team.their_draft):
            post.save(rendering=make_rendering(source_key=source.key))
        page = client_for(team.author).get(reverse("admin:citations_source_change", args=[source.pk]))
        assert escape(team.own.title) in page.content.decode()
        assert "secret draft" not in page.content.decode()

    def test_the_live_preview_reads_no_posts(self, team):
        """The editor's live preview renders only the text it is sent (and the shared library)."""
        response = client_for(team.author).post(reverse("markdownx_markdownify"), {"content": "My *words*."})
        assert response.status_code == 200
        assert response.content.decode() == markdownify("My *words*.")
        assert "Secret" not in response.content.decode()

    def test_the_autocomplete_endpoint_lists_only_own_posts(self, team):
        """A forged autocomplete request for posts (through a comment's post field) finds only their own."""
        url = reverse("admin:autocomplete")
        query = {"app_label": "comments", "model_name": "comment", "field_name": "post", "term": ""}
        response = client_for(team.author).get(url, query)
        titles = {item["text"] for item in response.json()["results"]}
        assert titles == {team.own.title, team.own_draft.title}


@pytest.mark.django_db
class TestAuthorsChangeOnlyTheirOwnPosts:
    def test_a_forged_post_to_anothers_post_changes_nothing(self, team):
        """POSTing the change form of the administrator's post, retitled and reassigned, saves nothing."""
        url = reverse("admin:blog_post_change", args=[team.theirs.pk])
        client_for(team.author).post(url, form(team.theirs, title="Mine now", author=team.author.pk))
        team.theirs.refresh_from_db()
        assert (team.theirs.title, team.theirs.author) == ("Administrator's post", team.admin)

    def test_a_forged_author_on_the_add_form_is_ignored(self, team):
        """An author adding a post with another's id in "author" gets the post under their own name."""
        response = client_for(team.author).post(ADD_URL, form(author=team.admin.pk, status="published"))
        assert response.status_code == 302
        post = Post.objects.get(slug="a-new-post")
        assert post.author == team.author and post.status == Post.Status.PUBLISHED

    def test_a_forged_author_on_their_own_post_is_ignored(self, team):
        """Reassigning their own post to the administrator by a forged field keeps the author as author."""
        url = reverse("admin:blog_post_change", args=[team.own.pk])
        response = client_for(team.author).post(url, form(team.own, title="Retitled", author=team.admin.pk))
        assert response.status_code == 302
        team.own.refresh_from_db()
        assert (team.own.title, team.own.author) == ("Retitled", team.author)

    def test_the_author_field_is_not_editable_for_authors(self, team):
        """The add and change forms show the author as text, with no field to change it."""
        client = client_for(team.author)
        for url in [ADD_URL, reverse("admin:blog_post_change", args=[team.own.pk])]:
            form = client.get(url).context["adminform"].form
            assert "author" not in form.fields, url

    def test_authors_cannot_delete_posts_even_in_bulk(self, team):
        """Deleting one post, or the administrator's by a forged bulk action, deletes nothing."""
        client = client_for(team.author)
        assert client.post(reverse("admin:blog_post_delete", args=[team.own.pk]), {"post": "yes"}).status_code
        client.post(
            CHANGELIST, {"action": "delete_selected", "_selected_action": [team.theirs.pk], "post": "yes"}
        )
        assert Post.objects.filter(pk__in=[team.own.pk, team.theirs.pk]).count() == 2

    def test_a_bulk_export_with_forged_ids_exports_only_own_posts_sources(self, team):
        """Exporting sources of selected posts, with the administrator's post among the ids, leaves it out."""
        mine, theirs = make_source(key="minekey"), make_source(key="theirkey")
        team.own.save(rendering=make_rendering(source_key=mine.key))
        team.their_draft.save(rendering=make_rendering(source_key=theirs.key))
        response = client_for(team.author).post(
            CHANGELIST,
            {"action": "export_sources_csl_json", "_selected_action": [team.own.pk, team.their_draft.pk]},
        )
        keys = [item["id"] for item in json.loads(response.content)]
        assert keys == ["minekey"]

    def test_authors_may_add_tags_but_not_rename_them(self, team):
        """Renaming a tag changes everyone's posts: an author may add a tag, but not change one."""
        client = client_for(team.author)
        assert client.post(reverse("admin:blog_tag_add"), {"name": "Mali", "slug": "mali"}).status_code == 302
        tag = team.own.tags.model.objects.get(slug="mali")
        url = reverse("admin:blog_tag_change", args=[tag.pk])
        client.post(url, {"name": "Renamed", "slug": "renamed"})
        tag.refresh_from_db()
        assert tag.name == "Mali"


@pytest.mark.django_db
class TestEditors:
    def test_editors_list_open_and_preview_everyones_posts(self, team):
        """An editor sees every post, opens the administrator's draft and its preview and revisions."""
        client = client_for(team.editor)
        listed = set(client.get(CHANGELIST).context["cl"].result_list)
        assert listed == {team.own, team.own_draft, team.theirs, team.their_draft}
        for url in [
            reverse("admin:blog_post_change", args=[team.their_draft.pk]),
            reverse("admin:blog_post_revisions", args=[team.their_draft.pk]),
            team.their_draft.get_preview_url(),
        ]:
            assert client.get(url).status_code == 200, url

    def test_editors_publish_and_reassign_anyones_post(self, team):
        """An editor publishes the administrator's draft under the author's name."""
        url = reverse("admin:blog_post_change", args=[team.their_draft.pk])
        data = form(team.their_draft, status="published", author=team.author.pk)
        assert client_for(team.editor).post(url, data).status_code == 302
        team.their_draft.refresh_from_db()
        assert (team.their_draft.status, team.their_draft.author) == ("published", team.author)

    def test_a_post_goes_only_to_an_account_that_may_write(self, team):
        """Making the moderator (who writes no posts) a post's author is a form error; nothing changes."""
        url = reverse("admin:blog_post_change", args=[team.own.pk])
        response = client_for(team.editor).post(url, form(team.own, author=team.moderator.pk))
        assert response.status_code == 200
        assert "author" in response.context["adminform"].form.errors
        team.own.refresh_from_db()
        assert team.own.author == team.author

    def test_editors_delete_posts(self, team):
        """Editors may delete anyone's post."""
        url = reverse("admin:blog_post_delete", args=[team.theirs.pk])
        assert client_for(team.editor).post(url, {"post": "yes"}).status_code == 302
        assert not Post.objects.filter(pk=team.theirs.pk).exists()


@pytest.mark.django_db
def test_moderators_reach_no_post_page(team):
    """A moderator gets 403 from the post list, forms, preview and the editor's live preview."""
    client = client_for(team.moderator)
    for url in [CHANGELIST, ADD_URL, reverse("admin:blog_post_change", args=[team.theirs.pk])]:
        assert client.get(url).status_code == 403, url
    assert client.get(team.their_draft.get_preview_url()).status_code == 403
    assert client.post(reverse("markdownx_markdownify"), {"content": "x"}).status_code == 403
    assert client.post(ADD_URL, form(author=team.moderator.pk)).status_code == 403
    assert not Post.objects.filter(slug="a-new-post").exists()


@pytest.mark.django_db
def test_the_editors_group_keeps_posts_tags_and_the_library_but_no_accounts():
    """Editors hold everyone's posts, tags and sources, comments and the import; nothing of auth."""
    granted = set(
        Group.objects.get(name="Editors").permissions.values_list("content_type__app_label", "codename")
    )
    for needed in [
        ("blog", "edit_others_posts"),
        ("blog", "delete_post"),
        ("blog", "change_tag"),
        ("citations", "edit_others_sources"),
        ("citations", "delete_source"),
        ("comments", "moderate_every_comment"),
        ("wordpress", "add_importeditem"),
    ]:
        assert needed in granted, needed
    assert not {label for label, _ in granted} & {"auth", "admin", "contenttypes", "sessions"}
