"""Staff preview drafts and scheduled posts; the editor's endpoints answer only staff who write."""

import io
import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from blog.models import Post
from tests.factories import make_post, make_user

MARKDOWNIFY_URL = reverse("markdownx_markdownify")
UPLOAD_URL = reverse("markdownx_upload")


def png_file(name="picture.png", size=(8, 8)):
    """A real PNG of random pixels, so its size on disk is about 3 bytes a pixel."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.django_db
class TestDraftPreview:
    def test_staff_see_a_draft_on_the_public_template_with_a_banner(self, author_client, author):
        """The preview shows a draft through the post template, under a "Draft preview" banner."""
        post = make_post(title="Work in progress", status=Post.Status.DRAFT, author=author)
        response = author_client.get(post.get_preview_url())
        assert response.status_code == 200
        assert "blog/post_detail.html" in [template.name for template in response.templates]
        content = response.content.decode()
        assert "Draft preview" in content
        assert "Work in progress" in content
        assert "noindex" in content
        assert "no-cache" in response["Cache-Control"]

    def test_staff_see_a_scheduled_post_the_public_cannot(self, client, author_client, author):
        """A scheduled post is a 404 at its permalink for readers, and visible to its author in preview."""
        soon = timezone.now() + timezone.timedelta(days=2)
        post = make_post(title="Coming soon", publish_at=soon, author=author)
        assert client.get(post.get_absolute_url()).status_code == 404
        response = author_client.get(post.get_preview_url())
        assert "scheduled for" in response.content.decode()

    def test_readers_are_sent_to_log_in(self, client):
        """An anonymous visitor to a preview is asked to log in and sees nothing of the post."""
        post = make_post(title="Secret draft", status=Post.Status.DRAFT)
        response = client.get(post.get_preview_url())
        assert response.status_code == 302
        assert reverse("admin:login") in response.url

    def test_staff_without_post_permissions_are_refused(self, client):
        """Staff who may not view posts get 403 from the preview."""
        client.force_login(make_user(is_staff=True))
        assert client.get(make_post().get_preview_url()).status_code == 403


@pytest.mark.django_db
class TestMarkdownifyEndpoint:
    def test_anonymous_and_non_staff_get_403(self, client):
        """Only staff who write posts may use the live preview."""
        assert client.post(MARKDOWNIFY_URL, {"content": "*hi*"}).status_code == 403
        client.force_login(make_user())
        assert client.post(MARKDOWNIFY_URL, {"content": "*hi*"}).status_code == 403
        client.force_login(make_user(is_staff=True))
        assert client.post(MARKDOWNIFY_URL, {"content": "*hi*"}).status_code == 403

    def test_authors_get_the_rendered_preview(self, author_client):
        """An author's preview request answers the post's HTML."""
        response = author_client.post(MARKDOWNIFY_URL, {"content": "Some *emphasis*."})
        assert response.status_code == 200
        assert "<em>emphasis</em>" in response.content.decode()

    def test_citations_the_pipeline_cannot_read_are_named_above_the_preview(self, author_client):
        """An unknown narrative key, a locator without its number and an unclosed citation are listed."""
        content = "As @nosuchauthor says [@nosuchauthor, p.] and [see @nosuchauthor, 4 then."
        response = author_client.post(MARKDOWNIFY_URL, {"content": content})
        text = " ".join(response.content.decode().split())
        assert "Unknown source “@nosuchauthor”" in text
        assert "The locator “p.” in “[@nosuchauthor, p.]” has no number after it." in text
        assert "The citation “[see @nosuchauthor, 4 then.” is never closed" in text

    def test_missing_content_is_a_400(self, author_client):
        """A preview request without content is a readable bad request, not a 500."""
        assert author_client.post(MARKDOWNIFY_URL, {}).status_code == 400

    def test_csrf_protection_stays_on(self, author):
        """A preview POST without the CSRF token is refused."""
        client = Client(enforce_csrf_checks=True)
        client.force_login(author)
        assert client.post(MARKDOWNIFY_URL, {"content": "x"}).status_code == 403


@pytest.mark.django_db
class TestUploadEndpoint:
    def test_anonymous_and_non_staff_get_403(self, client, media_root):
        """Uploads are refused to anyone who may not write posts."""
        assert client.post(UPLOAD_URL, {"image": png_file()}).status_code == 403
        client.force_login(make_user())
        assert client.post(UPLOAD_URL, {"image": png_file()}).status_code == 403
        assert not any(media_root.rglob("*.png"))

    def test_an_author_uploads_an_image(self, author_client, media_root):
        """A real image is stored and answered with the Markdown that shows it."""
        response = author_client.post(
            UPLOAD_URL, {"image": png_file()}, headers={"x-requested-with": "XMLHttpRequest"}
        )
        assert response.status_code == 200
        assert response.json()["image_code"].startswith("![](/media/uploads/")
        assert len(list(media_root.rglob("*.png"))) == 1

    def test_a_file_that_is_not_an_image_is_refused(self, author_client, media_root):
        """A text file claiming to be a PNG is refused with a 400 naming the problem."""
        fake = io.BytesIO(b"#!/bin/sh\necho not an image\n")
        fake.name = "innocent.png"
        response = author_client.post(UPLOAD_URL, {"image": fake})
        assert response.status_code == 400
        assert "image" in response.json()
        assert not any(media_root.rglob("*"))

    def test_an_image_of_a_type_not_allowed_is_refused(self, author_client, media_root):
        """A genuine image in a format outside MARKDOWNX_UPLOAD_CONTENT_TYPES (BMP) is refused."""
        buffer = io.BytesIO()
        Image.new("RGB", (4, 4)).save(buffer, "BMP")
        buffer.seek(0)
        buffer.name = "picture.png"
        response = author_client.post(UPLOAD_URL, {"image": buffer})
        assert response.status_code == 400
        assert response.json() == {"image": ["BMP images are not accepted; upload GIF, JPEG, PNG, WEBP."]}

    def test_a_file_over_the_size_limit_is_refused(self, author_client, media_root, settings):
        """An image bigger than BLOG_IMAGE_MAX_BYTES is refused: a 413 naming the size and the setting."""
        settings.BLOG_IMAGE_MAX_BYTES = 4000
        response = author_client.post(UPLOAD_URL, {"image": png_file(size=(64, 64))})
        assert response.status_code == 413
        assert "the limit is 3.9\xa0KB (BLOG_IMAGE_MAX_BYTES)" in response.json()["image"][0]

    def test_a_request_far_over_the_limit_is_refused_before_reading(
        self, author_client, media_root, settings
    ):
        """A request whose length alone exceeds the limit is answered 413 without parsing the file."""
        settings.BLOG_IMAGE_MAX_BYTES = 1024
        big = io.BytesIO(b"\x89PNG" + b"\0" * 200_000)
        big.name = "huge.png"
        response = author_client.post(UPLOAD_URL, {"image": big})
        assert response.status_code == 413
        assert not any(media_root.rglob("*"))
