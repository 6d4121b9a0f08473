"""Inline processors for the dialect's bracketed forms.

Each processor leaves an element with a placeholder tag (``cp-…``) that
``notes.NotesTreeprocessor`` later numbers or dresses as the final markup, so
that numbering follows reading order rather than the order Python-Markdown
visits the tree. Interpolations and omissions exist only inside an excerpt:
``excerpts.ExcerptTreeprocessor`` renames an excerpt's blockquote to
``EXCERPT_TAG`` until inline processing is over, and these processors look
for that tag among the inline processor's ancestors. Code spans never reach
them: the backtick pattern runs first and stores code as atomic text.
"""

import re
import xml.etree.ElementTree as etree

from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from blog.rendering.brackets import Pairs
from blog.rendering.cites import (
    CITATION_RE,
    KEY_IN_TEXT_RE,
    NARRATIVE_RE,
    CitationError,
    parse_citation,
    parse_narrative,
)

EXCERPT_TAG = "cp-excerpt"
ASIDE_TAG = "cp-aside"
INTERPOLATION_TAG = "cp-interpolation"
OMISSION_TAG = "cp-omission"
CITE_TAG = "cp-cite"
FOOTNOTE_REF_TAG = "cp-fnref"
NOTES_TAG = "cp-notes"

ASIDE_LABELS = ("Comment", "Note", "Aside", "Update")

_ASIDE_START_RE = re.compile(r"(?i:" + "|".join(ASIDE_LABELS) + r"):")
_ESCAPED_CHAR_RE = re.compile("\x02(\\d+)\x03")


class DialectProcessor(InlineProcessor):
    """An inline processor that reports problems into the render's state."""

    def __init__(self, pattern, md, extension):
        super().__init__(pattern, md)
        self.extension = extension

    @property
    def state(self):
        return self.extension.state

    def in_excerpt(self):
        return EXCERPT_TAG in self.md.treeprocessors["inline"].ancestors

    def plain(self, text):
        """Source text with code spans and backslash escapes put back, for messages and locators."""
        return _ESCAPED_CHAR_RE.sub(lambda match: chr(int(match[1])), self.unescape(text))


class AsideProcessor(DialectProcessor):
    """``[Comment: text]``: the author's words, anywhere in the post."""

    PATTERN = r"\[(?i:(" + "|".join(ASIDE_LABELS) + r")):"

    def __init__(self, pattern, md, extension):
        super().__init__(pattern, md, extension)
        self.brackets = Pairs()

    def handleMatch(self, m, data):
        close = self.brackets.closing(data, m.start())
        opening = self.plain(data[m.start() : m.start() + 60]).split("\n")[0]
        if close is None:
            self.state.error(f"The aside “{opening}…” is never closed: end it with “]”.")
            return None, None, None
        content = data[m.end() : close].strip()
        if not self.plain(content).strip():
            self.state.error(f"The aside “{opening}” is empty: write the comment after the colon.")
            return None, None, None
        aside = etree.Element(ASIDE_TAG, {"label": m.group(1).capitalize()})
        aside.text = content
        return aside, m.start(), close + 1


class FootnoteRefProcessor(DialectProcessor):
    """``[^label]``: a reference to a plain footnote defined elsewhere in the post."""

    PATTERN = r"\[\^([^\]\s]+)\]"

    def handleMatch(self, m, data):
        label = m.group(1)
        if label not in self.state.definitions:
            self.state.error(f"The footnote “[^{label}]” has no text: add a line “[^{label}]: …”.")
            return None, None, None
        return etree.Element(FOOTNOTE_REF_TAG, {"label": label}), m.start(), m.end()


class CitationProcessor(DialectProcessor):
    """``[see @key, p. 4; -@other]``: a citation, numbered later as a footnote.

    Runs after the link patterns, so that ``[@key](url)`` stays a link and a
    citation inside a link's text stays text (a note reference in a link
    would nest one link in another). A bracket that cannot be read, or is
    never closed, is reported and kept as written, its keys not read again
    as narrative citations.
    """

    PATTERN = CITATION_RE
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m, data):
        end = m.end()
        closer = data[end : end + 1]
        if closer == "]" and data[end + 1 : end + 2] in ("(", "[") or not self.state.citation_allowed():
            return None, None, None
        if closer != "]":
            text = self.plain(m.group(0)).rstrip()
            self.state.error(
                f"The citation “{text}” is never closed: end it with “]” (a citation holds no brackets)."
            )
            return plain_text(text), m.start(), end
        try:
            cites = parse_citation(self.plain(m.group(1)))
        except CitationError as exc:
            self.state.error(str(exc))
            return plain_text(self.plain(data[m.start() : end + 1])), m.start(), end + 1
        return self.state.citation_element(cites), m.start(), end + 1


class NarrativeProcessor(DialectProcessor):
    """``@key`` or ``@{key}``, with ``[p. 33]`` or not, in running text: the author named in the text,
    a note for the rest.

    Runs before interpolations, so ``@key [p. 33]`` in an excerpt is one
    citation; an address's ``/@name`` or ``name@host`` is not one, and
    ``\\@`` writes an at sign.
    """

    PATTERN = NARRATIVE_RE
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m, data):
        if not self.state.citation_allowed():
            return None, None, None
        bracket = None if m["bracket"] is None else self.plain(m["bracket"])
        try:
            cite = parse_narrative(m["braced"] or m["bare"], bracket)
        except CitationError as exc:
            self.state.error(str(exc))
            return plain_text(self.plain(m.group(0))), m.start(), m.end()
        return self.state.citation_element((cite,)), m.start(), m.end()


def plain_text(text):
    """A span showing ``text`` as written, for dialect the pipeline declined to render."""
    element = etree.Element("span")
    element.text = AtomicString(text)
    return element


class OmissionProcessor(DialectProcessor):
    """``…``, ``...`` or ``[…]`` inside an excerpt: words the author left out."""

    PATTERN = r"\[[ ]?(?:…|\.[ ]?\.[ ]?\.)[ ]?\]|…|\.[ ]?\.[ ]?\."
    ANCESTOR_EXCLUDES = (ASIDE_TAG,)

    def handleMatch(self, m, data):
        if not self.in_excerpt():
            return None, None, None
        omission = etree.Element(OMISSION_TAG)
        omission.text = AtomicString("[…]" if m.group().startswith("[") else "…")
        return omission, m.start(), m.end()


class InterpolationProcessor(DialectProcessor):
    """``[the militants]``, ``[sic]`` inside an excerpt: the author's insertion."""

    PATTERN = r"\[([^\[\]]+)\](?![(\[])"
    ANCESTOR_EXCLUDES = (ASIDE_TAG,)

    def handleMatch(self, m, data):
        content = m.group(1).strip()
        if (
            not self.in_excerpt()
            or not content
            or content.startswith("^")
            or KEY_IN_TEXT_RE.match(content)
            or _ASIDE_START_RE.match(content)
        ):
            return None, None, None
        interpolation = etree.Element(INTERPOLATION_TAG)
        interpolation.text = content
        return interpolation, m.start(), m.end()


def register(md, extension):
    """Add the dialect's processors around Python-Markdown's own.

    Theirs: code 190, escapes 180, reference links 170, links 160, images
    150, short references 130, autolinks 120, automail 110, emphasis 60. An aside's text is processed by
    every pattern after it, so it may hold links, citations and emphasis.
    """
    patterns = md.inlinePatterns
    patterns.register(AsideProcessor(AsideProcessor.PATTERN, md, extension), "cp-aside", 178)
    patterns.register(FootnoteRefProcessor(FootnoteRefProcessor.PATTERN, md, extension), "cp-fnref", 176)
    patterns.register(CitationProcessor(CitationProcessor.PATTERN, md, extension), "cp-cite", 155)
    patterns.register(NarrativeProcessor(NarrativeProcessor.PATTERN, md, extension), "cp-narrative", 126)
    patterns.register(OmissionProcessor(OmissionProcessor.PATTERN, md, extension), "cp-omission", 127)
    patterns.register(
        InterpolationProcessor(InterpolationProcessor.PATTERN, md, extension), "cp-interpolation", 124
    )
