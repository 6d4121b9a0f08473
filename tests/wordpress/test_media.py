"""Images brought over from WordPress: captions, galleries, and the files themselves."""

import io
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from blog.models import Post
from blog.rendering.pipeline import render_post
from tests.factories import make_staff
from tests.imports.pages import finished_page
from wordpress.convert import convert_post
from wordpress.media import Attachment


def md(html, **kwargs):
    return convert_post(html, **kwargs).markdown


def test_image_keeps_alt_text_and_title():
    """An image is a Markdown image with its alt text and title, at its URL."""
    html = '<p><img src="https://old.example/a b.png" alt="A *map*" title="The map" width="40"></p>'
    assert md(html) == '![A \\*map\\*](https://old.example/a%20b.png "The map")\n'


def test_image_in_a_link_stays_a_linked_image():
    """An image linking to its full size keeps the link around the image."""
    html = '<a href="https://old.example/big.jpg"><img src="https://old.example/small.jpg" alt="x"></a>'
    assert md(html) == "[![x](https://old.example/small.jpg)](https://old.example/big.jpg)\n"


def test_old_caption_shortcode_keeps_the_text_after_the_image_as_caption():
    """``[caption]…<img> Text[/caption]``: the image, then its caption in italics."""
    html = (
        '[caption id="attachment_5" align="alignleft" width="300"]'
        '<img src="https://o.example/r.jpg" alt="Road"> A <em>long</em> road[/caption]'
    )
    assert md(html) == "![Road](https://o.example/r.jpg)\n\n*A long road*\n"


def test_caption_attribute_form_keeps_the_caption():
    """``[caption caption="Text"]<img>[/caption]``: the caption in the attribute is kept."""
    html = '[caption id="a" caption="Sunset, 2009"]<img src="https://o.example/s.jpg" alt="Sun">[/caption]'
    conversion = convert_post(html)
    assert conversion.markdown == "![Sun](https://o.example/s.jpg)\n\n*Sunset, 2009*\n"
    assert conversion.shortcodes == {"caption": 1}


def test_block_image_figure_keeps_its_figcaption():
    """The block editor's image figure: the image, then its caption in italics."""
    html = (
        '<!-- wp:image --><figure class="wp-block-image size-large"><img src="https://o.example/c.jpg" '
        'alt="Cat"/><figcaption>The <a href="https://cats.example">cat</a></figcaption></figure>'
        "<!-- /wp:image -->"
    )
    assert md(html) == "![Cat](https://o.example/c.jpg)\n\n*The [cat](https://cats.example)*\n"


def test_converted_images_render_as_images():
    """The dialect renders what the converter writes as an image with its alt text."""
    markdown = md('[caption caption="Cap"]<img src="https://o.example/s.jpg" alt="Sun">[/caption]')
    html = render_post(markdown).html
    assert '<img alt="Sun" src="https://o.example/s.jpg" loading="lazy" decoding="async">' in html
    assert "<em>Cap</em>" in html


ATTACHMENTS = {
    1: Attachment("https://o.example/1.jpg", parent=10, caption="The <em>first</em>", alt="One"),
    2: Attachment("https://o.example/2.jpg", parent=10, alt="Two"),
    3: Attachment("https://o.example/3.jpg", parent=9, caption="Elsewhere", alt="Three"),
}


def test_gallery_shortcode_shows_its_ids_in_order_with_captions():
    """``[gallery ids]``: the export's attachments in the order given, each with its alt text and caption."""
    conversion = convert_post(
        '<p>Before</p>[gallery ids="2,1" columns="2"]<p>After</p>', attachments=ATTACHMENTS
    )
    assert conversion.markdown == (
        "Before\n\n![Two](https://o.example/2.jpg)\n\n"
        "![One](https://o.example/1.jpg)\n\n*The first*\n\nAfter\n"
    )
    assert conversion.shortcodes == {"gallery": 1}


def test_gallery_without_ids_shows_the_posts_own_attachments():
    """``[gallery]`` alone shows the attachments of the post it is in, as WordPress does."""
    markdown = md("[gallery]", attachments=ATTACHMENTS, post_id=10)
    assert markdown == "![One](https://o.example/1.jpg)\n\n*The first*\n\n![Two](https://o.example/2.jpg)\n"


def test_gallery_image_missing_from_the_export_is_reported():
    """A gallery naming an attachment the export lacks reports it; one with no images at all says so."""
    assert (
        "gallery image 7 is not in the export"
        in convert_post('[gallery ids="7,1"]', attachments=ATTACHMENTS).problems
    )
    assert "[gallery] has no images in the export; dropped" in convert_post("[gallery]").problems


def test_escaped_gallery_and_caption_stay_text():
    """``[[gallery]]`` and ``[[caption]]`` are WordPress's way of writing the shortcodes' names as text."""
    assert md("<p>Write [[gallery]] or [[caption]].</p>", attachments=ATTACHMENTS, post_id=10) == (
        "Write [gallery] or [caption].\n"
    )


def test_block_gallery_of_nested_figures_is_images_with_captions():
    """The block editor's gallery of image blocks: each image with its caption, then the gallery's caption."""
    html = (
        '<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images"><!-- wp:image -->'
        '<figure class="wp-block-image"><img src="https://o.example/a.jpg" alt="A"/>'
        "<figcaption>Cap A</figcaption></figure><!-- /wp:image -->"
        '<figure class="wp-block-image"><img src="https://o.example/b.jpg" alt="B"/>'
        '</figure><figcaption class="blocks-gallery-caption">Both</figcaption></figure><!-- /wp:gallery -->'
    )
    assert md(html) == "![A](https://o.example/a.jpg)\n\n*Cap A*\n\n![B](https://o.example/b.jpg)\n\n*Both*\n"


def test_block_gallery_written_as_a_list_is_not_a_list():
    """WordPress 5's gallery grid (a list of figures) is images in sequence, not a bulleted list."""
    html = (
        '<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid">'
        '<li class="blocks-gallery-item">'
        '<figure><img src="https://o.example/a.jpg" alt="A"/><figcaption>Cap A</figcaption></figure></li>'
        '<li class="blocks-gallery-item"><img src="https://o.example/b.jpg" alt="B"/></li></ul></figure>'
    )
    assert md(html) == "![A](https://o.example/a.jpg)\n\n*Cap A*\n\n![B](https://o.example/b.jpg)\n"


def png(size=(3, 2), color="red") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(tmp_path):
    """The old site's document root, served over HTTP on 127.0.0.1; yields (root, base URL, requests)."""
    root = tmp_path / "old-site"
    uploads = root / "wp-content" / "uploads" / "2020" / "01"
    uploads.mkdir(parents=True)
    (uploads / "cat.png").write_bytes(png())
    (uploads / "dog.png").write_bytes(png((4, 4), "blue"))
    (uploads / "notes.png").write_bytes(b"not an image at all")
    requests = []

    class Handler(QuietHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append(self.path)
            if self.path.endswith("/moved.png"):
                # To the same server under another name: a host the export does not name.
                self.send_response(302)
                self.send_header("Location", f"http://localhost:{self.server.server_address[1]}{self.path}")
                self.end_headers()
                return
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_URL = "/media/"
    return settings.MEDIA_ROOT


def media_export(tmp_path, site: str, content: str, attachments: str = "") -> str:
    """A WXR 1.2 export of ``site`` with one post (ID 10) of ``content`` and ``attachments`` items."""
    path = tmp_path / "export.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>{site}</wp:base_site_url><wp:base_blog_url>{site}</wp:base_blog_url>
<item><title>Pictures</title><link>{site}/pictures/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded><wp:post_id>10</wp:post_id>
<wp:post_date_gmt>2020-01-02 10:00:00</wp:post_date_gmt><wp:post_name>pictures</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
{attachments}</channel></rss>""")
    return str(path)


def attachment(site: str, wp_id: int, name: str, caption: str = "", alt: str = "", parent: int = 10) -> str:
    return f"""<item><title>{name}</title><wp:post_id>{wp_id}</wp:post_id>
<wp:post_parent>{parent}</wp:post_parent>
<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded><wp:status>inherit</wp:status>
<wp:post_type>attachment</wp:post_type><wp:attachment_url>{site}/wp-content/uploads/2020/01/{name}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>{alt}</wp:meta_value></wp:postmeta>
</item>"""


def run(path, *args) -> str:
    out = io.StringIO()
    call_command("import_wxr", path, *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_media_are_downloaded_stored_and_posts_point_at_the_copies(old_site, media_root, tmp_path):
    """``--media`` stores each image a post uses under its uploads path, and the post points at it."""
    root, site, _ = old_site
    content = f'<p><img src="{site}/wp-content/uploads/2020/01/cat.png" alt="Cat"></p>'
    output = run(media_export(tmp_path, site, content), "--media", "--media-host", "127.0.0.1")
    assert (media_root / "wp-content/uploads/2020/01/cat.png").read_bytes() == png()
    assert Post.objects.get().body == "![Cat](/media/wp-content/uploads/2020/01/cat.png)\n"
    assert "media: 1 copied" in output


@pytest.mark.django_db
def test_attachments_are_downloaded_and_a_reimport_downloads_nothing(old_site, media_root, tmp_path):
    """Every attachment is copied; importing again finds the copies and downloads nothing new."""
    root, site, requests = old_site
    path = media_export(tmp_path, site, "<p>No picture.</p>", attachment(site, 11, "dog.png"))
    run(path, "--media", "--media-host", "127.0.0.1")
    assert (media_root / "wp-content/uploads/2020/01/dog.png").read_bytes() == png((4, 4), "blue")
    assert requests == ["/wp-content/uploads/2020/01/dog.png"]
    output = run(path, "--media", "--media-host", "127.0.0.1")
    assert requests == ["/wp-content/uploads/2020/01/dog.png"]
    assert "media: 1 already here" in output


@pytest.mark.django_db
def test_missing_and_broken_files_are_reported_and_the_post_keeps_the_original(
    old_site, media_root, tmp_path
):
    """A file the old site lacks, or no image, is reported by post and URL; the post keeps the original."""
    root, site, _ = old_site
    missing, broken = (
        f"{site}/wp-content/uploads/2020/01/gone.png",
        f"{site}/wp-content/uploads/2020/01/notes.png",
    )
    content = f'<p><img src="{missing}" alt="Gone"> <img src="{broken}" alt="Notes"></p>'
    output = run(media_export(tmp_path, site, content), "--media", "--media-host", "127.0.0.1")
    assert Post.objects.get().body == f"![Gone]({missing}) ![Notes]({broken})\n"
    assert f"post 10: media {missing} not copied: the old site answered 404" in output
    assert f"post 10: media {broken} not copied: not an image" in output
    assert not (media_root / "wp-content/uploads/2020/01/notes.png").exists()


@pytest.mark.django_db
def test_media_from_a_local_copy_of_uploads(media_root, tmp_path):
    """``--media-from DIR`` reads the files from a local copy of wp-content/uploads, downloading nothing."""
    uploads = tmp_path / "uploads" / "2020" / "01"
    uploads.mkdir(parents=True)
    (uploads / "cat.png").write_bytes(png())
    site = "https://old.example"
    content = f'<p><img src="{site}/wp-content/uploads/2020/01/cat.png" alt="Cat"></p>'
    run(media_export(tmp_path, site, content), "--media-from", str(tmp_path / "uploads"))
    assert (media_root / "wp-content/uploads/2020/01/cat.png").read_bytes() == png()
    assert Post.objects.get().body == "![Cat](/media/wp-content/uploads/2020/01/cat.png)\n"


@pytest.mark.django_db
def test_images_on_other_hosts_and_private_addresses_are_not_downloaded(old_site, media_root, tmp_path):
    """Without ``--media-host`` the old site at a loopback address is refused; other hosts are left alone."""
    root, site, requests = old_site
    own, other = f"{site}/wp-content/uploads/2020/01/cat.png", "https://elsewhere.example/a.png"
    content = f'<p><img src="{own}" alt="Cat"> <img src="{other}" alt="Other"></p>'
    output = run(media_export(tmp_path, site, content), "--media")
    assert requests == []
    assert Post.objects.get().body == f"![Cat]({own}) ![Other]({other})\n"
    assert "is a private address (127.0.0.1)" in output


@pytest.mark.django_db
def test_files_over_the_size_limit_are_refused(old_site, media_root, tmp_path, settings):
    """A file larger than WORDPRESS_IMPORT_MEDIA_MAX_BYTES is reported, not stored."""
    settings.WORDPRESS_IMPORT_MEDIA_MAX_BYTES = 10
    root, site, _ = old_site
    url = f"{site}/wp-content/uploads/2020/01/cat.png"
    output = run(media_export(tmp_path, site, f'<img src="{url}">'), "--media", "--media-host", "127.0.0.1")
    assert "larger than WORDPRESS_IMPORT_MEDIA_MAX_BYTES" in output
    assert not (media_root / "wp-content/uploads/2020/01/cat.png").exists()


@pytest.mark.django_db
def test_admin_copy_media_box_copies_but_never_from_private_addresses(client, old_site, media_root, tmp_path):
    """The admin's "Copy media" box copies media; an old site at a loopback address is refused."""
    root, site, requests = old_site
    client.force_login(make_staff(groups=["Editors"]))
    url = f"{site}/wp-content/uploads/2020/01/cat.png"
    with open(media_export(tmp_path, site, f'<img src="{url}" alt="Cat">'), "rb") as export:
        response = client.post(reverse("admin:wordpress_import"), {"export": export, "media": "on"})
    page = finished_page(client, response)
    assert f"post 10: media {url} not copied: 127.0.0.1 is a private address" in page
    assert requests == []


@pytest.mark.django_db
def test_gallery_images_from_the_export_are_copied_with_their_captions(old_site, media_root, tmp_path):
    """An imported ``[gallery]`` names attachments listed later in the export; their copies are shown."""
    root, site, _ = old_site
    attachments = attachment(site, 11, "cat.png", caption="A cat", alt="Cat") + attachment(
        site, 12, "dog.png"
    )
    run(
        media_export(tmp_path, site, '[gallery ids="12,11"]', attachments),
        "--media",
        "--media-host",
        "127.0.0.1",
    )
    assert Post.objects.get().body == (
        "![](/media/wp-content/uploads/2020/01/dog.png)\n\n![Cat](/media/wp-content/uploads/2020/01/cat.png)\n\n"
        "*A cat*\n"
    )


@pytest.mark.django_db
def test_redirects_to_other_hosts_are_not_followed(old_site, media_root, tmp_path):
    """A download the old site redirects to a host the export does not name is refused and reported."""
    root, site, requests = old_site
    url = f"{site}/wp-content/uploads/2020/01/moved.png"
    output = run(media_export(tmp_path, site, f'<img src="{url}">'), "--media", "--media-host", "127.0.0.1")
    assert requests == ["/wp-content/uploads/2020/01/moved.png"]
    assert (
        f"media {url} not copied: http://localhost:" in output and "is not on the old site's hosts" in output
    )


@pytest.mark.django_db
def test_a_later_import_without_media_keeps_the_posts_on_the_copies(old_site, media_root, tmp_path):
    """An import without ``--media`` after one with it downloads nothing and leaves posts on the copies."""
    root, site, requests = old_site
    path = media_export(tmp_path, site, f'<img src="{site}/wp-content/uploads/2020/01/cat.png" alt="Cat">')
    run(path)
    assert Post.objects.get().body == f"![Cat]({site}/wp-content/uploads/2020/01/cat.png)\n"
    run(path, "--media", "--media-host", "127.0.0.1")
    run(path)
    assert requests == ["/wp-content/uploads/2020/01/cat.png"]
    assert Post.objects.get().body == "![Cat](/media/wp-content/uploads/2020/01/cat.png)\n"
