"""Mending an export's text into XML a strict parser reads, in one pass, a chunk at a time.

WordPress's importer reads exports that are not well-formed XML, because
WordPress wrote them: an ``&`` left unescaped in an attachment's URL, an HTML
entity such as ``&nbsp;`` outside CDATA, a control character pasted into a
post, a ``]]>`` left over from content that held CDATA of its own, bytes that
are not in the declared encoding, a feed element under a prefix the file never
declares (WordPress.com wrote ``<atom:link>`` without ``xmlns:atom`` until
about 2013; WordPress's importer falls back to a parser without namespaces).
``clean`` decodes the file as it declares (UTF-8 when it does not), mends
each of these where it stands and yields text to feed the parser;
``Repairs`` counts what it mended, for the report.

It keeps only one chunk and a short tail in memory, and looks at each
character once: which of text, CDATA section or comment it is in decides what
needs mending (inside CDATA an ``&`` is just an ampersand).
"""

import codecs
import re
from dataclasses import dataclass
from html.entities import html5

CHUNK = 64 * 1024
# Held back from each chunk until the next arrives, so a token split between chunks is seen whole:
# longer than the longest token matched below ("&" and a 32-character name and ";").
HOLD = 64
DECLARED = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z][\w.-]*)[\"']")
# Characters XML 1.0 does not allow anywhere, even as references; lone surrogates are how bytes
# the declared encoding could not decode arrive here ("surrogateescape").
ILLEGAL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]"
TEXT, CDATA, COMMENT = "text", "cdata", "comment"
PATTERNS = {
    TEXT: re.compile(
        r"<!\[CDATA\[|<!--|\]\]>|&(?:#([0-9]{1,8});|#[xX]([0-9a-fA-F]{1,8});|([A-Za-z][A-Za-z0-9]{0,31});)?|"
        + ILLEGAL
    ),
    CDATA: re.compile(r"\]\]>|" + ILLEGAL),
    COMMENT: re.compile(r"-->|" + ILLEGAL),
}
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
# The feed extensions' prefixes WordPress and WordPress.com write in a channel, declared on the
# <rss> element when the file leaves them undeclared.
FEED_PREFIXES = {
    "atom": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/",
    "georss": "http://www.georss.org/georss", "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "sy": "http://purl.org/rss/1.0/modules/syndication/", "slash": "http://purl.org/rss/1.0/modules/slash/",
    "wfw": "http://wellformedweb.org/CommentAPI/", "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "dc": "http://purl.org/dc/elements/1.1/", "content": "http://purl.org/rss/1.0/modules/content/",
}  # fmt: skip
RSS_START = re.compile(r"<rss\b([^>]*)>")


@dataclass
class Repairs:
    """What ``clean`` mended, by kind."""

    ampersands: int = 0
    entities: int = 0
    control_characters: int = 0
    undecodable_bytes: int = 0
    stray_cdata_ends: int = 0

    def lines(self) -> list[str]:
        labels = {
            "ampersands": "unescaped & escaped",
            "entities": "HTML entities outside CDATA read as characters",
            "control_characters": "control characters removed",
            "undecodable_bytes": "bytes not in the file's encoding replaced by �",
            "stray_cdata_ends": "stray ]]> kept as text",
        }
        return [f"{getattr(self, name)} {label}" for name, label in labels.items() if getattr(self, name)]


def _legal(code: int) -> bool:
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code < 0x110000
    )


def _decoder(head: bytes):
    """An incremental decoder for the encoding the file's byte-order mark or declaration names."""
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        match = DECLARED.match(head)
        encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        return codecs.getincrementaldecoder(encoding)(errors="surrogateescape")
    except LookupError:
        return codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")


def _replacement(match, state: str, repairs: Repairs) -> tuple[str, str]:
    """What a token found in ``state`` becomes, and the state after it."""
    token = match.group()
    if token == "<![CDATA[":
        return token, CDATA
    if token == "<!--":
        return token, COMMENT
    if token == "]]>":
        if state == CDATA:
            return token, TEXT
        repairs.stray_cdata_ends += 1
        return "]]&gt;", state
    if token == "-->":
        return token, TEXT
    if token[0] != "&":
        # An illegal character; an undecodable byte shows as a replacement character.
        if 0xD800 <= ord(token) <= 0xDFFF:
            repairs.undecodable_bytes += 1
            return "\ufffd", state
        repairs.control_characters += 1
        return "", state
    decimal, hexadecimal, name = match.groups()
    if decimal or hexadecimal:
        if _legal(int(decimal or hexadecimal, 10 if decimal else 16)):
            return token, state
        repairs.control_characters += 1
        return "", state
    if name in XML_ENTITIES:
        return token, state
    if name and f"{name};" in html5:
        repairs.entities += 1
        return "".join(f"&#{ord(character)};" for character in html5[f"{name};"]), state
    repairs.ampersands += 1
    return "&amp;" + token[1:], state


def _declare_prefixes(text: str) -> str:
    """``text`` with the feed prefixes its ``<rss>`` start tag leaves undeclared declared on it.

    All of them, used or not: a use may come megabytes later, and an unused declaration changes
    nothing the import reads.
    """
    match = RSS_START.search(text)
    if match is None:
        return text
    declared = set(re.findall(r"xmlns:([\w.-]+)\s*=", match[1]))
    declarations = "".join(
        f' xmlns:{prefix}="{uri}"' for prefix, uri in FEED_PREFIXES.items() if prefix not in declared
    )
    end = match.end() - (2 if match[0].endswith("/>") else 1)
    return text[:end] + declarations + text[end:]


def clean(stream, repairs: Repairs):
    """Yield the text of the binary ``stream``, mended to be well-formed where WordPress wrote it not."""
    head = stream.read(CHUNK)
    decoder = _decoder(head)
    state, pending, final, first = TEXT, "", False, True
    while not final:
        chunk = head if head is not None else stream.read(CHUNK)
        head = None
        final = not chunk
        buffer = pending + decoder.decode(chunk, final=final)
        if first:
            buffer, first = _declare_prefixes(buffer), False
        limit = len(buffer) if final else max(len(buffer) - HOLD, 0)
        out, position = [], 0
        pattern = PATTERNS[state]
        while (match := pattern.search(buffer, position)) is not None and match.start() < limit:
            out.append(buffer[position : match.start()])
            text, state = _replacement(match, state, repairs)
            out.append(text)
            position = match.end()
            pattern = PATTERNS[state]
        if position < limit:
            out.append(buffer[position:limit])
            position = limit
        pending = buffer[position:]
        if out:
            yield "".join(out)
