"""Excerpts: blockquotes whose last paragraph attributes them, as in ``> — [@key]``.

Runs on the parsed tree before inline processing, while paragraphs still hold
their Markdown source. A blockquote becomes
``<figure class="excerpt"><blockquote cite=…>…</blockquote><figcaption>…``
when its last paragraph starts with a dash (``—``, ``--``, ``---``, ``–``) or
its last line is a dash and a citation. The attribution may be:

- a citation, ``— [@key]``, ``— [see @a, 3–5]``: the caption shows the
  source's ``attribution()``, linked to the passage in the source's URL
  (``fragments``), and the note reference, the blockquote cites the source's URL;
- free text then a citation, ``— Mill, in 1859 [@mill1859]``: the caption
  shows the text and the note reference;
- free text alone, ``— Oscar Wilde``: an excerpt with no source;
- nothing, ``—``: an excerpt with no source, reported as an error.

A blockquote without such a paragraph stays a plain blockquote: it is not an
excerpt, is not recorded, and gets no interpolations or omissions, because
without an attribution there is no telling whose words it holds.
"""

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, replace
from html import escape

from markdown.blockprocessors import BlockQuoteProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from blog.rendering.cites import KEY_IN_TEXT_RE, CitationError, parse_citation
from blog.rendering.fragments import passage_url
from blog.rendering.inline import EXCERPT_TAG

_DASH = r"(?:—|―|–|-{2,3}(?!-))"
ATTRIBUTION_RE = re.compile(rf"^[ ]*{_DASH}[ \t]*(?P<rest>.*)$", re.DOTALL)
_LAST_LINE_RE = re.compile(rf"\n[ ]*(?P<line>{_DASH}[^\n]*\][ \t]*)$")
_TRAILING_CITATION_RE = re.compile(r"\[([^\[\]]*)\][ \t]*$")


@dataclass(frozen=True)
class ExcerptMeta:
    """What an excerpt's attribution named; the outline reads it after rendering."""

    cites: tuple = ()
    link: tuple | None = None  # (stash index, source URL) of the caption's link, for ``passage_link``

    @property
    def source_key(self):
        return self.cites[0].key if self.cites else None

    @property
    def locator(self):
        return self.cites[0].locator if self.cites else ""

    @property
    def prefix(self):
        return self.cites[0].prefix if self.cites else ""


class SeparateBlockQuoteProcessor(BlockQuoteProcessor):
    """Blockquotes as CommonMark has them: a blank line without ``>`` ends one.

    Python-Markdown merges a blockquote into the one before it, which would
    run two excerpts (or a plain quote and an excerpt) together.
    """

    def run(self, parent, blocks):
        block = blocks.pop(0)
        match = self.RE.search(block)
        if match:
            self.parser.parseBlocks(parent, [block[: match.start()]])
            block = "\n".join(self.clean(line) for line in block[match.start() :].split("\n"))
        quote = etree.SubElement(parent, "blockquote")
        self.parser.state.set("blockquote")
        self.parser.parseChunk(quote, block)
        self.parser.state.reset()


def split_attribution(paragraph):
    """The attribution's text after the dash, or None when the paragraph holds none.

    Cuts a trailing ``— [@key]`` line off a paragraph that quotes above it.
    """
    text = paragraph.text or ""
    if len(paragraph) or not text.strip():
        return None
    match = ATTRIBUTION_RE.match(text)
    if match:
        paragraph.text = ""
        return match["rest"].strip()
    match = _LAST_LINE_RE.search(text)
    if match and _TRAILING_CITATION_RE.search(match["line"]):
        paragraph.text = text[: match.start()]
        return ATTRIBUTION_RE.match(match["line"])["rest"].strip()
    return None


class ExcerptTreeprocessor(Treeprocessor):
    """Wrap attributed blockquotes in ``figure.excerpt`` with a ``figcaption``."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        # Each child's place in its parent, found once: a search per excerpt was quadratic.
        places = {child: (parent, index) for parent in root.iter() for index, child in enumerate(parent)}
        for blockquote in list(root.iter("blockquote")):
            if len(blockquote) and blockquote[-1].tag == "p":
                rest = split_attribution(blockquote[-1])
                if rest is not None:
                    self.make_excerpt(*places[blockquote], blockquote, rest)

    def make_excerpt(self, parent, index, blockquote, rest):
        state = self.extension.state
        if not (blockquote[-1].text or "").strip():
            blockquote.remove(blockquote[-1])
        figure = etree.Element("figure", {"class": "excerpt"})
        parent[index] = figure
        figure.append(blockquote)
        blockquote.tag = EXCERPT_TAG
        if not len(blockquote):
            state.error("An excerpt has an attribution but no quoted text above it.")

        free, cites = rest, ()
        match = _TRAILING_CITATION_RE.search(rest)
        if match and KEY_IN_TEXT_RE.search(match[1]):
            try:
                free, cites = rest[: match.start()].strip().rstrip(","), parse_citation(match[1])
            except CitationError as exc:
                state.error(str(exc))
        elif KEY_IN_TEXT_RE.search(rest):
            state.error(f"The attribution “— {rest}” is not a citation: write it as “— [@key]”.")
        meta = state.excerpts[figure] = ExcerptMeta(cites=cites)
        if not rest:
            state.error(
                "An excerpt’s attribution is empty: name the source after the dash, as in “— [@key]”."
            )
            return

        caption = etree.SubElement(figure, "figcaption")
        known = [state.sources[cite.key] for cite in cites if cite.key in state.sources]
        if free or not cites:
            caption.text = "— " + free
        elif len(known) == len(cites):
            url = source_url(known[0])
            if url:
                blockquote.set("cite", url)
            attributions = "; ".join(state.attribution(source) for source in known)
            html = f'<span class="excerpt-source">{attributions}</span>'
            if url:
                html = f'<a href="{escape(url)}">{html}</a>'
            caption.text = AtomicString("— " + self.md.htmlStash.store(html))
            if url:
                state.excerpts[figure] = replace(meta, link=(self.md.htmlStash.html_counter - 1, url))
        else:
            caption.text = "— "
        if cites:
            caption.append(state.citation_element(cites))


def source_url(source):
    """The source's URL when it is a web address, else an empty string."""
    url = str(getattr(source, "url", "") or "").strip()
    return url if url.lower().startswith(("http://", "https://")) else ""


def passage_link(stash, meta, spans):
    """Point the caption's link of an excerpt at its passage: the source's URL with a text fragment.

    The caption was stashed as HTML before the quoted text was known; the
    outline calls this once the spans are read.
    """
    index, url = meta.link
    old = f'<a href="{escape(url)}">'
    stash.rawHtmlBlocks[index] = f'<a href="{escape(passage_url(url, spans))}">' + stash.rawHtmlBlocks[
        index
    ].removeprefix(old)


_FIGURE_TAG_RE = re.compile(r'<figure class="excerpt">|<figure\b[^>]*>|</figure>')


def after_excerpts(html, notes):
    """``html`` (a stored rendering) with ``notes[position]`` (HTML) set just after excerpt ``position``.

    Excerpts are numbered as the pipeline numbers them, in the order their
    ``<figure class="excerpt">`` opens; one scan of the figure tags, linear.
    """
    if not notes:
        return html
    pieces, done, open_figures, count = [], 0, [], 0
    for match in _FIGURE_TAG_RE.finditer(html):
        if match[0] == "</figure>":
            position = open_figures.pop() if open_figures else None
            if position in notes:
                pieces += [html[done : match.end()], notes[position]]
                done = match.end()
        elif match[0] == '<figure class="excerpt">':
            count += 1
            open_figures.append(count)
        else:
            open_figures.append(None)
    return "".join(pieces) + html[done:]
