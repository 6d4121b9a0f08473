"""Fetching a page or an API answer from the open web, within limits, from public addresses only.

A link an author pastes (or a page's redirect) could name the site's own
network: the database, a cloud's metadata service. So each hop's host is
resolved here, every address it resolves to must be public, and the
connection goes to the address that was checked, not to a second lookup a
hostile DNS server could answer differently. Time, size and redirects are
bounded by ``CAPTURE_FETCH_*``: at the deadline the connection is shut,
however slowly a server drips its headers or body.
"""

import codecs
import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from capture import conf

HTML_TYPES = ("text/html", "application/xhtml+xml")
JSON_TYPES = ("application/json",)
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
# Where a page's <meta charset> must be, as browsers look for it.
PRESCAN_BYTES = 1024
META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)


class FetchError(Exception):
    """A fetch that failed, with a sentence an author can read."""


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    content_type: str
    charset: str
    body: bytes
    headers: dict

    def text(self):
        """The body decoded: the header's charset, else a byte-order mark, else <meta charset>, else UTF-8."""
        encoding = self.charset or sniff_charset(self.body) or "utf-8"
        return self.body.decode(encoding, errors="replace")


def sniff_charset(body: bytes) -> str:
    """The encoding a BOM or an early ``<meta charset>`` names, if Python knows it."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return name
    match = META_CHARSET.search(body[:PRESCAN_BYTES])
    return known_charset(match[1].decode("ascii")) if match else ""


def known_charset(name: str) -> str:
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return ""
    # As the HTML standard says, a page declaring Latin-1 is read as windows-1252.
    return "cp1252" if encoding in ("latin-1", "iso8859-1", "ascii") else encoding


def public_address(host: str, port: int) -> str:
    """An address of ``host`` to connect to; every address it resolves to must be public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"The host {host} could not be found.") from error
    addresses = [info[4][0] for info in infos]
    if not conf.get("ALLOW_PRIVATE_ADDRESSES"):
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if getattr(ip, "ipv4_mapped", None):
                ip = ip.ipv4_mapped
            if not ip.is_global or ip.is_multicast:
                raise FetchError(
                    f"{host} is a private, loopback, link-local or reserved address; not fetched."
                )
    return addresses[0]


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to ``address``, speaking to ``host`` (Host header, TLS name and certificate)."""

    def __init__(self, host, port, *, address, tls, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address, self.tls = address, tls

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)
        if self.tls:
            self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def fetch(url: str, *, accept=HTML_TYPES) -> Response:
    """GET ``url``, following redirects, and return the final answer if its type is one of ``accept``.

    Raises ``FetchError`` for a scheme other than http(s), a private address,
    a time, size or redirect limit passed, an error status or another type.
    """
    deadline = time.monotonic() + conf.get("FETCH_TIMEOUT")
    for _hop in range(conf.get("FETCH_MAX_REDIRECTS") + 1):
        connection, path = open_connection(url, deadline)
        watchdog = threading.Timer(remaining(deadline, url), hang_up, [connection])
        watchdog.daemon = True
        watchdog.start()
        try:
            status, headers, response = request(connection, path, accept, url, deadline)
            if status in REDIRECTS and headers.get("location"):
                url = urljoin(url, headers["location"].strip())
                continue
            if status >= 400:
                raise FetchError(f"{url} answered {status} {response.reason}.")
            content_type, _, params = headers.get("content-type", "").partition(";")
            content_type = content_type.strip().lower()
            if content_type not in accept:
                raise FetchError(
                    f"{url} is {content_type or 'of no stated type'}, not {' or '.join(accept)}."
                )
            body = read(connection, response, deadline, url)
            charset = re.search(r"charset\s*=\s*\"?([^\";\s]+)", params, re.IGNORECASE)
            return Response(
                url, status, content_type, known_charset(charset[1]) if charset else "", body, headers
            )
        finally:
            watchdog.cancel()
            connection.close()
    raise FetchError(f"More than {conf.get('FETCH_MAX_REDIRECTS')} redirects; stopped at {url}.")


def hang_up(connection):
    """End a fetch past its deadline: shutting the socket wakes a read blocked on it."""
    if connection.sock is not None:
        with contextlib.suppress(OSError):  # already closed
            connection.sock.shutdown(socket.SHUT_RDWR)


def open_connection(url, deadline):
    """A connection (not yet opened) to the checked address of ``url``'s host, and the path to ask for."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"Only http and https addresses are fetched, not {url[:200]!r}.")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(f"{url[:200]} has an impossible port.") from error
    address = public_address(parts.hostname, port)
    connection = PinnedConnection(
        parts.hostname, port, address=address, tls=parts.scheme == "https", timeout=remaining(deadline, url)
    )
    return connection, (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def request(connection, path, accept, url, deadline):
    try:
        connection.request(
            "GET",
            path,
            headers={
                "User-Agent": conf.get("USER_AGENT"),
                "Accept": ", ".join(accept) + ", */*;q=0.1",
                "Accept-Encoding": "identity",
            },
        )
        response = connection.getresponse()
    except (OSError, http.client.HTTPException) as error:
        remaining(deadline, url)
        raise FetchError(f"{connection.host} could not be reached: {error}.") from error
    remaining(deadline, url)  # headers cut short by the watchdog are no answer
    headers = {name.lower(): value for name, value in response.getheaders()}
    return response.status, headers, response


def remaining(deadline, url):
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"{url} took longer than {conf.get('FETCH_TIMEOUT')} seconds.")
    return left


def read(connection, response, deadline, url):
    """The body, each read waiting no longer than the time left, and no more than the size limit."""
    limit = conf.get("FETCH_MAX_BYTES")
    declared = response.getheader("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url} is larger than the limit of {limit} bytes (CAPTURE_FETCH_MAX_BYTES).")
    chunks, size = [], 0
    try:
        while True:
            if connection.sock is not None:
                connection.sock.settimeout(remaining(deadline, url))
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise FetchError(
                    f"{url} is larger than the limit of {limit} bytes (CAPTURE_FETCH_MAX_BYTES)."
                )
            chunks.append(chunk)
    except (OSError, http.client.HTTPException) as error:
        remaining(deadline, url)
        raise FetchError(f"{url} stopped answering: {error}.") from error
    remaining(deadline, url)  # a body cut short by the watchdog is no body
    return b"".join(chunks)
