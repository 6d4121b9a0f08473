"""Marking the texts no inline pattern can change, so Python-Markdown's inline passes skip them.

Python-Markdown's inline processor tries every inline pattern on every text
and tail in the tree, one after the other (about twenty patterns, and smart
punctuation's second pass about twenty more): most of a render's time on a
text of many short paragraphs, emphasised words or list items. Every
pattern needs at least one of a few characters (a backtick, a backslash, a
bracket, ``<``, ``&``, ``*``, ``_``, a quote) or sequences (``--``, ``...``,
two spaces before a line break) to match, so a text holding none of them
leaves the inline passes unchanged. ``PlainTextTreeprocessor`` runs just
before each inline pass and marks such texts ``AtomicString``, which the
inline passes leave as they are.

``TRIGGERS`` errs on the side of inline processing: a text it matches is
processed as before. ``tests/blog/test_rendering_plain.py`` checks that no
registered pattern matches a text it does not, and that renders are the
same with and without this pass.
"""

import re

from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# What a match of any inline pattern contains. Python-Markdown's own:
# backtick, escape, links and references ("["), images ("!["), autolinks and
# raw HTML ("<"), entities ("&"), emphasis ("*", "_"), line breaks ("  \n").
# Smart punctuation: quotes ("'", '"'), dashes ("--"), ellipses ("...").
# The dialect's (blog.rendering.inline): asides, footnote references,
# citations and interpolations ("["), omissions ("…", ". . ."), strike-through
# and subscripts ("~"), superscripts ("^"). STX and ETX
# are Python-Markdown's placeholders, left for it to resolve.
TRIGGERS = re.compile(r"""[`\\\[\]!<>&*_'"…@^~\x02\x03]|-\s*-|\.\s*\.\s*\.|  \n""")

# Just before Python-Markdown's inline pass (20), after the dialect's tree work
# (24, 25); and again just before smart punctuation's pass (6), after
# "prettify" (10) gave each block a newline tail and the notes (15) were built.
PRIORITIES = {"cp-plain": 21, "cp-plain-again": 9}


class PlainTextTreeprocessor(Treeprocessor):
    """Mark as ``AtomicString`` each text and tail that ``TRIGGERS`` does not match.

    With ``line_breaks`` (comments, whose Markdown has the ``nl2br`` pattern), a newline is one more trigger.
    """

    def __init__(self, md, line_breaks=False):
        super().__init__(md)
        self.line_breaks = line_breaks

    def run(self, root):
        abbreviations = "abbr" in self.md.treeprocessors and self.md.treeprocessors["abbr"].abbrs
        if abbreviations:  # abbreviations are found in any text that is not atomic
            return
        triggers = TRIGGERS
        if self.line_breaks:
            triggers = re.compile(f"{TRIGGERS.pattern}|\n")
        search = triggers.search
        for element in root.iter():
            text, tail = element.text, element.tail
            if text and not isinstance(text, AtomicString) and not search(text):
                element.text = AtomicString(text)
            if tail and not isinstance(tail, AtomicString) and not search(tail):
                element.tail = AtomicString(tail)


def register(md, line_breaks=False):
    """Run ``PlainTextTreeprocessor`` just before each of the two inline passes."""
    for name, priority in PRIORITIES.items():
        md.treeprocessors.register(PlainTextTreeprocessor(md, line_breaks), name, priority)
