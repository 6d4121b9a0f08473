"""Images end to end: stored clean in a dated folder, then on the page sized, lazy and described."""

import io
import re
from datetime import datetime
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from blog.models import Post
from tests.factories import make_post

UPLOAD_URL = reverse("markdownx_upload")
ADD_URL = reverse("admin:blog_post_add")
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def photo_with_gps(size=(40, 20)) -> io.BytesIO:
    """A JPEG as a phone writes it: GPS position, camera, XMP, a comment, and 'rotate 90°' in EXIF."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 26.0), 3: "W", 4: (0.0, 7.0, 39.0)}
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(
        buffer, "JPEG", exif=exif.tobytes(), comment=b"home", xmp=b"<x:xmpmeta>home</x:xmpmeta>"
    )
    buffer.seek(0)
    buffer.name = "Holiday Photo.JPG"
    return buffer


class ImageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images_in(html: str) -> list[dict]:
    """The attributes of each <img> in ``html``, as a browser reads them."""
    parser = ImageParser()
    parser.feed(html)
    return parser.images


def upload(client, file):
    return client.post(UPLOAD_URL, {"image": file}, headers={"x-requested-with": "XMLHttpRequest"})


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    return tmp_path


@pytest.mark.django_db
class TestUpload:
    def test_a_photo_is_stored_in_a_dated_folder_without_its_metadata(self, author_client, media_root):
        """A phone's JPEG is kept in uploads/YYYY/MM/, uniquely named, upright, without EXIF, XMP, comment."""
        response = upload(author_client, photo_with_gps())
        assert response.status_code == 200
        url = response.json()["url"]
        month = timezone.localtime().strftime("%Y/%m")
        assert re.fullmatch(rf"/media/uploads/{month}/holiday-photo-[0-9a-f]{{8}}\.jpg", url)
        assert response.json()["image_code"] == f"![]({url})"
        stored = media_root / url.removeprefix("/media/")
        data = stored.read_bytes()
        for secret in (b"Exif", b"PhoneMaker", b"home", b"xmpmeta"):
            assert secret not in data
        with Image.open(stored) as image:
            assert image.size == (20, 40)  # the orientation is applied, not recorded
            assert not image.getexif()
            assert image.getexif().get_ifd(GPS_IFD) == {}

    def test_two_uploads_of_the_same_file_get_different_names(self, author_client, media_root):
        """Uploading the same file twice keeps both, under different names."""
        first = upload(author_client, photo_with_gps()).json()["url"]
        second = upload(author_client, photo_with_gps()).json()["url"]
        assert first != second
        assert len(list(media_root.rglob("*.jpg"))) == 2

    def test_the_folder_is_dated_by_the_upload_time(self, media_root):
        """The dated folder is the month of the upload, in the site's time zone."""
        from blog.images import upload_name

        when = timezone.make_aware(datetime(2026, 11, 3, 12, 0))
        assert upload_name("cat.png", "png", now=when).startswith("uploads/2026/11/cat-")

    def test_an_animated_gif_keeps_its_frames(self, author_client, media_root):
        """An animation is stored with all its frames and its timing."""
        frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "green", "blue")]
        buffer = io.BytesIO()
        frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=120, loop=0)
        buffer.seek(0)
        buffer.name = "spin.gif"
        url = upload(author_client, buffer).json()["url"]
        with Image.open(media_root / url.removeprefix("/media/")) as image:
            assert (image.n_frames, image.info["duration"]) == (3, 120)

    @pytest.mark.parametrize(
        ("setting", "value", "status", "reason"),
        [
            ("BLOG_IMAGE_MAX_BYTES", 100, 413, "the limit is 100\xa0bytes (BLOG_IMAGE_MAX_BYTES)"),
            ("BLOG_IMAGE_MAX_PIXELS", 500, 400, "The image is 40 × 20 pixels (0.0008 megapixels); the limit"),
        ],
    )
    def test_an_image_over_a_limit_is_refused_with_the_reason(
        self, author_client, media_root, settings, setting, value, status, reason
    ):
        """Over the byte or the pixel limit is a 4xx whose JSON gives the reason, and nothing is stored."""
        setattr(settings, setting, value)
        response = upload(author_client, photo_with_gps())
        assert response.status_code == status
        assert reason in response.json()["image"][0]
        assert not any(media_root.rglob("*.*"))

    def test_a_file_that_is_not_an_image_is_refused_with_the_reason(self, author_client, media_root):
        """A text file named like a JPEG is a 400 saying it is not an image; nothing is stored."""
        fake = io.BytesIO(b"<script>alert(1)</script>")
        fake.name = "photo.jpg"
        response = upload(author_client, fake)
        assert response.status_code == 400
        assert response.json() == {
            "image": ["The file is not an image (JPEG, PNG, GIF or WebP) that can be read."]
        }
        assert not any(media_root.rglob("*.*"))

    def test_a_refused_upload_leaves_the_post_as_it_was(self, author_client, author, media_root, settings):
        """The upload endpoint never writes into a post: a refusal changes no body."""
        post = make_post(author=author, body="Words before.", status=Post.Status.DRAFT)
        settings.BLOG_IMAGE_MAX_BYTES = 100
        assert upload(author_client, photo_with_gps()).status_code == 413
        post.refresh_from_db()
        assert post.body == "Words before."


def post_form(author, **fields):
    data = {
        "title": "With a picture",
        "slug": "with-a-picture",
        "summary": "",
        "body": "Some words.",
        "status": "published",
        "author": author.pk,
        "publish_at_0": "2026-01-02",
        "publish_at_1": "09:00:00",
        "comments_enabled": "on",
    }
    data.update(fields)
    return data


@pytest.mark.django_db
class TestAltText:
    def test_publishing_an_image_without_alt_text_is_refused_beside_the_body(self, admin_client, admin_user):
        """A published post with ![](…) is a form error on the body naming the image; nothing is saved."""
        body = "A cat.\n\n![](/media/uploads/2026/11/cat-1a2b3c4d.jpg)"
        response = admin_client.post(ADD_URL, post_form(admin_user, body=body))
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors["body"]
        assert errors == [
            "Image 1 (cat-1a2b3c4d.jpg) has no alt text. Describe it for readers who cannot see it, between "
            "the brackets: ![a grey cat asleep on a keyboard](/media/uploads/2026/11/cat-1a2b3c4d.jpg)."
        ]
        assert "A cat." in response.content.decode()  # the text is kept
        assert not Post.objects.exists()

    def test_a_draft_may_keep_an_image_without_alt_text(self, admin_client, admin_user):
        """A draft with an undescribed image saves; the rule applies when it is published."""
        body = "![](/media/uploads/2026/11/cat-1a2b3c4d.jpg)"
        response = admin_client.post(ADD_URL, post_form(admin_user, body=body, status="draft"))
        assert response.status_code == 302
        assert Post.objects.get().status == Post.Status.DRAFT

    def test_an_image_written_in_html_needs_alt_text_too(self, admin_client, admin_user):
        """Raw HTML <img> without alt is refused for publishing like Markdown's."""
        body = '<p><img src="https://example.org/a.png"></p>'
        response = admin_client.post(ADD_URL, post_form(admin_user, body=body))
        assert "Image 1 (a.png) has no alt text." in response.context["adminform"].form.errors["body"][0]

    def test_the_preview_says_what_publishing_needs(self, author_client):
        """The live preview lists an image without alt text, before the rendered post."""
        response = author_client.post(
            reverse("markdownx_markdownify"), {"content": "![](https://example.org/a.png)"}
        )
        assert "Before publishing: Image 1 (a.png) has no alt text." in response.content.decode()


@pytest.mark.django_db
class TestOnThePage:
    def test_an_uploaded_image_is_on_the_page_sized_lazy_and_described(
        self, author_client, author, media_root, client
    ):
        """The public page shows the upload with its alt text, width, height, lazy loading, async decoding."""
        url = upload(author_client, photo_with_gps()).json()["url"]
        post = make_post(author=author, body=f"![A harbour at dusk]({url})")
        page = client.get(post.get_absolute_url()).content.decode()
        assert images_in(page) == [
            {
                "alt": "A harbour at dusk",
                "src": url,
                "width": "20",
                "height": "40",
                "loading": "lazy",
                "decoding": "async",
            }
        ]

    def test_the_preview_shows_the_upload_as_the_page_will(self, author_client, media_root):
        """The live preview has the same <img>, size and all, as the page."""
        url = upload(author_client, photo_with_gps()).json()["url"]
        response = author_client.post(reverse("markdownx_markdownify"), {"content": f"![Harbour]({url})"})
        assert images_in(response.content.decode()) == [
            {
                "alt": "Harbour",
                "src": url,
                "width": "20",
                "height": "40",
                "loading": "lazy",
                "decoding": "async",
            }
        ]

    def test_the_size_is_read_once_then_cached(self, author_client, media_root):
        """A second rendering takes the size from the cache, even once the file is gone."""
        from blog.images import stored_image_size

        url = upload(author_client, photo_with_gps()).json()["url"]
        assert stored_image_size(url) == (20, 40)
        (media_root / url.removeprefix("/media/")).unlink()
        assert stored_image_size(url) == (20, 40)

    def test_an_image_elsewhere_gets_no_size(self, media_root):
        """Images on other sites, and addresses that climb out of the media folder, are not measured."""
        from blog.images import stored_image_size

        assert stored_image_size("https://example.org/media/cat.jpg") is None
        assert stored_image_size("/media/../config/settings.py") is None
        assert stored_image_size("/media/uploads/missing.jpg") is None

    def test_an_absolute_url_on_this_site_is_measured(self, author_client, media_root, settings):
        """An upload's address written with the site's own origin is sized like a relative one."""
        from blog.images import stored_image_size

        url = upload(author_client, photo_with_gps()).json()["url"]
        assert stored_image_size(settings.SITE_URL + url) == (20, 40)
