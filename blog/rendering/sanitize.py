"""The two bleach allowlists: one for authors, a smaller one for readers.

bleach walks the parsed HTML with html5lib's etree walker, which finds each
element's place among its siblings by searching its parent: quadratic time
in an element's number of children (a note with 20,000 back-links, a
paragraph of 5,000 emphasised words). ``LinearTreeWalker`` looks places up
in a table made once per parent instead.
"""

import re
import threading
from functools import partial

from bleach.html5lib_shim import allowed_protocols, getTreeWalker
from bleach.linkifier import TLDS, LinkifyFilter
from bleach.sanitizer import Cleaner

from blog.rendering.images import ImageFilter
from blog.rendering.links import AddressLinkFilter

AUTHOR_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub",
        "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
AUTHOR_ATTRIBUTES = {
    "*": ["class", "id", "title", "lang", "aria-label", "aria-hidden", "role"],
    "a": ["href", "rel", "aria-describedby"],
    "blockquote": ["cite"],
    "img": ["src", "alt", "width", "height", "loading", "decoding"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
    "ol": ["start"],
    "li": ["value"],
}
PROTOCOLS = frozenset({"http", "https", "mailto"})

READER_TAGS = frozenset({"a", "blockquote", "br", "code", "em", "li", "ol", "p", "pre", "strong", "ul"})
READER_ATTRIBUTES = {"a": ["href", "rel"]}


class LinearTreeWalker(getTreeWalker("etree")):
    """html5lib's etree walker, with a parent's index among its siblings read from a table."""

    def __init__(self, tree):
        super().__init__(tree)
        self.positions = {}

    def getParentNode(self, node):  # noqa: N802 (html5lib's name)
        if not isinstance(node, tuple) or node[3] == "text":
            return super().getParentNode(node)
        parents = node[2]
        parent = parents.pop()
        if not parents:
            return parent
        return parent, self.position(parents[-1], parent), parents, None

    def position(self, grandparent, parent):
        table = self.positions.get(id(grandparent))
        if table is None:
            table = self.positions[id(grandparent)] = {
                id(child): index for index, child in enumerate(grandparent)
            }
        return table[id(parent)]


class LinearCleaner(Cleaner):
    """bleach's ``Cleaner`` walking with ``LinearTreeWalker``."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.walker = LinearTreeWalker


def _reader_link_rel(attrs, new=False):
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


# bleach's URL pattern (``bleach.linkifier.build_url_re``) with two changes
# that keep finding links linear: a run of "(" is read only from its start
# (bleach's ``\(*`` re-read the run from each of its characters), and a
# domain label has at most 63 characters, DNS's own limit (bleach's
# ``[\w-]+`` re-read a run like "a-a-a-…" from each of its words).
READER_URL_RE = re.compile(
    r"""(?<!\()\(*
    \b(?<![@.])(?:(?:{protocols}):/{{0,3}}(?:(?:\w+:)?\w+@)?)?
    ([\w-]{{1,63}}\.)+(?:{tlds})(?:\:[0-9]+)?(?!\.\w)\b
    (?:[/?][^\s\{{\}}\|\\\^`<>"]*)?
    """.format(protocols="|".join(sorted(allowed_protocols)), tlds="|".join(sorted(TLDS))),
    re.IGNORECASE | re.VERBOSE | re.UNICODE,
)

# Cleaners keep parser state between calls, so each thread has its own
# (building one costs about as much as cleaning a short comment).
_local = threading.local()


def _author_cleaner():
    if getattr(_local, "author", None) is None:
        _local.author = LinearCleaner(
            tags=AUTHOR_TAGS, attributes=AUTHOR_ATTRIBUTES, protocols=PROTOCOLS, strip=True
        )
    return _local.author


def _reader_cleaner():
    """Sanitizes and links bare URLs in one parse: bleach's documented ``LinkifyFilter`` as a filter."""
    if getattr(_local, "reader", None) is None:
        linkify = partial(
            LinkifyFilter, callbacks=[_reader_link_rel], skip_tags={"pre", "code"}, url_re=READER_URL_RE
        )
        _local.reader = LinearCleaner(
            tags=READER_TAGS, attributes=READER_ATTRIBUTES, protocols=PROTOCOLS, strip=True, filters=[linkify]
        )
    return _local.reader


def clean_author_html(html, *, image_size=None, images=None):
    """Sanitize HTML the pipeline produced from an author's Markdown.

    Its images are completed by ``ImageFilter`` (sizes from ``image_size``)
    and listed in ``images``, when a list is given; links that show their own
    address are marked by ``AddressLinkFilter``.
    """
    cleaner = _author_cleaner()
    found = images if images is not None else []
    cleaner.filters = [partial(ImageFilter, size=image_size, found=found), AddressLinkFilter]
    return cleaner.clean(html)


def clean_reader_html(html):
    """Sanitize a comment: few tags, no images, every link nofollow ugc."""
    return _reader_cleaner().clean(html)
