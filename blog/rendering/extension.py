"""The commentary dialect as one Python-Markdown extension, and its per-render state.

Order of work on the tree (treeprocessor priorities; Python-Markdown's inline
pass is 20, smart punctuation 6, unescaping 0):

- 25 ``excerpts``: attributed blockquotes become excerpts;
- 24 ``cp-definitions``: ``[^label]:`` texts are parsed into list items so the
  inline pass reaches them;
- 20 inline patterns from ``inline.py`` mark asides, citations and the rest;
- 15 ``notes``: number notes in reading order, build ``section.footnotes``,
  give the marked elements their final tags and classes;
- -10 ``outline``: read the finished tree into the ``Rendering`` structure;
- -15 ``contents``: ids and § links on section headings, and a table of contents;
- -20 ``sidenotes``: copy each note after its references, for the margin.
"""

import xml.etree.ElementTree as etree
from html import escape

from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from blog.rendering import brackets, inline
from blog.rendering.cites import citation_text
from blog.rendering.contents import ContentsTreeprocessor
from blog.rendering.excerpts import ExcerptTreeprocessor, SeparateBlockQuoteProcessor
from blog.rendering.limits import MAX_MESSAGES, Limits
from blog.rendering.notes import NotesTreeprocessor
from blog.rendering.outline import OutlineTreeprocessor
from blog.rendering.sidenotes import SidenotesTreeprocessor
from citations.keys import cite_key


class RenderState:
    """Everything one render learns: sources in, errors and structure out."""

    def __init__(self, sources, limits=None, style=None):
        self.sources = sources
        self.limits = limits or Limits()
        self.style = style
        self.in_text = []
        self.messages = {}
        self.cited_keys = {}  # an ordered set
        self.citation_groups = []
        self.citations_read = 0
        self.definitions = {}
        self.definition_items = {}
        self.excerpts = {}
        self.asides = {}
        self.notes = []
        self.note_refs = set()
        self.outline = None

    def error(self, message):
        self.messages.setdefault(message, None)

    @property
    def errors(self):
        """The problems found, each once; past ``MAX_MESSAGES`` only counted."""
        messages = list(self.messages)
        if len(messages) <= MAX_MESSAGES:
            return messages
        more = len(messages) - MAX_MESSAGES
        return [*messages[:MAX_MESSAGES], f"… and {more:,} more problems of the kinds above."]

    def citation_allowed(self):
        """Count a citation; past ``max_notes`` of them (known or not) it stays text, reported once.

        Each rendered citation costs Python-Markdown a pass over the rest of
        its paragraph, so a text of nothing but ``@k1 @k2 …`` must stop somewhere.
        """
        self.citations_read += 1
        if self.citations_read <= self.limits.max_notes:
            return True
        self.error(
            f"The post has more than {self.limits.max_notes:,} citations, the limit; "
            "the citations past it are shown as written."
        )
        return False

    def citation_element(self, cites):
        """The element standing for a citation: a note reference to come, or the text flagged unknown."""
        if len(cites) > self.limits.max_citation_keys:
            self.error(
                f"A citation names {len(cites):,} sources; the limit is {self.limits.max_citation_keys:,}. "
                "Split it into several citations."
            )
            return inline.plain_text(citation_text(cites))
        self.cited_keys.update(dict.fromkeys(cite.key for cite in cites))
        unknown = [cite.key for cite in cites if cite.key not in self.sources]
        for key in unknown:
            self.error(
                f"Unknown source “{cite_key(key)}”: add it to the library or correct the key "
                "(write “\\@” for an at sign that cites nothing)."
            )
        if unknown:
            element = etree.Element("span", {"class": "citation-unknown", "title": "Unknown source"})
            element.text = AtomicString(citation_text(cites, frozenset(unknown)))
            self.note_refs.add(element)
            return element
        self.citation_groups.append(cites)
        return etree.Element(inline.CITE_TAG, {"group": str(len(self.citation_groups) - 1)})

    def note(self, cite, *, short):
        """A source's note as HTML; a source that cannot format itself is reported, not raised.

        A narrative citation's note leaves out the author, whom the text names.
        """
        try:
            source = self.sources[cite.key]
            return str(
                source.note(
                    cite.value,
                    short=short,
                    label=cite.label,
                    suppress_author=cite.suppress_author or cite.narrative,
                )
            )
        except Exception as exc:  # a broken source must not take the page down
            self.error(f"The source “{cite_key(cite.key)}” could not format its note ({type(exc).__name__}).")
            return escape(citation_text((cite,)))

    def narrative(self, cite, *, short):
        """The author a narrative citation names in the text, as HTML (reported like ``note``)."""
        try:
            return str(self.sources[cite.key].narrative(short=short))
        except Exception as exc:  # as in note()
            self.error(
                f"The source “{cite_key(cite.key)}” could not format its author ({type(exc).__name__})."
            )
            return escape(cite_key(cite.key))

    def cite_in_text(self, groups):
        """The in-text style's HTML for each citation group (reported like ``note``)."""
        items = {cite.key: self.sources[cite.key].csl_item() for cites in groups for cite in cites}
        try:
            return [str(html) for html in self.style.cite(groups, items)]
        except Exception as exc:  # as in note()
            self.error(f"The citations could not be formatted in the site's style ({type(exc).__name__}).")
            return [escape(citation_text(cites)) for cites in groups]

    def attribution(self, source):
        try:
            return str(source.attribution())
        except Exception as exc:  # as in note()
            problem = type(exc).__name__
            self.error(f"The source “{cite_key(source.key)}” could not format its attribution ({problem}).")
            return escape(str(getattr(source, "key", "")))


class DefinitionsTreeprocessor(Treeprocessor):
    """Parse each ``[^label]:`` text into a list item held at the end of the tree."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        state = self.extension.state
        if not state.definitions:
            return
        holder = etree.SubElement(root, inline.NOTES_TAG)
        for label, text in state.definitions.items():
            item = etree.SubElement(holder, "li")
            self.md.parser.parseChunk(item, text)
            state.definition_items[label] = item


class CommentaryExtension(Extension):
    """Python-Markdown extension for the dialect; ``state`` is replaced before each render."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.state = RenderState({})

    def extendMarkdown(self, md):
        md.registerExtension(self)
        md.ESCAPED_CHARS.append("@")  # "\@" for an at sign that is not a citation
        self.md = md
        self.parser = md.parser
        md.parser.blockprocessors.register(SeparateBlockQuoteProcessor(md.parser), "quote", 20)
        md.parser.blockprocessors.register(FootnoteBlockProcessor(self), "footnote", 17)
        brackets.register(md)
        inline.register(md, self)
        md.treeprocessors.register(ExcerptTreeprocessor(md, self), "excerpts", 25)
        md.treeprocessors.register(DefinitionsTreeprocessor(md, self), "cp-definitions", 24)
        md.treeprocessors.register(NotesTreeprocessor(md, self), "notes", 15)
        md.treeprocessors.register(OutlineTreeprocessor(md, self), "outline", -10)
        md.treeprocessors.register(ContentsTreeprocessor(md), "contents", -15)
        md.treeprocessors.register(SidenotesTreeprocessor(md, self), "sidenotes", -20)

    def setFootnote(self, label, text):  # noqa: N802 (the name FootnoteBlockProcessor calls)
        """Keep a ``[^label]:`` definition's Markdown; the first of two with one label wins."""
        if label in self.state.definitions:
            self.state.error(f"The footnote “[^{label}]” is defined twice; the first text is used.")
        else:
            self.state.definitions[label] = text

    def start(self, sources, limits=None, style=None):
        self.state = RenderState(sources, limits, style)

    def reset(self):
        self.state = RenderState({})
