"""A page's bibliographic metadata, read from its HTML: a pure function of the text and its address.

Sources of metadata, best first (as Zotero's "Embedded Metadata" reads them):
Highwire/Google Scholar ``citation_*`` tags, JSON-LD (schema.org articles and
pages, in ``@graph`` or arrays too), Dublin Core, OpenGraph with ``article:*``,
then ``<title>``, ``rel=author`` and byline markup. Each field is taken from the
best source that has it. One pass of the standard library's HTML parser over
at most ``MAX_HTML`` characters; JSON-LD blocks, tags and values are capped too.
"""

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from capture import names

MAX_HTML = 2_000_000
MAX_TAGS = 2_000
MAX_VALUE = 2_000
MAX_JSON_LD = 10
MAX_JSON_LD_CHARS = 200_000
MAX_JSON_NODES = 200
MAX_AUTHORS = 100
MAX_BYLINE = 200

SCHEMA_TYPES = {
    "NewsArticle": "article-newspaper",
    "ReportageNewsArticle": "article-newspaper",
    "AnalysisNewsArticle": "article-newspaper",
    "OpinionNewsArticle": "article-newspaper",
    "ScholarlyArticle": "article-journal",
    "BlogPosting": "post-weblog",
    "Article": "webpage",
    "WebPage": "webpage",
}
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"'<>]+)")
DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?")
MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
WRITTEN_DATE = re.compile(
    r"(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})",
    re.IGNORECASE,
)


@dataclass
class Metadata:
    """A work as CSL describes it; empty values are unknown."""

    type: str = ""
    title: str = ""
    authors: list = field(default_factory=list)
    container_title: str = ""
    issued: tuple = ()
    url: str = ""
    doi: str = ""
    isbn: str = ""
    publisher: str = ""
    publisher_place: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    language: str = ""

    def update_missing(self, other):
        """Take from ``other`` each field this one lacks."""
        for name in self.__dataclass_fields__:
            if not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))
        return self


class Collector(HTMLParser):
    """Gathers meta tags, links, the title, JSON-LD blocks and byline text in one pass."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta, self.links, self.title, self.json_ld = [], {}, [], []
        self.bylines, self.times = [], []
        self.tags = 0
        self.capture = None  # ("title" | "json" | "byline", depth, parts)
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        self.tags += 1
        if self.tags > MAX_TAGS * 20:
            return
        attrs = {name: (value or "")[:MAX_VALUE] for name, value in attrs}
        if tag == "html" and not self.lang:
            self.lang = attrs.get("lang", "")[:20]
        elif tag == "meta" and len(self.meta) < MAX_TAGS:
            key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or ""
            if key and "content" in attrs:
                self.meta.append((key.strip().lower(), clean(attrs["content"])))
        elif tag == "link":
            for rel in attrs.get("rel", "").lower().split():
                self.links.setdefault(rel, attrs.get("href", ""))
        elif tag == "title" and self.capture is None and not self.title:
            self.capture = ("title", tag, [])
        elif tag == "script" and attrs.get("type", "").strip().lower() == "application/ld+json":
            if len(self.json_ld) < MAX_JSON_LD and self.capture is None:
                self.capture = ("json", tag, [])
        elif tag == "time" and attrs.get("datetime") and len(self.times) < 10:
            self.times.append(attrs["datetime"])
        elif self.capture is None and len(self.bylines) < 10 and is_byline(tag, attrs):
            self.capture = ("byline", tag, [])

    def handle_endtag(self, tag):
        if self.capture and tag == self.capture[1]:
            kind, _, parts = self.capture
            text = "".join(parts)
            if kind == "title":
                self.title.append(clean(text))
            elif kind == "json":
                self.json_ld.append(text)
            else:
                self.bylines.append(clean(text)[:MAX_BYLINE])
            self.capture = None

    def handle_data(self, data):
        if self.capture:
            parts = self.capture[2]
            limit = MAX_JSON_LD_CHARS if self.capture[0] == "json" else MAX_VALUE
            if sum(map(len, parts)) < limit:
                parts.append(data[:limit])


def is_byline(tag, attrs):
    if tag == "a" and "author" in attrs.get("rel", "").lower().split():
        return True
    classes = f"{attrs.get('class', '')} {attrs.get('itemprop', '')}".lower()
    return tag in ("span", "a", "p", "div", "address") and (
        "byline" in classes or "author" in classes.split()
    )


def clean(text):
    return " ".join(text.split())[:MAX_VALUE]


def read_metadata(html: str, url: str) -> Metadata:
    """The metadata of the page ``html`` found at ``url``, best source first."""
    collector = Collector()
    try:
        collector.feed(html[:MAX_HTML])
        collector.close()
    except (AssertionError, ValueError):
        pass  # html.parser gives up on some broken markup; what it read so far stands.
    meta = {}
    for key, value in collector.meta:
        if value:
            meta.setdefault(key, []).append(value)
    found = highwire(meta)
    for other in (
        json_ld(collector.json_ld),
        dublin_core(meta),
        open_graph(meta),
        heuristics(collector),
    ):
        found.update_missing(other)
    canonical = collector.links.get("canonical", "")
    found.url = absolute(canonical or found.url, url) or url
    if not found.doi:
        found.doi = next((doi(value) for values in meta.values() for value in values if doi(value)), "")
    if not found.type:
        found.type = "webpage"
    found.language = found.language[:20]
    return found


def first(meta, *keys):
    return next((meta[key][0] for key in keys if meta.get(key)), "")


def highwire(meta) -> Metadata:
    authors = [names.split_name(value) for value in meta.get("citation_author", [])[:MAX_AUTHORS]]
    journal = first(meta, "citation_journal_title")
    return Metadata(
        type="article-journal" if journal else "",
        title=first(meta, "citation_title"),
        authors=authors,
        container_title=journal or first(meta, "citation_conference_title", "citation_book_title"),
        issued=parse_date(first(meta, "citation_publication_date", "citation_date", "citation_online_date")),
        url=first(meta, "citation_public_url", "citation_abstract_html_url", "citation_fulltext_html_url"),
        doi=doi(first(meta, "citation_doi")),
        isbn=first(meta, "citation_isbn"),
        publisher=first(meta, "citation_publisher"),
        volume=first(meta, "citation_volume"),
        issue=first(meta, "citation_issue"),
        page="–".join(filter(None, (first(meta, "citation_firstpage"), first(meta, "citation_lastpage")))),
        language=first(meta, "citation_language"),
    )


def json_ld(blocks) -> Metadata:
    nodes = []
    for block in blocks:
        try:
            data = json.loads(block.strip().removeprefix("<!--").removesuffix("-->"))
        except (ValueError, RecursionError):
            continue
        walk(data, nodes, 0)
    by_type = [node for node in nodes if types_of(node) & SCHEMA_TYPES.keys()]
    # An article describes the work better than the page that holds it.
    by_type.sort(key=lambda node: "WebPage" in types_of(node) and not types_of(node) - {"WebPage"})
    if not by_type:
        return Metadata()
    node = by_type[0]
    kind = next(SCHEMA_TYPES[name] for name in SCHEMA_TYPES if name in types_of(node))
    publisher = text_of(node.get("publisher"))
    container = text_of(node.get("isPartOf")) or text_of(node.get("periodical"))
    return Metadata(
        type=kind,
        title=text_of(node.get("headline")) or text_of(node.get("name")),
        authors=people(node.get("author")),
        container_title=container or (publisher if kind in ("article-newspaper", "post-weblog") else ""),
        issued=parse_date(text_of(node.get("datePublished")) or text_of(node.get("dateCreated"))),
        url=text_of(node.get("url")) or text_of(node.get("mainEntityOfPage")),
        doi=doi(text_of(node.get("identifier")) or text_of(node.get("sameAs"))),
        publisher=publisher,
        language=text_of(node.get("inLanguage")),
    )


def walk(data, nodes, depth):
    """Every object in a JSON-LD document (arrays and ``@graph`` included), up to a limit."""
    if depth > 5 or len(nodes) >= MAX_JSON_NODES:
        return
    if isinstance(data, list):
        for item in data[:MAX_JSON_NODES]:
            walk(item, nodes, depth + 1)
    elif isinstance(data, dict):
        nodes.append(data)
        if "@graph" in data:
            walk(data["@graph"], nodes, depth + 1)


def types_of(node):
    kind = node.get("@type")
    return (
        {kind}
        if isinstance(kind, str)
        else {k for k in kind if isinstance(k, str)}
        if isinstance(kind, list)
        else set()
    )


def text_of(value):
    """A JSON-LD value as text: a string, the name or @id of an object, the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url") or ""
    return clean(value) if isinstance(value, str) else ""


def people(value):
    values = value if isinstance(value, list) else [value] if value else []
    found = []
    for person in values[:MAX_AUTHORS]:
        if isinstance(person, dict):
            name = text_of(person.get("name")) or " ".join(
                filter(None, (text_of(person.get("givenName")), text_of(person.get("familyName"))))
            )
            if name and "Organization" in types_of(person):
                found.append({"literal": name})
            elif name:
                found.append(names.split_name(name))
        elif isinstance(person, str) and clean(person):
            found.append(names.split_name(clean(person)))
    return found


def dublin_core(meta) -> Metadata:
    return Metadata(
        title=first(meta, "dc.title", "dcterms.title"),
        authors=[
            names.split_name(v)
            for v in (meta.get("dc.creator") or meta.get("dcterms.creator") or [])[:MAX_AUTHORS]
        ],
        issued=parse_date(first(meta, "dc.date", "dcterms.date", "dcterms.issued", "dc.date.issued")),
        publisher=first(meta, "dc.publisher", "dcterms.publisher"),
        container_title=first(meta, "dcterms.ispartof", "dc.source"),
        language=first(meta, "dc.language", "dcterms.language"),
        doi=doi(first(meta, "dc.identifier", "dcterms.identifier")),
    )


def open_graph(meta) -> Metadata:
    authors = [
        names.split_name(value)
        for value in (meta.get("article:author") or meta.get("author") or [])[:MAX_AUTHORS]
        if not value.startswith(("http://", "https://"))
    ]
    return Metadata(
        type="article-newspaper"
        if first(meta, "og:type") == "article" and meta.get("article:section")
        else "",
        title=first(meta, "og:title", "twitter:title"),
        authors=authors,
        container_title=first(meta, "og:site_name"),
        issued=parse_date(first(meta, "article:published_time")),
        url=first(meta, "og:url"),
        language=first(meta, "og:locale").replace("_", "-"),
    )


def heuristics(collector) -> Metadata:
    authors = []
    for line in collector.bylines:
        line = re.sub(r"^\s*(?:by|von|par|door|di|por)\s+", "", line, flags=re.IGNORECASE)
        for name in re.split(r"\s*(?:,|\band\b|&)\s*", line)[:MAX_AUTHORS]:
            if 1 < len(name.split()) <= 5 and not any(char.isdigit() for char in name):
                authors.append(names.split_name(name))
        if authors:
            break
    return Metadata(
        title=collector.title[0] if collector.title else "",
        authors=authors,
        issued=next(filter(None, map(parse_date, collector.times)), ()),
        language=collector.lang,
    )


def parse_date(text):
    """(year, month, day) as far as known, from an ISO-like or written date; () if none."""
    text = (text or "")[:100]
    match = DATE.match(text.strip())
    if match:
        parts = [int(part) for part in match.groups() if part]
    elif match := WRITTEN_DATE.search(text):
        day = match[1] or match[3]
        parts = [int(match[4]), MONTHS[match[2].lower()[:3]], *([int(day)] if day else [])]
    else:
        return ()
    if not 1000 <= parts[0] <= 2999:
        return ()
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        parts = parts[:1]
    if len(parts) > 2 and not 1 <= parts[2] <= 31:
        parts = parts[:2]
    return tuple(parts)


def doi(text):
    match = DOI.search(text or "")
    return match[1].rstrip(".,;") if match else ""


def absolute(link, base):
    if not link:
        return ""
    joined = urljoin(base, link)
    return joined if urlsplit(joined).scheme in ("http", "https") else ""
