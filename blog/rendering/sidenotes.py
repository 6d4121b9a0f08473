"""Sidenotes: a copy of each note right after each reference to it in the running text.

The stylesheet floats ``span.sidenote`` into the margin on wide screens, where
each note then sits level with the line that calls it (floats that clear one
another never overlap: a note that would is pushed below the one before), and
hides it elsewhere and in print, where the list at the end is shown instead. So
notes are beside their lines without JavaScript.

A sidenote sits inside a paragraph, so its content must be phrasing content:
the note's paragraphs, lists and other blocks become spans (``sidenote-p``,
``sidenote-li``…) that the stylesheet sets as blocks. A note holding raw HTML
with a block element, or called only from a table cell or another note, gets
no sidenote: it stays in the list at the end on every screen. The list's items
that have one are marked ``sidenoted`` (and the list itself when all are), so
wide screens hide only those; each item carries its number as ``value`` so the
numbering holds when some are hidden.

Runs after ``outline``, so word counts and the stored notes never see the copies.
"""

import copy
import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

PHRASING_TAGS = frozenset(
    {
        "a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "ins", "kbd", "mark", "q",
        "s", "samp", "small", "span", "strong", "sub", "sup", "var",
    }
)  # fmt: skip
_RAW_HTML_PLACEHOLDER_RE = re.compile("\x02wzxhzdk:(\\d+)\x03")
_BLOCK_TAG_RE = re.compile(r"<(?!/?(?:{})\b)/?[a-zA-Z]".format("|".join(sorted(PHRASING_TAGS))))
_NOT_FLOATED = frozenset({"table", "section"})  # table cells are boxes of their own; the notes list


class SidenotesTreeprocessor(Treeprocessor):
    """Insert ``span.sidenote`` after each reference in the running text and mark the list."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        notes = self.extension.state.notes
        if not notes:
            return
        contents = {note.number: self.phrasing_content(note) for note in notes}
        by_reference = {id(reference): note for note in notes for reference in note.references}
        placed = set()
        for parent, index, note in self.references(root, by_reference):
            content = contents[note.number]
            if content is None:
                continue
            reference = parent[index]
            sidenote = self.sidenote(note.number, content)
            sidenote.tail, reference.tail = reference.tail, None
            parent.insert(index + 1, sidenote)
            placed.add(note.number)
        self.mark_list(root, notes, placed)

    def references(self, root, by_reference):
        """``(parent, index, note)`` of each reference outside tables and the notes list, last first.

        Last first, so inserting after one leaves the indexes of those still to come.
        """
        found = []
        stack = [root]
        while stack:
            parent = stack.pop()
            for index, child in enumerate(parent):
                note = by_reference.get(id(child))
                if note is not None:
                    found.append((parent, index, note))
                elif child.tag not in _NOT_FLOATED:
                    stack.append(child)
        found.sort(key=lambda entry: (id(entry[0]), -entry[1]))
        return found

    def phrasing_content(self, note):
        """The note's content as phrasing elements (a holder span), or None when it cannot be."""
        holder = etree.Element("span")
        if note.cites:
            holder.text = AtomicString(self.md.htmlStash.store(note.html))
            return holder
        item = note.item
        if item is None:
            return None
        holder.text = item.text
        for child in item:
            holder.append(copy.deepcopy(child))
        for element in list(holder.iter()):
            for child in list(element):
                if child.get("class") == "footnote-backref":
                    element.remove(child)
        for child in list(holder):
            if not len(child) and not (child.text or "").strip():
                holder.remove(child)  # the paragraph that held only back-links
        for element in holder.iter():
            if self.holds_block_html(element.text) or self.holds_block_html(element.tail):
                return None
            element.attrib.pop("id", None)
            if element is not holder and element.tag not in PHRASING_TAGS:
                element.set("class", f"sidenote-block sidenote-{element.tag}")
                element.tag = "span"
        return holder

    def holds_block_html(self, text):
        stash = self.md.htmlStash.rawHtmlBlocks
        for match in _RAW_HTML_PLACEHOLDER_RE.finditer(text or ""):
            index = int(match[1])
            if index < len(stash) and _BLOCK_TAG_RE.search(str(stash[index])):
                return True
        return False

    @staticmethod
    def sidenote(number, content):
        attributes = {"class": "sidenote", "role": "note", "aria-label": f"Note {number}"}
        sidenote = etree.Element("span", attributes)
        marker = etree.Element("span", {"class": "sidenote-number", "aria-hidden": "true"})
        marker.text = AtomicString(str(number))
        marker.tail = " "
        children = [copy.deepcopy(child) for child in content]
        if children and not (content.text or "").strip():
            # The number starts the note's first paragraph, not a line of its own.
            first = children[0]
            marker.tail += first.text or ""
            first.text = None
            first.insert(0, marker)
            sidenote.extend(children)
        else:
            marker.tail += content.text or ""
            sidenote.insert(0, marker)
            sidenote.extend(children)
        return sidenote

    @staticmethod
    def mark_list(root, notes, placed):
        section = next(
            (child for child in root if child.tag == "section" and child.get("class") == "footnotes"), None
        )
        if section is None:
            return
        if len(placed) == len(notes):
            section.set("class", "footnotes sidenoted")
        for item in section.iter("li"):
            number = item.get("id", "").removeprefix("fn-")
            if number.isdigit():
                item.set("value", number)
                if int(number) in placed:
                    item.set("class", "sidenoted")


_SIDENOTE_START_RE = re.compile(r'<span [^>]*\bclass="sidenote"')
_SPAN_TAG_RE = re.compile(r"<(/?)span\b[^>]*>")


def without_sidenotes(html: str) -> str:
    """Rendered HTML without its sidenotes, for readers that show no stylesheet (feeds, plain text).

    The list at the end holds every note. One pass over the text: the HTML is
    the sanitizer's, so every span is closed.
    """
    pieces, position = [], 0
    while (start := _SIDENOTE_START_RE.search(html, position)) is not None:
        pieces.append(html[position : start.start()])
        depth, end = 0, len(html)
        for tag in _SPAN_TAG_RE.finditer(html, start.start()):
            depth += -1 if tag[1] else 1
            if depth == 0:
                end = tag.end()
                break
        position = end
    pieces.append(html[position:])
    return "".join(pieces)
