"""An uploaded image on the public page under ``make serve``: Varnish in front of gunicorn, DEBUG off.

The author signs in, uploads through the editor's endpoint (``blog.editor``),
publishes a post showing it with alt text through the post admin's form, all
through the front cache as a browser would; a reader then gets the page and
the image from Varnish: sized and lazy, served by the site itself
(``SERVE_MEDIA``, ``config.media``) with the bytes stored, which carry no EXIF.
"""

import html.parser
import io
import json
import os
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from PIL import Image

from tests.httpcache.varnish import HOST, PROJECT_DIR, Answer, Site, fetch, free_port, listening, wait_until
from tests.services import varnishd

# gunicorn and the worker write one database at once: SQLite locks one of them out now and then (a 503).
pytestmark = pytest.mark.skipif(
    "postgres" not in os.environ.get("DATABASE_URL", ""),
    reason="make serve's processes write concurrently; the PostgreSQL pass runs this",
)

PASSWORD = "serve-test-password"
ALT = "A teal harbour wall at low tide"
MAKE_AUTHOR = f"""
from django.contrib.auth.models import Group, User
author = User.objects.create_user('writer', password='{PASSWORD}', is_staff=True, first_name='Wren')
author.groups.add(Group.objects.get(name='Authors'))
"""


@pytest.fixture(scope="module")
def serve(tmp_path_factory):
    """``make serve``'s environment and ``deploy.serve`` (Varnish, gunicorn, the worker) on a free port."""
    varnishd()
    directory = tmp_path_factory.mktemp("serve")
    port, backend = free_port(), free_port()
    site = Site(
        directory,
        DEBUG="false",
        SERVE_MEDIA="true",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(directory / "media"),
        STATIC_ROOT=str(directory / "static"),
        SITE_URL="http://blog.test",
    )
    site.manage("collectstatic", "--no-input", "-v0")
    site.manage("shell", "--no-imports", "-c", MAKE_AUTHOR)
    process = subprocess.Popen(
        [sys.executable, "-m", "deploy.serve"],
        cwd=PROJECT_DIR,
        env={**site.env, "PORT": str(port), "BACKEND_PORT": str(backend)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: listening(port), seconds=60)
        site.url, site.media = f"http://127.0.0.1:{port}", directory / "media"
        yield site
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A signed-in browser: cookies kept between requests through the front cache, redirects not followed."""

    opener = urllib.request.build_opener(NoRedirect)

    def __init__(self, url):
        self.url, self.cookies = url, {}

    def request(self, path, *, data=None, headers=None):
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            with self.opener.open(
                urllib.request.Request(self.url + path, data, headers), timeout=30
            ) as response:
                answer = Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.headers, error.read())
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return answer

    def submit(self, path, fields):
        return self.request(path, data=urllib.parse.urlencode(fields).encode())


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send from the page's form with ``id``, as the page fills them."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields, self.textarea, self.select = form_id, False, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file", "checkbox", "radio"):
            self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif tag == "input" and attrs.get("type") in ("checkbox", "radio") and "checked" in attrs:
            self.fields.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea:
            self.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def form_fields(page, form_id):
    parser = FormFields(form_id)
    parser.feed(page.text)
    return dict(parser.fields)


def photograph():
    """A JPEG as a camera writes it: EXIF with the maker and where it was taken."""
    exif = Image.Exif()
    exif[0x010F] = "Harbour Camera Works"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def multipart(name, filename, content, content_type):
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def signed_in(site):
    author = Browser(site.url)
    login = author.request("/admin/login/")
    fields = {**form_fields(login, "login-form"), "username": "writer", "password": PASSWORD}
    answer = author.submit("/admin/login/?next=/admin/", fields)
    assert answer.status == 302 and "sessionid" in author.cookies, answer.text[:500]
    return author


def test_an_uploaded_image_shows_with_its_alt_text_on_the_public_page_through_varnish(serve):
    author = signed_in(serve)
    photo = photograph()
    assert Image.open(io.BytesIO(photo)).getexif()
    body, content_type = multipart("image", "Harbour at dusk.jpg", photo, "image/jpeg")
    uploaded = author.request(
        "/markdownx/upload/",
        data=body,
        headers={"Content-Type": content_type, "X-CSRFToken": author.cookies["csrftoken"]},
    )
    assert uploaded.status == 200, uploaded.text
    code = json.loads(uploaded.body)["image_code"]
    url = re.fullmatch(r"!\[\]\((/media/uploads/\d{4}/\d{2}/harbour-at-dusk-[0-9a-f]{8}\.jpg)\)", code)[1]

    form = form_fields(author.request("/admin/blog/post/add/"), "post_form")
    form.update(title="A harbour", slug="a-harbour", body=f"The wall at low tide.\n\n![]({url})\n")
    refused = author.submit("/admin/blog/post/add/", {**form, "status": "published"})
    assert (
        refused.status == 200
        and "Image 1 (harbour-at-dusk-" in refused.text
        and "has no alt text" in refused.text
    )
    assert f"![]({url})" in refused.text

    form["body"] = form["body"].replace("![]", f"![{ALT}]")
    saved = author.submit("/admin/blog/post/add/", {**form, "status": "published"})
    assert saved.status == 302, re.findall(r'<ul class="errorlist[^>]*>.*?</ul>', saved.text, re.S)

    address = serve.manage(
        "shell",
        "--no-imports",
        "-c",
        "from blog.models import Post; print(Post.objects.get(slug='a-harbour').get_absolute_url())",
    )
    shown = rf'<img [^>]*src="{re.escape(url)}"[^>]*>'
    # The worker renders the post and purges the front cache's copy: the page shows the image soon.
    wait_until(lambda: re.search(shown, fetch(serve.url + address).text), seconds=30)
    page = fetch(serve.url + address)
    assert page.status == 200 and page.cache == "hit"
    image = re.search(shown, page.text)
    assert f'alt="{ALT}"' in image[0]
    assert 'width="120"' in image[0] and 'height="80"' in image[0] and 'loading="lazy"' in image[0]

    served = fetch(serve.url + url)
    assert served.status == 200
    assert served.headers["Content-Type"] == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    stored = (serve.media / url.removeprefix("/media/")).read_bytes()
    assert served.body == stored
    assert not Image.open(io.BytesIO(stored)).getexif()
    assert b"Harbour Camera Works" not in stored and b"Exif" not in stored
    assert Image.open(io.BytesIO(stored)).size == (120, 80)
    assert fetch(serve.url + url).cache == "hit"
