"""Roles and the WordPress import: only editors and administrators import, and an export cannot
put words in a staff member's mouth (``impersonation.xml`` names the administrator as its author
and signs approved comments with the moderator's and the administrator's name and address)."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from blog.models import Post
from comments.models import Comment
from comments.services import is_known_commenter
from tests.factories import make_team
from tests.imports.pages import run_page
from tests.queue import run_jobs
from wordpress.comments import HELD_AS_STAFF

URL = reverse("admin:wordpress_import")
ITEMS = reverse("admin:wordpress_importeditem_changelist")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def upload(client, export_path, name="impersonation", **data):
    """Upload an export; once the worker has imported it, its import page (or the refused form)."""
    with open(export_path(name), "rb") as export:
        response = client.post(URL, {"export": export, **data})
    if response.status_code != 302:
        return response
    run_jobs()
    return client.get(run_page(response))


def comment(wp_text):
    return Comment.objects.select_related("user").get(body__startswith=wp_text)


@pytest.fixture
def team(db):
    return make_team()


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_only_editors_and_administrators_import(team, export_path, role):
    """An author or a moderator gets 403 from the import page, the upload and the imported items."""
    client = client_for(getattr(team, role))
    assert client.get(URL).status_code == 403
    assert upload(client, export_path).status_code == 403
    assert client.get(ITEMS).status_code == 403
    assert not Post.objects.exists()


def test_an_export_naming_staff_accounts_never_reaches_them(team, export_path):
    """The export's "admin" becomes a new account that cannot sign in; nothing is a staff member's."""
    response = upload(client_for(team.editor), export_path)
    assert response.status_code == 200
    staff = {team.admin, team.author, team.editor, team.moderator}
    authors = {post.author for post in Post.objects.select_related("author")}
    assert not authors & staff
    impostor = Post.objects.get(slug="announcement").author
    assert impostor.username == "admin-wordpress"
    assert not (impostor.is_staff or impostor.is_superuser or impostor.has_usable_password())
    # The second author gave the moderator's address: the new account does not get it.
    assert Post.objects.get(slug="second").author.email == ""
    assert not Comment.objects.filter(user__in=staff).exists()
    content = response.content.decode()
    assert "the login is a staff account&#x27;s here; imported as admin-wordpress" in content


def test_comments_signed_as_staff_are_held_not_published(team, export_path):
    """Approved in the export but signed with a staff name or address: held for a moderator, as nobody's."""
    upload(client_for(team.editor), export_path)
    for text in ["Approved by the moderator", "Signed with the moderator", "The post's author replies"]:
        held = comment(text)
        assert (held.status, held.status_reason) == ("pending", HELD_AS_STAFF), text
        assert held.user is None or not held.user.is_staff
    assert comment("A real reader's").status == "approved"
    # So the moderator's address earns no "known commenter" approval for the next comment either.
    assert not is_known_commenter("moderator@example.com")


def test_the_importer_may_assign_the_posts_to_themselves(team, export_path):
    """With "assign posts to" the editor, every post is theirs, and the export's author's comment too."""
    response = upload(client_for(team.editor), export_path, assign_to=team.editor.pk)
    assert response.status_code == 200
    assert set(Post.objects.values_list("author", flat=True)) == {team.editor.pk}
    reply = comment("The post's author replies")
    # Attributed to the editor, but signed as the administrator: still held.
    assert (reply.user, reply.status) == (team.editor, "pending")


def test_assigning_to_an_account_that_writes_no_posts_is_refused(team, export_path):
    """A forged "assign posts to" naming the moderator is a form error, and nothing is imported."""
    response = upload(client_for(team.editor), export_path, assign_to=team.moderator.pk)
    assert response.status_code == 200
    assert "assign_to" in response.context["form"].errors
    assert not Post.objects.exists()


def test_an_administrator_importing_as_themselves_keeps_their_own_comments(team, export_path):
    """Signed with the name and address of the account the administrator chose: published as theirs."""
    upload(client_for(team.admin), export_path, assign_to=team.admin.pk)
    reply = comment("The post's author replies")
    assert (reply.user, reply.status) == (team.admin, "approved")
    assert comment("Approved by the moderator").status == "pending"


def test_a_reimport_keeps_the_author_the_site_gave_a_post(team, export_path, tmp_path):
    """After an editor reassigns an imported post, a changed export updates it but keeps its author."""
    client = client_for(team.editor)
    upload(client, export_path)
    Post.objects.filter(slug="announcement").update(author=team.author)
    changed = tmp_path / "changed.xml"
    with open(export_path("impersonation"), encoding="utf-8") as original:
        text = original.read()
    changed.write_text(text.replace("Official words.", "Official words, revised."), encoding="utf-8")
    upload(client, export_path, str(changed))
    post = Post.objects.get(slug="announcement")
    assert ("revised" in post.body, post.author) == (True, team.author)


def test_the_command_assigns_to_a_named_account_or_refuses(team, export_path):
    """``import_wxr --assign-to`` gives the posts to that account; an unknown name imports nothing."""
    with pytest.raises(CommandError, match="no account named 'nobody'"):
        call_command("import_wxr", export_path("impersonation"), "--assign-to", "nobody")
    assert not Post.objects.exists()
    call_command("import_wxr", export_path("impersonation"), "--assign-to", "editor", stdout=StringIO())
    assert set(Post.objects.values_list("author__username", flat=True)) == {"editor"}
    assert get_user_model().objects.filter(username="admin-wordpress").count() == 0
