"""A post that is mostly quotation gets a warning before it goes out, never a refusal."""

import pytest
from django.urls import reverse

from blog.fair_use import quoted_share_warning
from blog.models import Post
from tests.blog.test_admin import ADD_URL, post_form
from tests.factories import make_source

MARKDOWNIFY_URL = reverse("markdownx_markdownify")
QUOTED = "> One two three four five six seven eight nine ten.\n>\n> — [@mill]\n\nMy two words."
COMMENTED = "> One two three.\n>\n> — [@mill]\n\nMy own commentary runs longer than the quoted words do."


def test_the_share_is_compared_with_the_setting(settings):
    """Over the site's share there is a warning naming both figures and fair use; at or under it, none."""
    assert "83% of this post is quotation, more than the 50%" in quoted_share_warning(12, 10)
    assert "Fair use" in quoted_share_warning(12, 10)
    assert quoted_share_warning(10, 5) == ""
    assert quoted_share_warning(0, 0) == ""
    settings.BLOG_QUOTED_SHARE_WARNING = 90
    assert quoted_share_warning(12, 10) == ""


@pytest.mark.django_db
class TestAdmin:
    @pytest.fixture(autouse=True)
    def source(self):
        return make_source(key="mill")

    def save(self, client, user, **fields):
        response = client.post(ADD_URL, post_form(author=user.pk, **fields), follow=True)
        assert response.redirect_chain, "the post was saved"
        return " ".join(response.content.decode().split())

    def test_publishing_a_mostly_quoted_post_warns_but_saves(self, admin_client, admin_user):
        """Saving to publish a post that is 77% quotation publishes it, with the warning on the next page."""
        page = self.save(admin_client, admin_user, body=QUOTED, status="published")
        assert "77% of this post is quotation" in page
        assert Post.objects.get(slug="a-new-post").status == Post.Status.PUBLISHED

    def test_a_draft_or_a_commented_post_gets_no_warning(self, admin_client, admin_user):
        """A draft is not going out yet, and a post mostly of the author's words is fine."""
        assert "of this post is quotation" not in self.save(admin_client, admin_user, body=QUOTED)
        page = self.save(admin_client, admin_user, body=COMMENTED, status="published", slug="other")
        assert "of this post is quotation" not in page


@pytest.mark.django_db
def test_the_live_preview_shows_the_warning(admin_client):
    """The preview warns as saving to publish would, and says nothing for a post under the share."""
    make_source(key="mill")
    page = " ".join(admin_client.post(MARKDOWNIFY_URL, {"content": QUOTED}).content.decode().split())
    assert "Before publishing: 77% of this post is quotation" in page
    page = admin_client.post(MARKDOWNIFY_URL, {"content": COMMENTED}).content.decode()
    assert "of this post is quotation" not in page
