"""Reading the finished tree into the structure ``Rendering`` reports.

Runs last among the treeprocessors, after smart punctuation and unescaping,
so texts read as the page does. Word counts leave out note markers, captions
and the notes list; an excerpt's words leave out its asides, which are the
author's, while the post's count includes them.
"""

import copy
import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.treeprocessors import Treeprocessor

from blog.rendering.excerpts import passage_link
from blog.rendering.sanitize import clean_author_html
from blog.rendering.types import AsideInfo, CitationInfo, ExcerptInfo, FootnoteInfo

_RAW_HTML_PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
_TAG_RE = re.compile(r"<[^>]*>")
_BLOCK_TAGS = frozenset(
    {
        "address", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4",
        "h5", "h6", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH_BREAK = "\x00"
SPAN_BREAK = "\x01"
_PUNCTUATION_TOKEN_RE = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")


def plain_text(element, skip=frozenset(), raw_html=(), breaks=frozenset()):
    """The element's text, whitespace-normalised, a blank line between blocks, ``skip`` left out.

    ``raw_html`` is the Markdown instance's stash, which holds what smart
    punctuation and raw HTML put in the text as placeholders. Each element of
    ``breaks`` is left out and leaves ``SPAN_BREAK`` in its place.
    """
    chunks = []

    def walk(node):
        if node in breaks:
            chunks.append(SPAN_BREAK)
            return
        block = node.tag in _BLOCK_TAGS
        if block:
            chunks.append(_PARAGRAPH_BREAK)
        chunks.append(node.text or "")
        for child in node:
            if child not in skip:
                walk(child)
            chunks.append(child.tail or "")
        if block:
            chunks.append(_PARAGRAPH_BREAK)

    walk(element)

    def stashed_text(match):
        index = int(match[1])
        return html.unescape(_TAG_RE.sub("", raw_html[index])) if index < len(raw_html) else ""

    text = _RAW_HTML_PLACEHOLDER_RE.sub(stashed_text, "".join(chunks))
    paragraphs = (" ".join(paragraph.split()) for paragraph in text.split(_PARAGRAPH_BREAK))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def count_words(text):
    """Whitespace-separated tokens holding a letter or digit (so "…" and "–" are not words)."""
    return len(text.split()) - len(_PUNCTUATION_TOKEN_RE.findall(text))


@dataclass
class Outline:
    excerpts: list
    asides: list
    interpolations: list
    footnotes: list
    word_count: int
    quoted_word_count: int
    citations: list = field(default_factory=list)


class OutlineTreeprocessor(Treeprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        state = self.extension.state
        parents = {child: parent for parent in root.iter() for child in parent}
        markers = state.note_refs | {marker for _label, marker in state.asides.values()}

        excerpt_positions = {}
        excerpts = []
        quoted = 0
        for figure in root.iter("figure"):
            meta = state.excerpts.get(figure)
            if meta is None:
                continue
            excerpt_positions[figure] = len(excerpts) + 1
            blockquote = figure.find("blockquote")
            captions = set(blockquote.iter("figcaption"))  # of excerpts quoted within this one
            skip = markers | captions | set(state.asides)
            text = self.text(blockquote, skip)
            if meta.link:
                passage_link(self.md.htmlStash, meta, self.spans(blockquote, skip))
            spans = [element.get("class", "") for element in blockquote.iter("span")]
            excerpt = ExcerptInfo(
                position=len(excerpts) + 1,
                source_key=meta.source_key,
                locator=meta.locator,
                prefix=meta.prefix,
                text=text,
                word_count=count_words(text),
                omissions=spans.count("omission"),
                interpolations=spans.count("interpolation"),
            )
            excerpts.append(excerpt)
            if self.enclosing_excerpt(figure, parents, state) is None:
                quoted += excerpt.word_count

        asides = []
        interpolations = []
        for element in root.iter("span"):
            if element in state.asides:
                label, _marker = state.asides[element]
                text = self.text(element, markers).strip()
                figure = self.enclosing_excerpt(element, parents, state)
                asides.append(
                    AsideInfo(
                        position=len(asides) + 1,
                        excerpt_position=excerpt_positions.get(figure),
                        label=label,
                        text=text.removeprefix("[").removesuffix("]").strip(),
                    )
                )
            elif element.get("class") == "interpolation":
                interpolations.append(self.text(element, markers)[1:-1].strip())

        skip = markers | {el for el in root if el.tag == "section" and el.get("class") == "footnotes"}
        skip |= {caption for figure in excerpt_positions for caption in figure.iter("figcaption")}
        state.outline = Outline(
            excerpts=excerpts,
            asides=asides,
            interpolations=interpolations,
            footnotes=[self.footnote_info(note) for note in state.notes],
            word_count=count_words(self.text(root, skip)),
            quoted_word_count=quoted,
            citations=[
                CitationInfo(
                    position=position,
                    source_keys=tuple(dict.fromkeys(cite.key for cite in cites)),
                    locator=cites[0].locator,
                    html=clean_author_html(html).strip(),
                )
                for position, (cites, html) in enumerate(state.in_text, 1)
            ],
        )

    def text(self, element, skip):
        return plain_text(element, skip, self.md.htmlStash.rawHtmlBlocks)

    def spans(self, blockquote, skip):
        """The quoted words as the source has them: cut at omissions and interpolations."""
        breaks = {
            span for span in blockquote.iter("span") if span.get("class") in ("omission", "interpolation")
        }
        text = plain_text(blockquote, skip, self.md.htmlStash.rawHtmlBlocks, breaks)
        return [span.strip() for span in text.split(SPAN_BREAK)]

    @staticmethod
    def enclosing_excerpt(element, parents, state):
        """The excerpt figure whose blockquote holds ``element``, if any."""
        node = parents.get(element)
        while node is not None:
            parent = parents.get(node)
            if node.tag == "blockquote" and parent is not None and parent in state.excerpts:
                return parent
            node = parent
        return None

    def footnote_info(self, note):
        if note.cites:
            note_html = note.html
            keys = tuple(dict.fromkeys(cite.key for cite in note.cites))
        else:
            note_html = self.item_html(note.item)
            keys = tuple(note.inline_keys)
        return FootnoteInfo(
            number=note.number,
            source_key=note.cites[0].key if note.cites else None,
            locator=note.cites[0].locator if note.cites else "",
            html=clean_author_html(note_html).strip(),
            label=note.label,
            source_keys=keys,
            references=len(note.references),
        )

    def item_html(self, item):
        """A plain note's HTML as the page shows it, less its back-links."""
        holder = etree.Element("div")
        holder.text = item.text
        for child in item:
            holder.append(copy.deepcopy(child))
        for parent in list(holder.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if child.get("class") == "footnote-backref":
                    parent.remove(child)
                    if index:
                        parent[index - 1].tail = (parent[index - 1].tail or "").rstrip()
                    else:
                        parent.text = (parent.text or "").rstrip()
        fragment = self.md.serializer(holder)[len("<div>") : -len("</div>")]
        for postprocessor in self.md.postprocessors:
            fragment = postprocessor.run(fragment)
        return fragment
