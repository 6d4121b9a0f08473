"""Reading a WordPress eXtended RSS export as a stream (versions 1.0 to 1.2).

``read`` yields ``Channel`` once (as soon as the version is known), then
``Author``, ``Term`` and ``Item`` records in document order, clearing each
element once read, so memory stays flat however large the file. The file is
refused with ``WXRError`` (one line) when it is not well-formed XML, not RSS,
not a WordPress export, or of a version this reader does not know.
Namespaces differ by version (``http://wordpress.org/export/1.2/``) and, since
WordPress.com and the theme unit test data, by scheme (``https://``), so tags
are matched by a short prefix (``wp:``, ``excerpt:``, ``content:``, ``dc:``).

The bytes pass through ``lenient.clean`` on their way to the parser, which
mends what WordPress itself wrote and its importer accepts (an unescaped
``&``, control characters, a stray ``]]>``, bytes that are not UTF-8), in one
pass and a chunk at a time.

A hostile file is refused in the same way: one whose elements nest deeper
than ``max_depth``, or that declares a document type (WordPress writes none;
entity declarations are how an XML file multiplies itself in memory).
"""

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from xml.parsers.expat import errors as expat_errors

from wordpress import lenient

VERSIONS = {"1.0", "1.1", "1.2"}
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/(excerpt/)?$")
PREFIXES = {"http://purl.org/rss/1.0/modules/content/": "content", "http://purl.org/dc/elements/1.1/": "dc"}


class WXRError(Exception):
    """The file cannot be imported at all; the message is one line for the user."""


@dataclass
class Channel:
    version: str
    title: str
    site: str


@dataclass
class Author:
    wp_id: str
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category or tag defined in the channel."""

    kind: str
    slug: str
    name: str
    # A category's parent's slug; this site's tags are flat, so the importer reports it.
    parent: str = ""


@dataclass
class Comment:
    wp_id: str
    fields: dict


@dataclass
class Item:
    """A ``<item>``: its fields as ``{"wp:post_id": text, …}``, terms, post meta and comments."""

    fields: dict
    terms: list = field(default_factory=list)  # (domain, nicename, name)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name) or default


def _name(tag: str) -> str:
    """``{http://wordpress.org/export/1.2/}post_id`` → ``wp:post_id``."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    match = WP_NAMESPACE.match(namespace)
    if match:
        return f"{'excerpt' if match.group(2) else 'wp'}:{local}"
    return f"{PREFIXES[namespace]}:{local}" if namespace in PREFIXES else local


def _fields(element) -> dict:
    # The first of two fields with one name wins, as in WordPress's importer.
    fields = {}
    for child in element:
        if len(child) == 0:
            fields.setdefault(_name(child.tag), (child.text or "").strip())
    return fields


def _item(element) -> Item:
    item = Item(fields=_fields(element))
    item.fields["content:encoded"] = (
        element.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            item.terms.append(
                (child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            meta = {_name(part.tag): part.text or "" for part in child}
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            fields = _fields(child)
            fields["wp:comment_content"] = next(
                (part.text or "" for part in child if _name(part.tag) == "wp:comment_content"), ""
            )
            item.comments.append(Comment(fields.get("wp:comment_id", ""), fields))
    return item


def _author(element) -> Author:
    fields = _fields(element)
    return Author(
        wp_id=fields.get("wp:author_id", ""),
        login=fields.get("wp:author_login", ""),
        email=fields.get("wp:author_email", ""),
        display_name=fields.get("wp:author_display_name", ""),
        first_name=fields.get("wp:author_first_name", ""),
        last_name=fields.get("wp:author_last_name", ""),
    )


def _term(element, kind: str = "") -> Term:
    fields = _fields(element)
    if kind == "category":
        return Term(
            "category",
            fields.get("wp:category_nicename", ""),
            fields.get("wp:cat_name", ""),
            fields.get("wp:category_parent", ""),
        )
    return Term("tag", fields.get("wp:tag_slug", ""), fields.get("wp:tag_name", ""))


RECORDS = {"wp:author": _author, "item": _item, "wp:category": _term, "wp:tag": _term}
# Far deeper than an export's six levels (rss, channel, item, wp:comment, wp:commentmeta, wp:meta_key).
DEFAULT_MAX_DEPTH = 32
# How much of the file's start is searched for a document type declaration, which precedes the root.
PROLOG_BYTES = 64 * 1024
DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
# Expat's error codes for a file that stops before its end.
TRUNCATED = {
    expat_errors.codes[message]
    for message in (
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
    )
}


def _refuse_doctype(stream) -> None:
    """Refuse a file whose prolog declares a document type; leaves ``stream`` where it was."""
    start = stream.tell()
    head = stream.read(PROLOG_BYTES)
    stream.seek(start)
    root = head.find(b"<rss")
    if DOCTYPE.search(head, 0, root if root >= 0 else len(head)):
        raise WXRError("This is not a WordPress export: it declares a document type (<!DOCTYPE>).")


def _events(source, repairs):
    """``iterparse``'s events, from the mended text of ``source``, a chunk at a time."""
    parser = ET.XMLPullParser(events=("start", "end"))
    for text in lenient.clean(source, repairs):
        parser.feed(text)
        yield from parser.read_events()
    parser.close()
    yield from parser.read_events()


def read(source, *, max_depth: int = DEFAULT_MAX_DEPTH, repairs: lenient.Repairs | None = None):
    """Yield ``Channel``, then ``Author``, ``Term`` and ``Item`` records from ``source`` (path or file).

    What had to be mended to read it is counted in ``repairs`` when given. Raises
    ``WXRError`` when the file is not an export, is broken or truncated, or nests
    deeper than ``max_depth``.
    """
    if isinstance(source, str | bytes) or hasattr(source, "__fspath__"):
        with open(source, "rb") as stream:
            yield from read(stream, max_depth=max_depth, repairs=repairs)
        return
    repairs = repairs if repairs is not None else lenient.Repairs()
    _refuse_doctype(source)
    depth, channel = 0, None
    header = {"version": None, "title": "", "site": ""}
    announced = False
    try:
        for event, element in _events(source, repairs):
            if event == "start":
                depth += 1
                if depth > max_depth:
                    raise WXRError(
                        f"The file's elements nest deeper than {max_depth} levels "
                        "(WORDPRESS_IMPORT_MAX_XML_DEPTH); a WordPress export needs six."
                    )
                if depth == 1 and element.tag != "rss":
                    raise WXRError("This is not a WordPress export: the file is not RSS.")
                if depth == 2 and element.tag == "channel":
                    channel = element
                if depth == 3 and _name(element.tag) in RECORDS and header["version"] is None:
                    raise WXRError("This is not a WordPress export: no wp:wxr_version before the first item.")
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            name = _name(element.tag)
            text = (element.text or "").strip()
            if name == "wp:wxr_version":
                if text not in VERSIONS:
                    raise WXRError(f"Unsupported WXR version {text!r}: this importer reads 1.0 to 1.2.")
                header["version"] = text
            elif name == "wp:base_blog_url" or (name == "link" and not header["site"]):
                header["site"] = text.rstrip("/")
            elif name == "title" and not header["title"]:
                header["title"] = text
            elif name in RECORDS:
                if not announced:
                    announced = True
                    yield Channel(**header)
                yield (
                    _term(element, name[3:]) if name in ("wp:category", "wp:tag") else RECORDS[name](element)
                )
            channel.remove(element)
    except ET.ParseError as error:
        hint = " The file may be truncated: export it again." if error.code in TRUNCATED else ""
        raise WXRError(f"The file is not well-formed XML ({error}).{hint}") from None
    if header["version"] is None:
        raise WXRError("This is not a WordPress export: it has no wp:wxr_version.")
    if not announced:
        yield Channel(**header)
