"""WordPress post HTML to this project's Markdown dialect (pure functions).

``convert_post`` expands shortcodes, parses the HTML (``htmltree``), finds the
blogger's footnotes (``footnotes``), and writes Markdown (``writer``): paragraphs,
emphasis, links, lists, headings, images (``media``: captions, galleries), embeds as
link cards (``embeds``), blockquotes
as excerpts (with the attribution ``— [@key]`` when a citation is attached to
the quote), and footnotes as ``[^n]`` or, when a note reads as a citation,
``[@key, p. 4]`` (a remark after the citation keeps the note: ``[^n]: [@key]. Remark``).
The citation key comes from ``resolve``, a function the caller
passes (the importer finds or creates the source), so this module touches no
database. Text is escaped so imported prose is never read as Markdown.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from importing.htmltree import DEFAULT_MAX_DEPTH, Element, block_text, blockify, parse
from importing.references import Reference
from importing.writer import HEADINGS, Writer, heading_anchor
from wordpress import blocks, embeds, footnotes, media, shortcodes
from wordpress.conf import HTML_DEPTH_SETTING

ASIDE_RE = re.compile(r"\[(comment|note|aside|update)\s*:\s*", re.IGNORECASE)
# WordPress's teaser boundary, with the optional text of its "read more" link.
MORE_RE = re.compile(r"<!--more(?:\s[^>]*)?-->")

OPENING_QUOTES, CLOSING_QUOTES = '“"', '”"'


def _first_and_last_text(element: Element):
    texts = [
        (parent, index)
        for parent in element.iter()
        for index, child in enumerate(parent.children)
        if isinstance(child, str) and child.strip()
    ]
    return (texts[0], texts[-1]) if texts else (None, None)


def _tidy_quote(quote: Element) -> None:
    """Drop the curly quotes around a whole quotation, and write asides and omissions as the dialect does."""
    first, last = _first_and_last_text(quote)
    if first and last:
        (first_parent, first_index), (last_parent, last_index) = first, last
        opening = first_parent.children[first_index].lstrip()
        closing = last_parent.children[last_index].rstrip()
        if (
            opening[:1] in OPENING_QUOTES
            and closing[-1:] in CLOSING_QUOTES
            and (first != last or len(opening) > 1)
        ):
            first_parent.children[first_index] = opening[1:]
            last_parent.children[last_index] = last_parent.children[last_index].rstrip()[:-1]
    for element in quote.iter():
        element.children = [
            ASIDE_RE.sub(lambda m: f"[{m[1].capitalize()}: ", re.sub(r"(?<!\.)\.\.\.(?!\.)", "…", child))
            if isinstance(child, str)
            else child
            for child in element.children
        ]


def _notes_around(blocks: list, index: int) -> list[Element]:
    """The note markers inside the quote at ``index`` and in the paragraph just before it."""
    quote = blocks[index]
    inside = [element for element in quote.iter() if element.tag == "note"]
    before = []
    if index and blocks[index - 1].tag == "p":
        before = [element for element in blocks[index - 1].iter() if element.tag == "note"]
    return inside + before


def _attribute_quotes(writer: Writer, root: Element) -> None:
    """Give a quote the attribution ``— [@key]`` when exactly one citation is attached to it."""
    for index, block in enumerate(root.children):
        if block.tag != "blockquote":
            continue
        _tidy_quote(block)
        keys = {note.attrs["key"] for note in _notes_around(root.children, index)}
        alone = [key for key in keys if key in writer.notes and writer.cites_alone(key)]
        if len({writer.citation_of(key) for key in alone}) != 1:
            continue
        key = sorted(alone)[0]
        last = block.children[-1] if block.children else None
        if last is not None and last.children and getattr(last.children[-1], "attrs", {}).get("key") == key:
            last.children.pop()
        block.children.append(Element("p", children=["— ", Element("note", {"key": key})]))


@dataclass
class Conversion:
    """The Markdown and what could not be carried over cleanly."""

    markdown: str
    summary: str = ""  # the text before ``<!--more-->``, for the post's summary; empty without one
    problems: list[str] = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    gutenberg_comments: int = 0


def convert_post(
    html: str,
    *,
    footnotes_meta: str = "",
    resolve: Callable[[Reference], str | None] = lambda reference: None,
    comment: bool = False,
    max_depth: int = DEFAULT_MAX_DEPTH,
    attachments: dict | None = None,
    post_id: int | None = None,
    media_url: Callable[[str], str] | None = None,
) -> Conversion:
    """Convert a post's (or, with ``comment``, a reader comment's) HTML to the dialect.

    Galleries show the export's ``attachments`` (``media.Attachment`` by WordPress ID; a
    ``[gallery]`` without ids, those of ``post_id``); ``media_url`` gives the URL an image
    is written with (the new copy's, when the importer brought the file over).
    Raises ``LimitError`` when elements or shortcodes nest deeper than ``max_depth``.
    """
    conversion = Conversion(markdown="")
    html = (html or "").replace("\r\n", "\n").replace("\x00", "")
    notes_problems, written = [], []  # written: the notes footnote shortcodes and ((…)) hold
    if not comment:
        html = blocks.expand(html, notes_problems)
        html = media.expand(
            html, attachments=attachments or {}, post_id=post_id, counts=conversion.shortcodes,
            problems=notes_problems,
        )  # fmt: skip
        html = shortcodes.expand(html, conversion.shortcodes, notes_problems, max_depth, footnotes=written)
        html = embeds.mark(html)
    autop = "<!-- wp:" not in html
    if not comment and (more := MORE_RE.search(html)):
        teaser, _ = parse(html[: more.start()], max_depth, HTML_DEPTH_SETTING)
        conversion.summary = " ".join(block_text(blockify(teaser, autop)).split())
        # The boundary ends a paragraph, as the editors show it; an empty one is never written.
        html = MORE_RE.sub("<p></p>", html)
    root, conversion.gutenberg_comments = parse(html, max_depth, HTML_DEPTH_SETTING)
    embeds.cards(root)
    blockify(root, autop)
    media.unlist_galleries(root)
    notes = (
        {}
        if comment
        else {note.key: note for note in footnotes.block_editor_notes(footnotes_meta, max_depth)}
    )
    if not comment:
        notes.update({note.key: note for note in footnotes.extract_notes(root)})
        notes.update({note.key: note for note in footnotes.notes_from_html(written, max_depth)})
    for block in root.children:
        footnotes.mark(block, set(notes))
    media_url = media_url or (lambda url: url)

    def link_url(href: str, has_image: bool) -> str:
        # A document, audio or video file, or an image linking to its full size: copied too.
        copied = media.file_kind(href) or (has_image and media.is_image_file(href))
        return media_url(href) if copied else href

    writer = Writer(
        notes, resolve, conversion.problems, post=not comment, media_url=media_url, link_url=link_url
    )
    if not comment:
        writer.anchors = {heading_anchor(block) for block in root.iter() if block.tag in HEADINGS} - {""}
        _attribute_quotes(writer, root)
    parts = writer.blocks(root.children)
    unused = [key for key in notes if key not in writer.labels]
    for key in unused:
        conversion.problems.append(f"note {key} has no marker in the text; kept at the end")
    if unused:
        parts.append("---")
        parts.extend(writer.paragraph(notes[key].content) for key in unused)
    if writer.definitions:
        parts.append(writer.footnote_definitions())
    conversion.markdown = "\n\n".join(part for part in parts if part.strip()) + "\n" if parts else ""
    conversion.problems[:0] = notes_problems
    conversion.problems = list(dict.fromkeys(conversion.problems))
    return conversion


def html_to_text(html: str, max_depth: int = DEFAULT_MAX_DEPTH) -> str:
    """The text of ``html`` on one line, as a summary is stored."""
    root, _ = parse(html or "", max_depth, HTML_DEPTH_SETTING)
    return " ".join(root.text().split())
