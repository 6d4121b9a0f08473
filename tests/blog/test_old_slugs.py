"""Renaming a post's slug keeps its old address working: it answers 301 to the new one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.services import post_save_with_body
from tests.blog.test_admin import post_form
from tests.factories import make_post


def rename(post, slug):
    post.slug = slug
    post_save_with_body(post=post)
    return post


def old_address(post, slug):
    day = post.publish_at.date()
    return reverse(
        "blog:post_detail", kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": slug}
    )


@pytest.mark.django_db
class TestOldSlugs:
    def test_the_old_address_redirects_to_the_renamed_post(self, client):
        """After a rename the old address is a permanent redirect to the post's page under its new slug."""
        post = make_post(slug="first-name", title="The renamed post")
        old = post.get_absolute_url()
        rename(post, "second-name")
        response = client.get(old, follow=True)
        assert response.redirect_chain == [(post.get_absolute_url(), 301)]
        assert "The renamed post" in response.content.decode()

    def test_a_rename_in_the_admin_redirects_too(self, admin_client, admin_user):
        """Changing the slug on the admin form leaves the old address redirecting."""
        post = make_post(slug="admin-old")
        old = post.get_absolute_url()
        change_url = reverse("admin:blog_post_change", args=[post.pk])
        day = post.publish_at
        data = post_form(
            title=post.title,
            slug="admin-new",
            body=post.body,
            status="published",
            author=admin_user.pk,
            publish_at_0=f"{day:%Y-%m-%d}",
            publish_at_1=f"{day:%H:%M:%S}",
        )
        assert admin_client.post(change_url, data).status_code == 302
        post.refresh_from_db()
        assert post.slug == "admin-new"
        response = admin_client.get(old)
        assert (response.status_code, response["Location"]) == (301, post.get_absolute_url())

    def test_renaming_back_serves_the_post_and_redirects_the_other_name(self, client):
        """Back to its first slug, the post is served there again, and the name it left redirects to it."""
        post = make_post(slug="alpha")
        rename(post, "beta")
        rename(post, "alpha")
        assert client.get(post.get_absolute_url()).status_code == 200
        response = client.get(old_address(post, "beta"))
        assert (response.status_code, response["Location"]) == (301, post.get_absolute_url())

    def test_a_post_that_takes_the_old_slug_wins(self, client):
        """Another post given the old slug is served at that address, not the redirect."""
        renamed = make_post(slug="shared-name")
        rename(renamed, "moved-away")
        newcomer = make_post(slug="shared-name", title="The newcomer")
        response = client.get(newcomer.get_absolute_url())
        assert response.status_code == 200
        assert "The newcomer" in response.content.decode()

    def test_an_unknown_slug_is_still_a_404(self, client):
        """An address no post ever had is not found."""
        post = make_post(slug="real")
        assert client.get(old_address(post, "never-was")).status_code == 404

    def test_an_unpublished_post_is_not_revealed(self, client):
        """The old address of a post taken back to draft is a 404, not a redirect to a hidden page."""
        post = make_post(slug="to-hide")
        rename(post, "hidden")
        post.status = post.Status.DRAFT
        post_save_with_body(post=post)
        assert client.get(old_address(post, "to-hide")).status_code == 404

    def test_a_hit_does_not_look_up_old_slugs(self, client):
        """A post found at its address costs no query for old slugs."""
        post = rename(make_post(slug="before"), "after")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(post.get_absolute_url()).status_code == 200
        assert not [query for query in queries if "blog_oldslug" in query["sql"]]
