"""``## Heading {#anchor}``: a heading with the id that in-page links point at.

Only this one form of Python-Markdown's ``attr_list`` syntax, only on
headings, and only an id: classes and other attributes are not for authors
to set. ``\\{#`` writes the braces themselves. The pattern starts at a
brace and its id holds none, so a search tries each brace once: linear.
"""

import re

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ANCHOR_RE = re.compile(r"(?<!\\)\{#([A-Za-z][\w.:-]*)\}[ \t]*$")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# Before the inline pass (20), while a heading's text is still its source line.
PRIORITY = 30


class AnchorTreeprocessor(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in HEADINGS and element.text and len(element) == 0:
                match = ANCHOR_RE.search(element.text)
                if match:
                    element.set("id", match[1])
                    element.text = element.text[: match.start()].rstrip()


class AnchorExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(AnchorTreeprocessor(md), "cp-anchors", PRIORITY)
