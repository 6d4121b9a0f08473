"""Every save keeps the text it replaced; staff list, compare and restore revisions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from blog.diffs import diff_lines
from blog.models import Post, Revision
from blog.rendering import Rendering
from blog.services import post_restore_revision, post_save_with_body
from tests.factories import make_post, make_staff


def edit(post, user, **text):
    for name, value in text.items():
        setattr(post, name, value)
    return post_save_with_body(post=post, user=user)


@pytest.mark.django_db
class TestSavingKeepsText:
    def test_each_change_of_text_is_a_revision_with_who_and_when(self, admin_user):
        """Saving a changed title, summary or body records the new text, the user and the time."""
        post = make_post(body="First words.")
        edit(post, admin_user, body="Second words.")
        edit(post, admin_user, title="A better title")
        bodies = list(post.revisions.values_list("body", flat=True))
        assert bodies == ["Second words.", "Second words.", "First words."]
        newest = post.revisions.first()
        assert (newest.title, newest.saved_by) == ("A better title", admin_user)
        assert newest.created is not None

    def test_text_written_outside_the_admin_is_kept_before_an_edit(self, admin_user):
        """A post made by an import or the demo keeps its original text when first edited."""
        post = make_post(title="Imported", body="Original text.")
        edit(post, admin_user, body="Edited text.")
        oldest = post.revisions.last()
        assert (oldest.body, oldest.saved_by) == ("Original text.", None)

    def test_a_save_that_changes_no_text_records_nothing(self, admin_user):
        """Changing only the status is not a new revision."""
        post = make_post()
        edit(post, admin_user, body="Changed once.")
        count = post.revisions.count()
        assert edit(post, admin_user, status=Post.Status.DRAFT) is None
        assert post.revisions.count() == count

    def test_editing_in_the_admin_records_the_request_user(self, admin_client, admin_user):
        """The admin's save names the logged-in user on the revision."""
        post = make_post(slug="edited", body="Before.")
        data = {
            "title": post.title,
            "slug": "edited",
            "summary": "",
            "body": "After.",
            "author": post.author.pk,
            "status": "published",
            "publish_at_0": "2026-01-02",
            "publish_at_1": "09:00:00",
        }
        response = admin_client.post(reverse("admin:blog_post_change", args=[post.pk]), data)
        assert response.status_code == 302
        assert [(r.body, r.saved_by) for r in post.revisions.all()] == [
            ("After.", admin_user),
            ("Before.", None),
        ]

    def test_running_the_demo_twice_creates_no_revision(self, tmp_path):
        """The demo command is idempotent with revisions: its second run records nothing."""
        logins = str(tmp_path / "logins")
        call_command("demo", credentials_file=logins, stdout=StringIO())
        before = Revision.objects.count()
        call_command("demo", credentials_file=logins, stdout=StringIO())
        assert Revision.objects.count() == before == 0


@pytest.mark.django_db
class TestRevisionPages:
    def setup_post(self, user, author=None):
        text = "Line one.\nThe old <b>bold</b> claim.\nLine three."
        post = make_post(title="Post", body=text, **({"author": author} if author else {}))
        edit(post, user, body="Line one.\nThe new <b>bold</b> claim.\nLine three.")
        return post

    def test_list_shows_every_revision(self, admin_client, admin_user):
        """The revisions page lists each revision with who saved it."""
        post = self.setup_post(admin_user)
        response = admin_client.get(reverse("admin:blog_post_revisions", args=[post.pk]))
        assert response.status_code == 200
        assert list(response.context["revisions"]) == list(post.revisions.all())
        assert admin_user.username in response.content.decode()

    def test_compare_shows_changed_words_escaped(self, admin_client, admin_user):
        """Comparing two revisions marks the changed words, and the author's HTML stays text."""
        post = self.setup_post(admin_user)
        newer, older = post.revisions.all()
        url = reverse("admin:blog_post_revision_compare", args=[post.pk])
        content = admin_client.get(url, {"a": older.pk, "b": newer.pk}).content.decode()
        assert "<del>old</del>" in content
        assert "<ins>new</ins>" in content
        assert "&lt;b&gt;bold&lt;/b&gt;" in content
        assert "<b>bold</b>" not in content

    def test_compare_with_bad_choices_redirects_with_a_message(self, admin_client, admin_user):
        """Asking to compare nonsense is answered with a message, never a 500."""
        post = self.setup_post(admin_user)
        url = reverse("admin:blog_post_revision_compare", args=[post.pk])
        response = admin_client.get(url, {"a": "x", "b": "999999"}, follow=True)
        assert response.status_code == 200
        assert "Choose two revisions" in response.content.decode()

    def test_restore_asks_first_then_restores_as_a_new_revision(self, admin_client, admin_user):
        """GET shows what would change; POST puts the old text back and records that as a revision."""
        post = self.setup_post(admin_user)
        older = post.revisions.last()
        url = reverse("admin:blog_post_revision_restore", args=[post.pk, older.pk])
        assert "Restore this revision" in admin_client.get(url).content.decode()
        post.refresh_from_db()
        assert "new" in post.body
        response = admin_client.post(url)
        assert response.status_code == 302
        post.refresh_from_db()
        assert "old" in post.body
        newest = post.revisions.first()
        assert newest.body == post.body
        assert newest.note.startswith("Restored")
        assert post.revisions.count() == 3
        assert any("new" in revision.body for revision in post.revisions.all())

    def test_a_revision_that_no_longer_renders_is_not_restored(self, admin_user, pipeline):
        """Restoring text the pipeline now reports problems in is refused with those problems."""
        from django.core.exceptions import ValidationError

        post = self.setup_post(admin_user)
        older = post.revisions.last()
        pipeline(lambda text, sources: Rendering(html="", errors=["Unknown source key: @gone"]))
        with pytest.raises(ValidationError, match="@gone"):
            post_restore_revision(revision=older, user=admin_user)
        post.refresh_from_db()
        assert "new" in post.body

    def test_staff_without_revision_permissions_are_refused(self, client, admin_user):
        """Staff without view_revision get 403; those who may not change posts cannot restore."""
        viewer = make_staff(permissions=["blog.view_post"])
        own = self.setup_post(admin_user, author=viewer)
        client.force_login(viewer)
        assert client.get(reverse("admin:blog_post_revisions", args=[own.pk])).status_code == 403
        reader = make_staff(permissions=["blog.view_post", "blog.view_revision"])
        post = self.setup_post(admin_user, author=reader)
        client.force_login(reader)
        assert client.get(reverse("admin:blog_post_revisions", args=[post.pk])).status_code == 200
        restore = reverse("admin:blog_post_revision_restore", args=[post.pk, post.revisions.last().pk])
        assert client.post(restore).status_code == 403

    def test_authors_may_list_and_restore(self, author_client, author, admin_user):
        """Members of Authors see their own posts' revisions and may restore them."""
        post = self.setup_post(admin_user, author=author)
        assert author_client.get(reverse("admin:blog_post_revisions", args=[post.pk])).status_code == 200
        restore = reverse("admin:blog_post_revision_restore", args=[post.pk, post.revisions.last().pk])
        assert author_client.post(restore).status_code == 302

    def test_anonymous_visitors_are_sent_to_log_in(self, client, admin_user):
        """The revision pages are behind the admin login."""
        post = self.setup_post(admin_user)
        response = client.get(reverse("admin:blog_post_revisions", args=[post.pk]))
        assert response.status_code == 302
        assert reverse("admin:login") in response.url


class TestDiffLines:
    def test_unchanged_lines_far_from_a_change_are_skipped(self):
        """Only the changed lines and a little context are shown."""
        old = "\n".join(f"line {n}" for n in range(20))
        new = old.replace("line 10", "line ten")
        kinds = [row.kind for row in diff_lines(old, new, context=1)]
        assert kinds == ["equal", "replace", "equal"]

    def test_added_and_removed_lines_are_marked(self):
        """A removed line and an added line show on their own sides."""
        rows = diff_lines("keep\ngone", "keep\nadded\nmore")
        assert [row.kind for row in rows] == ["equal", "replace", "insert"]
        assert rows[2].new[0].text == "more"
