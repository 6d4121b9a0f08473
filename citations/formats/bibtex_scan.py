"""The shape of a BibTeX file before bibtexparser splits it: its ``%`` comments, and the
entries that are not closed.

bibtexparser knows neither. To it a ``%`` line is text: a commented-out entry
("%@ARTICLE{key,") is read as an entry, and a commented-out field fails the
entry it is in. pandoc and biber read ``%`` to the end of the line as a
comment outside values; inside a braced or quoted value it is text ("50% of"),
as BibTeX reads it, and so it is here. An entry whose brace is not closed
runs on into the next, which bibtexparser reports in its own words
("Unexpected block start"); here it is named by its line and the field whose
brace or quotation mark is left open.

One pass over the marks bibtexparser splits on (the same marks, read the same
way, so both agree on where entries begin and end): linear in the file.
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

# The marks bibtexparser's splitter finds that tell where blocks, values and comments begin and
# end (a delimiter after a backslash is text); inside braces, only braces and block starts count.
_MARK = re.compile(r'(?<!\\)[{})",%]|@\w*[ \t]*(?=[{(])')
_BRACED_MARK = re.compile(r"(?<!\\)[{}]|@\w*[ \t]*(?=[{(])")
# And those that tell which field of a block not closed is left open: read in that block only.
_FIELD_MARK = re.compile(r'(?<!\\)[{})",=\n]')
_DEPTH_CHANGE = {"{": 1, "}": -1}
# A line that starts a field ("  doi = {"): inside a value, where a brace was left open.
_FIELD_START = re.compile(r"[ \t]*[^\s=,{}\"#%@]+[ \t]*=")
# Blocks whose body is not fields: read to their closing brace, comments and all.
_FREE_TEXT = {"comment", "string", "preamble"}


class Scan(NamedTuple):
    """The file's text with each comment blanked to spaces (lines and positions kept), and for
    each block that is not closed, by its line (counted from 0, as bibtexparser counts), its key
    (empty when not read) and why."""

    text: str
    unclosed: dict


@dataclass
class _Block:
    """Where the scan stands in an ``@`` block."""

    line: int
    kind: str
    closing: str
    start: int
    key: str = ""
    in_key: bool = True
    depth: int = 0
    quoted: bool = False
    field: str = ""
    field_line: int = 0
    field_start: int = 0
    # The field whose value ran on over the start of another field's line, and what it left open.
    runaway: tuple = ()

    def left_open(self):
        return "quotation mark" if self.quoted else "brace"

    def not_closed(self, until):
        """Why the block is not closed ``until`` the next block or the end of the file."""
        reason = f"the {'entry' if self.kind not in _FREE_TEXT else f'@{self.kind}'} is not closed {until}"
        if self.runaway or self.depth or self.quoted:
            field, line, opened = self.runaway or (self.field, self.field_line, self.left_open())
            return f"{reason}: a {opened} opened in its {field} field (line {line + 1}) is not closed"
        return f"{reason}: its closing {'brace' if self.closing == '}' else 'parenthesis'} is missing"


def _at_line_start(text, index):
    """Whether only spaces stand before ``index`` on its line: where bibtexparser takes an ``@``
    inside a block for the start of the next."""
    return not text[text.rfind("\n", 0, index) + 1 : index].strip()


def _runs_on(block, text, newline):
    """Whether a value still open at ``newline`` runs over a line that starts another field
    ("},\n  doi = {"): where its brace or quotation mark was left open."""
    if block.runaway or not (block.depth or block.quoted):
        return False
    before = text[max(0, newline.start() - 8) : newline.start()].rstrip()
    return before.endswith(",") and _FIELD_START.match(text, newline.end()) is not None


def _line_end(text, index):
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _is_quote_escape(text, index):
    """``{"}``: a quotation mark inside a quoted value, as bibtexparser reads it."""
    return text[index - 1 : index] == "{" and text[index + 1 : index + 2] == "}"


def _step(block, token, text, mark, line):
    """Read one mark inside a block of fields; whether the block ends with it."""
    if block.quoted:
        if token == '"' and not _is_quote_escape(text, mark.start()):
            block.quoted = False
    elif block.depth:
        block.depth += _DEPTH_CHANGE.get(token, 0)
    elif token == block.closing:
        return True
    elif block.kind in _FREE_TEXT:
        block.depth += token == "{"
    elif block.in_key:  # bibtexparser reads no further than a key that is not followed by ","
        if token != ",":
            return True
        block.in_key, block.field_start = False, mark.end()
        block.key = text[block.start : mark.start()].strip()
    elif token == "=":
        block.field, block.field_line = text[block.field_start : mark.start()].strip(), line
    elif token == ",":
        block.field_start = mark.end()
    elif token == "{":
        block.depth = 1
    elif token == '"':
        block.quoted = True
    return False


class _Lines:
    """The line of a position in ``text``, counted forward from the last position asked for."""

    def __init__(self, text):
        self.text, self.position, self.line = text, 0, 0

    def at(self, position):
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def scan(text):
    """The ``Scan`` of a BibTeX file's text."""
    blanks, not_closed, block, position, lines = [], [], None, 0, _Lines(text)
    while mark := (_BRACED_MARK if block and block.depth else _MARK).search(text, position):
        token, position = mark.group(), mark.end()
        if token[0] == "@":
            if block and not _at_line_start(text, mark.start()):
                continue
            line = lines.at(mark.start())
            if block:
                not_closed.append((block, mark.start(), f"before the entry at line {line + 1}"))
            closing = "}" if text[position] == "{" else ")"
            block, position = _Block(line, token[1:].strip().lower(), closing, position + 1), position + 1
        elif token == "%" and (block is None or not (block.in_key or block.depth or block.quoted)):
            if block is None or block.kind not in _FREE_TEXT:
                position = _line_end(text, position)
                blanks.append((mark.start(), position))
        elif block and token in '{}",' + block.closing and _step(block, token, text, mark, 0):
            block = None
    if block:
        not_closed.append((block, len(text), "by the end of the file"))
    text = _blanked(text, blanks)
    unclosed = {
        block.line: (block.key, _why_not_closed(text, block, end, until)) for block, end, until in not_closed
    }
    return Scan(text, unclosed)


def _why_not_closed(text, block, end, until):
    """Why ``block`` is not closed ``until`` ``end``: its marks read again, fields and lines too."""
    again, line = _Block(block.line, block.kind, block.closing, block.start), block.line
    for mark in _FIELD_MARK.finditer(text, block.start, end):
        if mark.group() == "\n":
            line += 1
            if _runs_on(again, text, mark):
                again.runaway = (again.field, again.field_line, again.left_open())
        else:
            _step(again, mark.group(), text, mark, line)
    reason = again.not_closed(until)
    return reason + "; the file may be truncated" if end == len(text) else reason


def _blanked(text, spans):
    """``text`` with each span replaced by as many spaces."""
    if not spans:
        return text
    pieces, last = [], 0
    for start, end in spans:
        pieces += [text[last:start], " " * (end - start)]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
