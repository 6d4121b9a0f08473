"""The two bleach allowlists: one for authors, a smaller one for readers."""

import bleach
from bleach.linkifier import Linker

AUTHOR_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "div", "dl", "dt",
        "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub",
        "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
AUTHOR_ATTRIBUTES = {
    "*": ["class", "id", "title", "lang", "aria-label", "aria-hidden", "role"],
    "a": ["href", "rel", "aria-describedby"],
    "blockquote": ["cite"],
    "img": ["src", "alt", "width", "height", "loading"],
    "td": ["colspan", "rowspan"],
    "th": ["colspan", "rowspan", "scope"],
    "ol": ["start"],
}
PROTOCOLS = frozenset({"http", "https", "mailto"})

READER_TAGS = frozenset({"a", "blockquote", "br", "code", "em", "p", "pre", "strong"})
READER_ATTRIBUTES = {"a": ["href", "rel"]}


def _reader_link_rel(attrs, new=False):
    attrs[(None, "rel")] = "nofollow ugc noopener"
    return attrs


_reader_linker = Linker(callbacks=[_reader_link_rel], skip_tags={"pre", "code"})


def clean_author_html(html):
    """Sanitize HTML the pipeline produced from an author's Markdown."""
    return bleach.clean(html, tags=AUTHOR_TAGS, attributes=AUTHOR_ATTRIBUTES, protocols=PROTOCOLS, strip=True)


def clean_reader_html(html):
    """Sanitize a comment: few tags, no images, every link nofollow ugc."""
    cleaned = bleach.clean(
        html, tags=READER_TAGS, attributes=READER_ATTRIBUTES, protocols=PROTOCOLS, strip=True
    )
    return _reader_linker.linkify(cleaned)
