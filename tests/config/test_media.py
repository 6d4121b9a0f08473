"""Uploaded media: served by the site itself when SERVE_MEDIA is on, safely; or kept in object storage."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from PIL import Image

from config.env import media_storage_config

# A 404 asks the WordPress redirects whether the address is an old one.
pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    folder = tmp_path / "uploads" / "2026" / "11"
    folder.mkdir(parents=True)
    buffer = io.BytesIO()
    Image.new("RGB", (3, 2), "red").save(buffer, "PNG")
    (folder / "red-0a1b2c3d.png").write_bytes(buffer.getvalue())
    (folder / "page.html").write_text("<script>alert(document.cookie)</script>")
    (tmp_path / ".hidden").write_text("secret")
    return buffer.getvalue()


def test_an_upload_is_served_with_debug_off(client, media, settings):
    """With DEBUG off and SERVE_MEDIA on, the file's bytes come back as an image, nosniff, cached a year."""
    assert not settings.DEBUG
    response = client.get("/media/uploads/2026/11/red-0a1b2c3d.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == media
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Disposition"].startswith("inline")


def test_a_media_response_allows_no_script(client, media):
    """Media carry their own policy: nothing runs, nothing loads but images, in a sandbox."""
    policy = client.get("/media/uploads/2026/11/red-0a1b2c3d.png")["Content-Security-Policy"]
    assert policy == "default-src 'none'; img-src 'self' data:; sandbox"


def test_a_file_that_is_not_an_accepted_image_is_a_download(client, media):
    """An HTML file in the media folder is sent as an attachment under the same policy, never as a page."""
    response = client.get("/media/uploads/2026/11/page.html")
    assert response["Content-Disposition"] == "attachment"
    assert "script-src" not in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path", ["/media/.hidden", "/media/../manage.py", "/media/%2e%2e/manage.py", "/media/uploads/nothing.png"]
)
def test_hidden_missing_and_outside_files_are_not_found(client, media, path):
    """Hidden files, files outside MEDIA_ROOT and missing files are 404s."""
    assert client.get(path).status_code == 404


def test_nothing_is_served_when_serve_media_is_off(client, media, settings):
    """SERVE_MEDIA=false (object storage, or a web server in front) leaves /media/ to others: 404."""
    settings.SERVE_MEDIA = False
    assert client.get("/media/uploads/2026/11/red-0a1b2c3d.png").status_code == 404


def test_a_repeat_visit_is_answered_not_modified(client, media):
    """A browser that has the file gets a 304."""
    first = client.get("/media/uploads/2026/11/red-0a1b2c3d.png")
    again = client.get(
        "/media/uploads/2026/11/red-0a1b2c3d.png", headers={"if-modified-since": first["Last-Modified"]}
    )
    assert again.status_code == 304


def test_the_default_storage_is_the_media_folder():
    """Without MEDIA_STORAGE, uploads go to MEDIA_ROOT through Django's file system storage."""
    assert media_storage_config("filesystem") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_s3_storage_is_configured_from_the_environment(monkeypatch):
    """MEDIA_STORAGE=s3 is django-storages' S3Storage on the named bucket, public URLs, never overwriting."""
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "blog-media")
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", "https://s3.eu-central-1.example.net")
    monkeypatch.setenv("AWS_S3_CUSTOM_DOMAIN", "media.blog.example.com")
    assert media_storage_config("s3") == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "blog-media",
            "querystring_auth": False,
            "file_overwrite": False,
            "endpoint_url": "https://s3.eu-central-1.example.net",
            "custom_domain": "media.blog.example.com",
        },
    }


def test_s3_storage_without_a_bucket_is_a_configuration_error(monkeypatch):
    """MEDIA_STORAGE=s3 without AWS_STORAGE_BUCKET_NAME, or an unknown MEDIA_STORAGE, names the problem."""
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    with pytest.raises(ImproperlyConfigured, match="AWS_STORAGE_BUCKET_NAME is required"):
        media_storage_config("s3")
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE must be filesystem or s3"):
        media_storage_config("ftp")
