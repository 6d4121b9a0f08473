"""A local web server answering as the pages, Crossref, Open Library and the web archive do."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Web:
    """The server's address and its routes: path -> (status, headers, body bytes) or a callable."""

    def __init__(self, server):
        self.server, self.routes, self.requests = server, {}, []

    @property
    def base(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path):
        return self.base + path

    def page(self, path, html, *, content_type="text/html; charset=utf-8", status=200, headers=None):
        body = html.encode("utf-8") if isinstance(html, str) else html
        self.routes[path] = (status, {"Content-Type": content_type, **(headers or {})}, body)

    def json(self, path, text, status=200):
        self.page(path, text, content_type="application/json", status=status)

    def redirect(self, path, location, status=302):
        self.routes[path] = (status, {"Location": location}, b"")


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        web = self.server.web
        web.requests.append(self.path)
        route = web.routes.get(self.path, (404, {"Content-Type": "text/html"}, b"<title>Not found</title>"))
        if callable(route):
            route = route(self)  # it answers itself
            if route is None:
                return
        status, headers, body = route
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def web(settings):
    """A local server the fetcher may reach (``CAPTURE_ALLOW_PRIVATE_ADDRESSES``), and Crossref, Open
    Library and the web archive pointed at it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.web = Web(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.CAPTURE_ALLOW_PRIVATE_ADDRESSES = True
    settings.CAPTURE_CROSSREF_URL = server.web.url("/crossref")
    settings.CAPTURE_OPENLIBRARY_URL = server.web.url("/openlibrary")
    settings.CAPTURE_ARCHIVE_SAVE_URL = server.web.url("/save/")
    yield server.web
    server.shutdown()
    server.server_close()


def slow_headers(seconds):
    """A route that takes ``seconds`` over its headers, a line at a time."""

    def answer(handler):
        handler.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for number in range(int(seconds * 10)):
            handler.wfile.write(f"X-Drip-{number}: x\r\n".encode())
            handler.wfile.flush()
            time.sleep(0.1)
        return None

    return answer


def slow(seconds):
    """A route that answers after ``seconds``, dripping its body."""

    def answer(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(int(seconds * 10)):
            handler.wfile.write(b"<p>x</p>")
            handler.wfile.flush()
            time.sleep(0.1)
        return None

    return answer
