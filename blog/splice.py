"""Put a large piece of a page in after the page is rendered, not while.

The template engine joins each node's output into a new string at every
level of nesting (an ``if``, an inclusion tag, an include, a block, the base
template), so a 200-comment thread of 200 KB inside a post's comment section
was copied a dozen times: 2 ms of a 10 ms post page. A section that another
app adds to a post page (``blog.hooks``) renders a short placeholder instead,
and ``SpliceMiddleware`` swaps the HTML's UTF-8 bytes in, once, in the
finished response.
"""

import secrets

from django.utils.safestring import SafeString


def placeholder(request, html):
    """A marker to render in place of ``html``, which the middleware puts in the response for it.

    The marker is an HTML comment with a random name, so nothing a reader
    writes can stand for it.
    """
    marker = f"<!--spliced-{secrets.token_hex(8)}-->"
    request.__dict__.setdefault("_spliced_html", {})[marker.encode()] = html.encode()
    return SafeString(marker)


def splice(content, spliced):
    """``content`` (bytes) with each marker replaced by its HTML."""
    for marker, html in spliced.items():
        content = content.replace(marker, html, 1)
    return content


class SpliceMiddleware:
    """Fill the placeholders of a rendered page: last in ``MIDDLEWARE``, so all others see the whole page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        spliced = request.__dict__.get("_spliced_html")
        if spliced and not response.streaming:
            response.content = splice(response.content, spliced)
        return response
