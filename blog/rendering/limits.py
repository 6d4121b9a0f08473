"""How much one text may ask of the pipeline, and the linear checks made before rendering.

Rendering is linear in the text, but some shapes cost more per character
than prose does: Python-Markdown parses every level of nested quotes and
lists again for the level inside it, and each note is formatted by its
source. ``Limits`` bounds them; ``blog.conf.render_limits`` reads them from
settings (the pipeline itself reads no settings). A text over the length
limit is not rendered at all but shown as plain text; lines nested too
deeply are made plain text before rendering; notes and citations past their
limits are shown as written. Each time, a message names the limit.
"""

import re
from dataclasses import dataclass

# Leading quote markers, list markers and indentation of a line.
_PREFIX_RE = re.compile(r"[ \t>*+\-\d.)]*")
_MARKER_RE = re.compile(r"(?:^|(?<=[ \t>]))(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
# A message list stays readable: problems past this many are counted, not listed.
MAX_MESSAGES = 20


@dataclass(frozen=True)
class Limits:
    """The most one text may hold; see ``blog.conf`` for what each bounds."""

    max_length: int = 1_048_576
    max_lines: int = 50_000
    max_block_lines: int = 1_000
    max_depth: int = 16
    max_notes: int = 5_000
    max_references: int = 1_000
    max_citation_keys: int = 50


def line_depth(line):
    """How deeply a line nests quotes and lists, counted generously.

    Its ``>`` markers, its list markers and its indentation in steps of
    four, all before its first word.
    """
    prefix = _PREFIX_RE.match(line).group().expandtabs(4)
    if not prefix:
        return 0
    indent = len(prefix) - len(prefix.lstrip(" \t"))
    return prefix.count(">") + len(_MARKER_RE.findall(prefix)) + indent // 4


def nesting_depth(text):
    """The deepest nesting of quotes and lists on any line (linear time)."""
    return max(map(line_depth, text.split("\n")), default=0)


def longest_block(lines):
    """The most lines in a row that are not blank (Python-Markdown's block), in linear time."""
    longest = run = 0
    for line in lines:
        run = run + 1 if line.strip() else 0
        longest = max(longest, run)
    return longest


def over_length(text, limits):
    """The message for a text longer than ``limits`` allow, or None.

    Python-Markdown takes a heading, a rule or a definition off the top of a
    block at a time and looks through the rest again, so lines in one block
    cost more than lines apart; both counts are bounded.
    """
    if len(text) > limits.max_length:
        return (
            f"The text has {len(text):,} characters; the limit is {limits.max_length:,}. "
            "Shorten it or split it into several posts."
        )
    lines = text.split("\n")
    if len(lines) > limits.max_lines:
        return (
            f"The text has {len(lines):,} lines; the limit is {limits.max_lines:,}. "
            "Shorten it or split it into several posts."
        )
    block = longest_block(lines)
    if block > limits.max_block_lines:
        return (
            f"A paragraph, list or table runs {block:,} lines without a blank line; "
            f"the limit is {limits.max_block_lines:,}. Separate it with blank lines."
        )
    return None


def flatten(text, limits):
    """``text`` with each line nested deeper than ``limits`` allow made plain text, and the message.

    Such a line loses its indentation and its first marker is escaped, so
    it joins the paragraph above it rather than nesting further.
    """
    lines = text.split("\n")
    depths = [line_depth(line) for line in lines]
    deepest = max(depths, default=0)
    if deepest <= limits.max_depth:
        return text, None
    for index, depth in enumerate(depths):
        if depth > limits.max_depth:
            lines[index] = "\\" + lines[index].lstrip()
    message = (
        f"Quotes and lists are nested {deepest} levels deep; the limit is {limits.max_depth}. "
        "The lines nested deeper are shown as plain text."
    )
    return "\n".join(lines), message
