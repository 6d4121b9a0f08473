"""The fetcher reads public pages within limits, and nothing on the site's own network."""

import socket
import time

import pytest

from capture import fetch
from tests.capture.conftest import slow, slow_headers


def test_a_page_is_fetched_and_decoded_by_its_declared_charset(web):
    """The Content-Type's charset decides how the bytes are read."""
    web.page("/a", "<p>café</p>".encode("cp1252"), content_type="text/html; charset=windows-1252")
    response = fetch.fetch(web.url("/a"))
    assert (response.status, response.text()) == (200, "<p>café</p>")


def test_without_a_declared_charset_the_meta_tag_or_bom_decides(web):
    """An early <meta charset> or a byte-order mark names the encoding; Latin-1 reads as cp1252."""
    web.page("/meta", b'<meta charset="iso-8859-1"><p>d\x92accord</p>', content_type="text/html")
    web.page("/bom", "<p>naïve</p>".encode("utf-16"), content_type="text/html")
    web.page("/none", "<p>déjà</p>".encode(), content_type="text/html")
    assert fetch.fetch(web.url("/meta")).text().endswith("<p>d’accord</p>")
    assert fetch.fetch(web.url("/bom")).text() == "<p>naïve</p>"
    assert fetch.fetch(web.url("/none")).text() == "<p>déjà</p>"


def test_xhtml_is_a_page_but_other_types_are_refused(web):
    """Only HTML and XHTML are pages; a PDF or an image is refused, naming its type."""
    web.page("/x", "<html/>", content_type="application/xhtml+xml")
    web.page("/pdf", b"%PDF-1.4", content_type="application/pdf")
    assert fetch.fetch(web.url("/x")).content_type == "application/xhtml+xml"
    with pytest.raises(fetch.FetchError, match="is application/pdf, not text/html or application/xhtml"):
        fetch.fetch(web.url("/pdf"))


def test_redirects_are_followed_up_to_the_limit(web, settings):
    """Each redirect is followed to the page; one more than CAPTURE_FETCH_MAX_REDIRECTS stops the fetch."""
    settings.CAPTURE_FETCH_MAX_REDIRECTS = 2
    web.page("/end", "<p>here</p>")
    web.redirect("/r1", "/r2")
    web.redirect("/r2", web.url("/end"), status=301)
    web.redirect("/r0", "/r1")
    assert fetch.fetch(web.url("/r1")).url == web.url("/end")
    with pytest.raises(fetch.FetchError, match="More than 2 redirects"):
        fetch.fetch(web.url("/r0"))


def test_a_page_over_the_size_limit_is_refused(web, settings):
    """A page larger than CAPTURE_FETCH_MAX_BYTES is refused, whether it says so or not."""
    settings.CAPTURE_FETCH_MAX_BYTES = 1000
    web.page("/big", "x" * 2000)
    web.routes["/undeclared"] = (200, {"Content-Type": "text/html", "Content-Length": "10"}, b"x" * 10)
    with pytest.raises(fetch.FetchError, match="larger than the limit of 1000 bytes"):
        fetch.fetch(web.url("/big"))


def test_a_page_slower_than_the_time_limit_is_abandoned(web, settings):
    """A server dripping its page slower than CAPTURE_FETCH_TIMEOUT is given up on in about that time."""
    settings.CAPTURE_FETCH_TIMEOUT = 1
    web.routes["/slow"] = slow(3)
    with pytest.raises(fetch.FetchError, match="took longer than 1 seconds|stopped answering"):
        fetch.fetch(web.url("/slow"))


def test_a_server_dripping_its_headers_is_cut_off_at_the_time_limit(web, settings):
    """Each header arriving within the socket's timeout does not stretch the fetch past the deadline."""
    settings.CAPTURE_FETCH_TIMEOUT = 1
    web.routes["/drip"] = slow_headers(4)
    started = time.monotonic()
    with pytest.raises(fetch.FetchError, match="took longer than 1 seconds"):
        fetch.fetch(web.url("/drip"))
    assert time.monotonic() - started < 2


def test_an_error_status_is_a_readable_error(web):
    """A 404 says so, with the address."""
    with pytest.raises(fetch.FetchError, match=r"/gone answered 404"):
        fetch.fetch(web.url("/gone"))


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "http://"]
)
def test_only_http_and_https_are_fetched(url):
    """Other schemes are refused before anything is resolved."""
    with pytest.raises(fetch.FetchError, match="Only http and https"):
        fetch.fetch(url)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "10.1.2.3", "192.168.0.1", "169.254.169.254", "0.0.0.0", "::1",
     "::ffff:127.0.0.1", "fe80::1", "100.64.0.1", "224.0.0.1", "240.0.0.1"],
)  # fmt: skip
def test_private_loopback_link_local_and_reserved_addresses_are_refused(host):
    """The site's own machine, its network and a cloud's metadata service are never fetched."""
    with pytest.raises(fetch.FetchError, match="private, loopback, link-local or reserved"):
        fetch.public_address(host, 80)


def test_a_local_server_is_refused_unless_the_setting_allows_it(web, settings):
    """Tests reach their local server only through CAPTURE_ALLOW_PRIVATE_ADDRESSES."""
    web.page("/a", "<p>hi</p>")
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    with pytest.raises(fetch.FetchError, match="private"):
        fetch.fetch(web.url("/a"))


def test_every_hop_is_checked_and_the_checked_address_is_the_one_connected_to(web, settings, monkeypatch):
    """A public host redirecting to a private one is refused at the redirect; the connection goes to
    the address that was checked, so a second DNS answer (rebinding) is never asked for."""
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = False
    port = web.server.server_address[1]
    lookups, connections = [], []
    real_lookup, real_connect = socket.getaddrinfo, socket.create_connection

    def lookup(host, *args, **kwargs):
        if host == "127.0.0.1":  # the stand-in connection below
            return real_lookup(host, *args, **kwargs)
        lookups.append(host)
        if host == "public.example":  # public at the check; a rebinding server would say 127.0.0.1 next
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("8.8.8.8", port))]
        return real_lookup(host, *args, **kwargs)

    def connect(address, *args, **kwargs):
        connections.append(address[0])
        return real_connect(("127.0.0.1", address[1]), *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    monkeypatch.setattr(socket, "create_connection", connect)
    web.page("/page", "<p>public</p>")
    web.redirect("/inward", f"http://127.0.0.1:{port}/page")
    assert fetch.fetch(f"http://public.example:{port}/page").text() == "<p>public</p>"
    assert (lookups, connections) == (["public.example"], ["8.8.8.8"])
    with pytest.raises(fetch.FetchError, match="127.0.0.1 is a private"):
        fetch.fetch(f"http://public.example:{port}/inward")
    assert web.requests == ["/page", "/inward"]
