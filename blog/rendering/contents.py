"""Section headings a reader can link to, and a table of contents for a post with several sections.

Each heading of the running text (not those inside quotes, lists or the
notes) gets an id, the author's ``{#anchor}`` or one made from its words,
and ends with a ``§`` link to itself. With ``MIN_HEADINGS`` or more, a
``nav.toc`` listing them goes before the first heading. Runs after
``outline``, so neither counts as the post's words.
"""

import re
import xml.etree.ElementTree as etree

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from blog.rendering.outline import plain_text

HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_WORD_RE = re.compile(r"[^\W_]+")
MIN_HEADINGS = 3


class ContentsTreeprocessor(Treeprocessor):
    def run(self, root):
        headings = [(index, child) for index, child in enumerate(root) if child.tag in HEADINGS]
        if not headings:
            return
        taken = {element.get("id") for element in root.iter() if element.get("id")}
        entries = []
        for _index, heading in headings:
            anchor = heading.get("id") or self.new_id(heading, taken)
            heading.set("id", anchor)
            entries.append((heading.tag, anchor, self.text(heading)))
            attributes = {
                "class": "heading-anchor",
                "href": f"#{anchor}",
                "aria-label": "Link to this section",
            }
            link = etree.SubElement(heading, "a", attributes)
            link.text = AtomicString("§")
        if len(headings) >= MIN_HEADINGS:
            root.insert(headings[0][0], self.contents(entries))

    def text(self, heading):
        references = {element for element in heading.iter("sup") if element.get("class") == "footnote-ref"}
        return plain_text(heading, skip=references, raw_html=self.md.htmlStash.rawHtmlBlocks)

    def new_id(self, heading, taken):
        base = "-".join(_WORD_RE.findall(self.text(heading).lower()))[:60].strip("-") or "section"
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        return anchor

    @staticmethod
    def contents(entries):
        nav = etree.Element("nav", {"class": "toc", "aria-label": "Contents"})
        title = etree.SubElement(nav, "h2", {"class": "toc-title"})
        title.text = "Contents"
        items = etree.SubElement(nav, "ol")
        top = min(tag for tag, _anchor, _text in entries)
        for tag, anchor, text in entries:
            item = etree.SubElement(items, "li", {"class": f"toc-level-{int(tag[1]) - int(top[1]) + 1}"})
            link = etree.SubElement(item, "a", {"href": f"#{anchor}"})
            link.text = AtomicString(text)
        return nav
