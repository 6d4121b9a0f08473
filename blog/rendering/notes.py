"""Numbering notes in reading order, and the final markup of every dialect element.

Citations and ``[^label]`` references share one sequence, numbered by first
reference. A citation's note is its sources' notes joined by "; " (Chicago:
the full note the first time a source is cited in the post, the short note
after), with the author's prefix and suffix. Every citation makes a note of
its own, even one repeating an earlier citation word for word: Chicago does
not reuse note numbers, and a later citation is a new short note, never
"Ibid.", which CMOS 17 (14.34) discourages and the 18th edition drops. A
narrative citation, ``@key``, names the author in the text (full name first,
surname after) and leaves the author out of its note. Each note links back to
every reference: references are ``sup#fnref-N`` then ``sup#fnref-N-2``…,
notes ``li#fn-N`` in ``section.footnotes > ol`` at the end of the post, where
a stylesheet can also float them into the margin as sidenotes.

A citation inside a plain footnote's text is written out in the note itself,
not given a note of its own; a narrative one there reads "Author (the note)".
"""

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from blog.rendering import inline
from blog.rendering.cites import citation_text

BACKREF_MARK = "\u21a9\ufe0e"  # ↩ drawn as text, not as an emoji
_TEXT_ALIGN_RE = re.compile(r"text-align:\s*(left|right|center)")


@dataclass
class Note:
    """One numbered note while the tree is being finished."""

    number: int
    cites: tuple = ()
    label: str | None = None
    html: str = ""
    item: etree.Element | None = None
    references: list = field(default_factory=list)
    inline_keys: dict = field(default_factory=dict)  # an ordered set


def strip_final_period(html):
    """A note's text without its closing full stop, for all but the last note in a group."""
    if html.endswith(".”"):
        return html[:-2] + "”"
    return html[:-1] if html.endswith(".") else html


def with_suffix(html, suffix):
    """A note followed by the author's suffix, a comma going inside closing quotes (CMOS 6.9)."""
    html, suffix = strip_final_period(html), escape(suffix, quote=False)
    if suffix[0] == "," and html.endswith("”"):
        html, suffix = html[:-1] + ",”", suffix[1:]
    elif suffix[0] not in ",;:.":
        suffix = " " + suffix
    return html + suffix + ("" if suffix.rstrip()[-1:] in ".?!" else ".")


class NotesTreeprocessor(Treeprocessor):
    """Number references, build the notes list, and dress the dialect's elements."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        self.state = self.extension.state
        self.notes = {}
        self.ordered = []
        self.inline_citations = 0
        self.cited_sources = set()
        holder = next((child for child in root if child.tag == inline.NOTES_TAG), None)
        if holder is not None:
            root.remove(holder)
        if self.state.style is not None:
            self.cite_in_text(root)
        self.number_references(root.iter())
        self.finish_definitions()
        if self.notes:
            root.append(self.notes_section())
        self.state.notes = list(self.notes.values())
        self.dress(root)

    def number_references(self, elements, within=None):
        for element in list(elements):
            if element.tag == inline.FOOTNOTE_REF_TAG:
                label = element.attrib.pop("label")
                note = self.notes.get(("label", label)) or self.add_note(label=label)
                self.reference(note, element, f"[^{label}]")
            elif element.tag == inline.CITE_TAG:
                cites = self.state.citation_groups[int(element.attrib.pop("group"))]
                if within is not None:
                    self.cite_inline(within, cites, element)
                    continue
                if cites[0].narrative:
                    element = self.narrate(element, cites[0])
                self.reference(self.add_note(cites=cites), element, citation_text(cites))

    def cite_in_text(self, root):
        """Under an in-text style, every citation, in the text and in plain notes, is set in line."""
        elements = [
            element
            for tree in (root, *self.state.definition_items.values())
            for element in tree.iter(inline.CITE_TAG)
        ]
        groups = [self.state.citation_groups[int(element.attrib.pop("group"))] for element in elements]
        rendered = self.state.cite_in_text(groups) if groups else []
        for element, cites, html in zip(elements, groups, rendered, strict=True):
            element.tag = "span"
            element.attrib = {"class": "citation-narrative" if cites[0].narrative else "citation"}
            element.text = AtomicString(self.md.htmlStash.store(html))
            self.state.note_refs.add(element)
            self.state.in_text.append((cites, html))

    def narrate(self, element, cite):
        """Name a narrative citation's author in the text; returns the element for its note reference."""
        author = self.state.narrative(cite, short=cite.key in self.cited_sources)
        element.tag = "span"
        element.attrib = {"class": "citation-narrative"}
        element.text = AtomicString(self.md.htmlStash.store(author))
        return etree.SubElement(element, inline.CITE_TAG)

    def add_note(self, **fields):
        """A new note, or None past ``max_notes`` (reported)."""
        limit = self.state.limits.max_notes
        if len(self.notes) >= limit:
            self.state.error(
                f"The post has more than {limit:,} notes, the limit; "
                "the references past it are shown as written."
            )
            return None
        note = Note(number=len(self.notes) + 1, **fields)
        if note.cites:
            note.html = self.citation_html(note.cites)
        self.notes[("label", note.label) if note.label is not None else ("cites", note.number)] = note
        self.ordered.append(note)
        return note

    def reference(self, note, element, written):
        limit = self.state.limits.max_references
        if note is None or len(note.references) >= limit:
            if note is not None:
                self.state.error(
                    f"Note {note.number} is referred to more than {limit:,} times, the limit; "
                    "the references past it are shown as written."
                )
            element.tag = "span"
            element.attrib.clear()
            element.text = AtomicString(written)
            return
        note.references.append(element)
        count = len(note.references)
        element.tag = "sup"
        element.attrib.update({"id": ref_id(note.number, count), "class": "footnote-ref"})
        link = etree.SubElement(
            element,
            "a",
            {"href": f"#fn-{note.number}", "role": "doc-noteref", "aria-label": f"Note {note.number}"},
        )
        link.text = AtomicString(str(note.number))
        self.state.note_refs.add(element)

    def citation_html(self, cites):
        parts = []
        for index, cite in enumerate(cites):
            text = self.state.note(cite, short=cite.key in self.cited_sources)
            self.cited_sources.add(cite.key)
            if cite.suffix:
                text = with_suffix(text, cite.suffix)
            if cite.prefix:
                prefix = escape(cite.prefix, quote=False)
                if index == 0:
                    prefix = prefix[:1].upper() + prefix[1:]
                text = f"{prefix} {text}"
            parts.append(text)
        return "; ".join([strip_final_period(part) for part in parts[:-1]] + parts[-1:])

    def cite_inline(self, note, cites, element):
        """A citation inside a plain footnote: its note's text goes in line."""
        self.inline_citations += 1
        limit = self.state.limits.max_notes
        if self.inline_citations > limit:
            self.state.error(
                f"The notes cite sources more than {limit:,} times, the limit; "
                "the citations past it are shown as written."
            )
            self.reference(None, element, citation_text(cites))
            return
        note.inline_keys.update(dict.fromkeys(cite.key for cite in cites))
        author = ""
        if cites[0].narrative:
            author = self.state.narrative(cites[0], short=cites[0].key in self.cited_sources)
        html = self.citation_html(cites)
        if author:
            html = f"{author} ({strip_final_period(html)})"
        element.tag = "span"
        element.attrib["class"] = "citation"
        element.text = AtomicString(self.md.htmlStash.store(html))

    def finish_definitions(self):
        """Walk plain notes' own texts (they may cite or refer on), then notes nobody refers to.

        Notes are walked in number order, each once, the ones their texts
        add included; then the first definition nobody refers to becomes the
        next note, and so on.
        """
        items = self.state.definition_items
        notes = self.ordered
        walked = 0
        labels = iter(items)
        while True:
            while walked < len(notes):
                note = notes[walked]
                walked += 1
                if note.label is not None:
                    note.item = items[note.label]
                    self.number_references(note.item.iter(), within=note)
            label = next((label for label in labels if ("label", label) not in self.notes), None)
            if label is None:
                return
            self.state.error(f"The footnote “[^{label}]” is never referred to in the text.")
            if self.add_note(label=label) is None:
                return

    def notes_section(self):
        section = etree.Element(
            "section", {"class": "footnotes", "role": "doc-endnotes", "aria-label": "Notes"}
        )
        ordered = etree.SubElement(section, "ol")
        for note in self.notes.values():
            item = note.item if note.item is not None else etree.Element("li")
            if note.cites:
                etree.SubElement(item, "p").text = AtomicString(self.md.htmlStash.store(note.html))
            item.attrib = {"id": f"fn-{note.number}"}
            ordered.append(item)
            self.add_backrefs(note, item)
        return section

    def add_backrefs(self, note, item):
        if not note.references:
            return
        paragraph = item[-1] if len(item) and item[-1].tag == "p" else etree.SubElement(item, "p")
        for count in range(1, len(note.references) + 1):
            backref = etree.SubElement(
                paragraph,
                "a",
                {
                    "href": f"#{ref_id(note.number, count)}",
                    "class": "footnote-backref",
                    "role": "doc-backlink",
                },
            )
            # The arrow (and a repeat count) is what sighted readers see; a screen
            # reader hears the hidden words instead, so the link's name is its text.
            mark = etree.SubElement(backref, "span", {"aria-hidden": "true"})
            mark.text = AtomicString(BACKREF_MARK)
            if count > 1:
                etree.SubElement(mark, "sup").text = AtomicString(str(count))
            spoken = etree.SubElement(backref, "span", {"class": "visually-hidden"})
            spoken.text = AtomicString(
                f"Back to reference {note.number}" + (f", use {count}" if len(note.references) > 1 else "")
            )
            backref.tail = " " if count < len(note.references) else None
            if count == 1:
                previous = paragraph[-2] if len(paragraph) > 1 else None
                if previous is None:
                    spaced = (paragraph.text or "").rstrip() + " "
                    atomic = isinstance(paragraph.text, AtomicString)
                    paragraph.text = AtomicString(spaced) if atomic else spaced
                else:
                    previous.tail = (previous.tail or "").rstrip() + " "

    def dress(self, root):
        """Give the placeholder elements their public markup."""
        for element in list(root.iter()):
            tag = element.tag
            if tag == inline.EXCERPT_TAG:
                element.tag = "blockquote"
            elif tag == inline.ASIDE_TAG:
                self.dress_aside(element)
            elif tag == inline.INTERPOLATION_TAG:
                element.tag = "span"
                element.attrib = {"class": "interpolation", "title": "Inserted by the author"}
                bracket(element)
            elif tag == inline.OMISSION_TAG:
                element.tag = "span"
                element.attrib = {
                    "class": "omission",
                    "title": "text omitted",
                    "role": "img",
                    "aria-label": "text omitted",
                }
            elif tag == "h1":
                element.tag = "h2"  # the page's title is the h1
            elif tag in ("td", "th") and "style" in element.attrib:
                align = _TEXT_ALIGN_RE.search(element.attrib.pop("style"))
                if align:
                    element.set("class", f"align-{align[1]}")

    def dress_aside(self, element):
        label = element.attrib.pop("label")
        element.tag = "span"
        element.attrib = {"class": f"aside aside-{label.lower()}", "role": "note"}
        text, element.text = element.text, "["
        marker = etree.Element("span", {"class": "aside-label"})
        marker.text = AtomicString(f"{label}:")
        marker.tail = " " + (text or "")
        element.insert(0, marker)
        self.state.asides[element] = (label, marker)
        close_bracket(element)


def bracket(element):
    element.text = "[" + (element.text or "")
    close_bracket(element)


def close_bracket(element):
    if len(element):
        element[-1].tail = (element[-1].tail or "") + "]"
    else:
        element.text = (element.text or "") + "]"


def ref_id(number, count):
    return f"fnref-{number}" if count == 1 else f"fnref-{number}-{count}"
