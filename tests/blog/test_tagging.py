"""Tags are typed in the post form, comma-separated; new names become tags on save."""

import pytest
from django.urls import reverse

from blog.models import Post, Tag
from blog.services import post_set_tags
from blog.tagging import MAX_TAGS, parse_tag_names
from tests.blog.test_admin import ADD_URL, post_form
from tests.factories import make_post, make_team


def test_names_are_split_tidied_and_named_once_by_slug():
    """Commas separate names; spaces are collapsed; “Mali” and “mali” are one tag, first spelling kept."""
    assert parse_tag_names(" Mali ,  arms   trade,,mali, Sahel") == (["Mali", "arms trade", "Sahel"], [])


def test_names_without_letters_or_too_many_are_problems():
    """A name with no letter or digit, or one tag too many, is a problem named for the form."""
    assert parse_tag_names("Mali, !!!") == (["Mali"], ["The tag “!!!” needs a letter or a digit."])
    names, problems = parse_tag_names(",".join(f"t{n}" for n in range(MAX_TAGS + 5)))
    assert problems == [f"A post may have at most {MAX_TAGS} tags."]


@pytest.mark.django_db
class TestTagsInTheForm:
    def test_new_and_existing_tags_are_filed_on_save(self, admin_client, admin_user):
        """Typing two names, one new, files the post under the existing tag and a new one."""
        mali = Tag.objects.create(name="Mali", slug="mali")
        response = admin_client.post(ADD_URL, post_form(author=admin_user.pk, tag_names="mali, Arms trade"))
        assert response.status_code == 302
        post = Post.objects.get(slug="a-new-post")
        assert set(post.tags.all()) == {mali, Tag.objects.get(slug="arms-trade", name="Arms trade")}

    def test_the_change_form_shows_the_tags_and_removing_a_name_unfiles_it(self, admin_client, admin_user):
        """The field holds the post's tags as names; saving without one takes the post off that tag."""
        post = make_post(author=admin_user)
        post.tags.create(name="Mali", slug="mali")
        post.tags.create(name="Libya", slug="libya")
        url = reverse("admin:blog_post_change", args=[post.pk])
        assert admin_client.get(url).context["adminform"].form["tag_names"].value() == "Libya, Mali"
        fields = post_form(title=post.title, slug=post.slug, body=post.body, author=admin_user.pk)
        assert admin_client.post(url, {**fields, "tag_names": "Libya"}).status_code == 302
        assert [tag.slug for tag in post.tags.all()] == ["libya"]
        assert Tag.objects.filter(slug="mali").exists()

    def test_a_bad_name_is_a_form_error_that_keeps_the_text(self, admin_client, admin_user):
        """A name of punctuation only is refused on the form, the body and the typed names re-shown."""
        response = admin_client.post(ADD_URL, post_form(author=admin_user.pk, tag_names="Mali, ???"))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["tag_names"] == [
            "The tag “???” needs a letter or a digit."
        ]
        assert "Mali, ???" in response.content.decode()
        assert not Tag.objects.exists()

    def test_without_permission_to_add_tags_a_new_name_is_refused(self, client):
        """A writer who may not add tags may use existing ones; a new name is a form error naming it."""
        team = make_team()
        team.author.groups.get().permissions.remove(
            *team.author.groups.get().permissions.filter(codename="add_tag")
        )
        Tag.objects.create(name="Mali", slug="mali")
        client.force_login(team.author)
        response = client.post(ADD_URL, post_form(tag_names="Mali, Niger"))
        assert response.context["adminform"].form.errors["tag_names"] == [
            "You may not add tags; ask an editor for: Niger."
        ]
        response = client.post(ADD_URL, post_form(tag_names="Mali"))
        assert response.status_code == 302
        assert [tag.slug for tag in Post.objects.get().tags.all()] == ["mali"]


@pytest.mark.django_db
def test_a_name_an_imported_tag_has_under_another_slug_is_that_tag():
    """A tag imported as “Mali” with the slug “mali-2” is found by its name, not made again."""
    imported = Tag.objects.create(name="Mali", slug="mali-2")
    post = make_post()
    assert post_set_tags(post=post, names=["Mali", "Niger"]) == [imported, Tag.objects.get(slug="niger")]
    assert Tag.objects.count() == 2
