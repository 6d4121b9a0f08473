"""The editor's image upload refuses what is not a whole image within the pixel limit, with a 400."""

import io
import struct
import zlib

import pytest
from django.urls import reverse
from PIL import Image

UPLOAD_URL = reverse("markdownx_upload")


def named(data: bytes, name: str) -> io.BytesIO:
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def image_bytes(fmt: str, size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(buffer, fmt)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A valid PNG header and one small compressed row: a decompression bomb's shape, cheaply."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * (width + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def post(client, upload):
    return client.post(UPLOAD_URL, {"image": upload}, headers={"x-requested-with": "XMLHttpRequest"})


@pytest.mark.django_db
class TestImageLimits:
    @pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
    def test_a_truncated_image_is_refused_and_not_saved(self, author_client, media_root, fmt):
        """An image cut off half-way is a 400 saying it is truncated, and nothing is stored."""
        whole = image_bytes(fmt)
        response = post(author_client, named(whole[: len(whole) // 2], f"cut.{fmt.lower()}"))
        assert response.status_code == 400
        assert "image" in response.json()
        assert not any(media_root.rglob("*"))

    def test_an_image_over_the_pixel_limit_is_refused_naming_the_limit(self, author_client, media_root):
        """A 12,000 × 12,000 PNG of a few kilobytes is refused, its size and the limit named."""
        response = post(author_client, named(png_claiming(12_000, 12_000), "bomb.png"))
        assert response.status_code == 400
        message = response.json()["image"][0]
        assert "12,000 × 12,000 pixels (144 megapixels)" in message
        assert "40 megapixels (BLOG_IMAGE_MAX_PIXELS)" in message
        assert not any(media_root.rglob("*"))

    def test_a_bomb_past_pillows_own_limit_gets_the_same_clear_answer(self, author_client, media_root):
        """A picture past Pillow's decompression-bomb error is refused with the setting's limit."""
        response = post(author_client, named(png_claiming(30_000, 30_000), "bomb.png"))
        assert response.status_code == 400
        assert "BLOG_IMAGE_MAX_PIXELS" in response.json()["image"][0]
        assert not any(media_root.rglob("*"))

    def test_the_pixel_limit_is_a_setting(self, author_client, media_root, settings):
        """BLOG_IMAGE_MAX_PIXELS lowers the limit; an image within it is stored."""
        settings.BLOG_IMAGE_MAX_PIXELS = 1000
        response = post(author_client, named(image_bytes("PNG", (40, 40)), "big.png"))
        assert response.status_code == 400
        assert (
            "40 × 40 pixels (0.0016 megapixels); the limit is 0.001 megapixels" in response.json()["image"][0]
        )
        response = post(author_client, named(image_bytes("PNG", (20, 20)), "small.png"))
        assert response.status_code == 200
        assert len(list(media_root.rglob("*.png"))) == 1

    @pytest.mark.parametrize(
        "data",
        [b"", b"GIF89a", b"\x89PNG\r\n\x1a\n", b"<svg xmlns='http://www.w3.org/2000/svg'/>", b"\xff\xd8\xff"],
    )
    def test_files_that_are_not_images_are_refused(self, author_client, media_root, data):
        """Empty files, bare magic numbers and SVG text are a 400, never a 500."""
        response = post(author_client, named(data, "file.png"))
        assert response.status_code == 400
        assert not any(media_root.rglob("*"))
