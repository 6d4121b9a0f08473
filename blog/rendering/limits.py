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
# What makes a comment's render do more work than prose: each of these
# characters and sequences (a line break is two spaces before a newline) is
# one formatting mark, about ten to fifteen times the cost of a letter.
# A caret counts outside a footnote reference "[^a]", whose brackets are counted already;
# an at sign may open a citation in a post.
_FORMATTING_RE = re.compile(r"""[*_`\[\]<>&"'\\…~@]|(?<!\[)\^|--|\.\.\.|  (?:\r\n|\r|\n)""")
# Line ends as Python-Markdown reads them, and a line that ends a paragraph:
# blank, or holding only quote markers.
_LINE_END_RE = re.compile(r"\r\n|\r|\n")
_BLANK_RE = re.compile(r"[\s>]*")
# The start of an HTML tag, as the HTML parser Python-Markdown uses reads one.
_TAG_START_RE = re.compile(r"<[A-Za-z]")
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
    max_unclosed_tags: int = 20
    max_paragraphs: int = 20_000
    max_formatting: int = 50_000  # see ``formatting_marks``


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


def unclosed_tags(text):
    """How many “<” followed by a letter have no “>” anywhere after them, in linear time.

    The HTML parser Python-Markdown uses reads each of them as a tag, to the
    end of the text, before taking it for a character (Python 3.11's
    ``html.parser``): quadratic time in their number.
    """
    return len(_TAG_START_RE.findall(text, text.rfind(">") + 1))


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
    unclosed = unclosed_tags(text)
    if unclosed > limits.max_unclosed_tags:
        return (
            f"The text has {unclosed:,} “<” followed by a letter and no “>” after them; "
            f"the limit is {limits.max_unclosed_tags:,}. Put a space after each “<” that is not a tag."
        )
    block = longest_block(lines)
    if block > limits.max_block_lines:
        return (
            f"A paragraph, list or table runs {block:,} lines without a blank line; "
            f"the limit is {limits.max_block_lines:,}. Separate it with blank lines."
        )
    return over_formatting(text, limits)


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


def paragraph_count(text):
    """How many paragraphs ``text`` holds: runs of lines that are not blank (quote markers count as blank)."""
    count, in_paragraph = 0, False
    for line in _LINE_END_RE.split(text):
        blank = _BLANK_RE.fullmatch(line) is not None
        count += not blank and not in_paragraph
        in_paragraph = not blank
    return count


def formatting_marks(text):
    """How many formatting marks ``text`` holds: ``* _ ` [ ] < > & " ' \\ … ~ ^ @``, ``--``, ``...``,
    line breaks."""
    return sum(1 for _match in _FORMATTING_RE.finditer(text))


def over_formatting(text, limits):
    """The message for a text with more paragraphs or formatting marks than ``limits`` allow, or None.

    Each paragraph and each mark costs the pipeline a little more than
    prose, and in a long text of little else the render is several times
    slower; written text stays far below both limits.
    """
    paragraphs = paragraph_count(text)
    if paragraphs > limits.max_paragraphs:
        return (
            f"The text has {paragraphs:,} paragraphs; the limit is {limits.max_paragraphs:,}. "
            "Join some of them, or shorten the text."
        )
    marks = formatting_marks(text)
    if marks > limits.max_formatting:
        return (
            f"The text has {marks:,} formatting marks (* _ ` [ ] < > & \\ @ … quotes, -- and ...); "
            f"the limit is {limits.max_formatting:,}. Use fewer of them, or shorten the text."
        )
    return None
