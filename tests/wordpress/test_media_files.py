"""Documents, audio and video come along like images, and an attachment's old page leads to its copy."""

import pytest

from blog.models import Post
from imports.models import Redirect
from tests.wordpress.test_media import (  # noqa: F401 (media_root and old_site are fixtures)
    attachment,
    media_export,
    media_root,
    old_site,
    run,
)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 16
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 32


@pytest.fixture
def files(old_site):  # noqa: F811
    root, site, requests = old_site
    uploads = root / "wp-content" / "uploads" / "2020" / "01"
    (uploads / "paper.pdf").write_bytes(PDF)
    (uploads / "talk.mp3").write_bytes(MP3)
    (uploads / "clip.mp4").write_bytes(MP4)
    (uploads / "fake.pdf").write_bytes(b"<html><script>alert(1)</script></html>")
    return old_site


def uploads_url(site, name):
    return f"{site}/wp-content/uploads/2020/01/{name}"


@pytest.mark.django_db
def test_linked_pdf_audio_and_video_are_stored_and_the_post_links_to_the_copies(files, media_root, tmp_path):  # noqa: F811
    """A link to a PDF, an [audio] shortcode and a video block point at the files stored here."""
    root, site, _ = files
    content = (
        f'<p>Read <a href="{uploads_url(site, "paper.pdf")}">the paper</a>.</p>\n'
        f'[audio mp3="{uploads_url(site, "talk.mp3")}"][/audio]\n'
        f'<figure class="wp-block-video"><video controls src="{uploads_url(site, "clip.mp4")}"></video>'
        "<figcaption>The clip</figcaption></figure>"
    )
    output = run(media_export(tmp_path, site, content), "--media", "--media-host", "127.0.0.1")
    body = Post.objects.get().body
    assert "[the paper](/media/wp-content/uploads/2020/01/paper.pdf)" in body
    assert "[Audio: talk.mp3](/media/wp-content/uploads/2020/01/talk.mp3)" in body
    assert "[Video: The clip](/media/wp-content/uploads/2020/01/clip.mp4)" in body
    assert site not in body
    for name, data in [("paper.pdf", PDF), ("talk.mp3", MP3), ("clip.mp4", MP4)]:
        assert (media_root / "wp-content/uploads/2020/01" / name).read_bytes() == data
    assert "media: 3 copied" in output


@pytest.mark.django_db
def test_a_file_whose_bytes_are_not_its_kind_is_refused_and_the_link_kept(files, media_root, tmp_path):  # noqa: F811
    """An HTML page named .pdf is not stored; the report names it and the post keeps the old link."""
    root, site, _ = files
    fake = uploads_url(site, "fake.pdf")
    path = media_export(tmp_path, site, f'<p><a href="{fake}">paper</a></p>')
    output = run(path, "--media", "--media-host", "127.0.0.1")
    assert Post.objects.get().body == f"[paper]({fake})\n"
    assert f"post 10: media {fake} not copied: not a .pdf file" in output
    assert not (media_root / "wp-content/uploads/2020/01/fake.pdf").exists()


@pytest.mark.django_db
def test_links_to_other_files_and_pages_are_left_alone(files, media_root, tmp_path):  # noqa: F811
    """Only media files of the old site are copied: its pages and other hosts' PDFs stay links."""
    root, site, requests = files
    content = f'<p><a href="{site}/about/">About</a> <a href="https://elsewhere.example/x.pdf">X</a></p>'
    run(media_export(tmp_path, site, content), "--media", "--media-host", "127.0.0.1")
    assert Post.objects.get().body == f"[About]({site}/about/) [X](https://elsewhere.example/x.pdf)\n"
    assert requests == []


def attachment_page(site, wp_id, name, parent=10):
    """An attachment item with its own page, as WordPress links it below its post."""
    return attachment(site, wp_id, name, parent=parent).replace(
        "<item>", f"<item><link>{site}/pictures/{name.split('.')[0]}/</link>", 1
    )


@pytest.mark.django_db
def test_attachment_pages_redirect_to_the_copied_file(client, files, media_root, tmp_path):  # noqa: F811
    """``?attachment_id=`` and the attachment's permalink lead to the file stored here, permanently."""
    root, site, _ = files
    items = attachment_page(site, 11, "paper.pdf") + attachment_page(site, 12, "talk.mp3", parent=0)
    path = media_export(tmp_path, site, "<p>Files.</p>", items)
    run(path, "--media", "--media-host", "127.0.0.1")
    for old, new in [
        ("/?attachment_id=11", "/media/wp-content/uploads/2020/01/paper.pdf"),
        ("/pictures/paper/", "/media/wp-content/uploads/2020/01/paper.pdf"),
        ("/?attachment_id=12", "/media/wp-content/uploads/2020/01/talk.mp3"),
        ("/pictures/talk/", "/media/wp-content/uploads/2020/01/talk.mp3"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert Redirect.objects.count() == 4
    run(path, "--media", "--media-host", "127.0.0.1")
    assert sorted(Redirect.objects.values_list("old_path", flat=True)) == [
        "/?attachment_id=11", "/?attachment_id=12", "/pictures/paper/", "/pictures/talk/",
    ]  # fmt: skip


@pytest.mark.django_db
def test_attachment_pages_without_a_copy_still_lead_to_their_post(client, files, media_root, tmp_path):  # noqa: F811
    """Imported without ``--media``, an attachment's page leads to its post, as before."""
    root, site, _ = files
    run(media_export(tmp_path, site, "<p>Files.</p>", attachment_page(site, 11, "paper.pdf")))
    response = client.get("/?attachment_id=11")
    assert (response.status_code, response["Location"]) == (301, Post.objects.get().get_absolute_url())
    assert not Redirect.objects.exists()
