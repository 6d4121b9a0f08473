"""The home page lists published posts inside the site's base template."""

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from tests.factories import make_post


@pytest.mark.django_db
def test_home_page_answers_with_the_base_template(client):
    """The home page is a 200 rendered through base.html."""
    response = client.get(reverse("blog:post_list"))
    assert response.status_code == 200
    assert "base.html" in [template.name for template in response.templates]
    assert b'<main id="main">' in response.content


@pytest.mark.django_db
def test_home_page_lists_published_posts_only(client):
    """Published posts show; drafts and scheduled posts do not."""
    make_post(title="Out in the open")
    make_post(title="Still a draft", status=Post.Status.DRAFT)
    make_post(title="Not yet", publish_at=timezone.now() + timezone.timedelta(days=2))
    content = client.get(reverse("blog:post_list")).content.decode()
    assert "Out in the open" in content
    assert "Still a draft" not in content
    assert "Not yet" not in content
