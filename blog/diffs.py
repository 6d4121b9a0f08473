"""Line-by-line differences between two texts, with the changed words marked.

The result is plain data (rows of text segments) for a template to show:
Django's autoescaping then escapes every character of the author's text, so
nothing here builds HTML.
"""

import difflib
import re
from dataclasses import dataclass

WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Segment:
    text: str
    changed: bool = False


@dataclass(frozen=True)
class DiffRow:
    """One row of a side-by-side diff; ``kind`` is equal, delete, insert, replace or skip."""

    kind: str
    old_number: int | None = None
    old: tuple[Segment, ...] = ()
    new_number: int | None = None
    new: tuple[Segment, ...] = ()


def _word_segments(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    old_segments, new_segments = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            old_segments.append(Segment("".join(old_words[i1:i2]), changed))
        if j2 > j1:
            new_segments.append(Segment("".join(new_words[j1:j2]), changed))
    return tuple(old_segments), tuple(new_segments)


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffRow]:
    """Rows that differ between ``old`` and ``new``, with ``context`` unchanged lines around each change."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for group_number, group in enumerate(matcher.get_grouped_opcodes(context)):
        if group_number:
            rows.append(DiffRow("skip"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                rows.extend(
                    DiffRow("equal", i + 1, (Segment(old_lines[i]),), j + 1, (Segment(new_lines[j]),))
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                )
                continue
            for offset in range(max(i2 - i1, j2 - j1)):
                i, j = i1 + offset, j1 + offset
                old_line = old_lines[i] if i < i2 else None
                new_line = new_lines[j] if j < j2 else None
                if old_line is not None and new_line is not None:
                    old_segments, new_segments = _word_segments(old_line, new_line)
                    rows.append(DiffRow("replace", i + 1, old_segments, j + 1, new_segments))
                elif old_line is not None:
                    rows.append(DiffRow("delete", i + 1, (Segment(old_line, True),)))
                else:
                    rows.append(DiffRow("insert", new_number=j + 1, new=(Segment(new_line, True),)))
    return rows


def diff_texts(old, new, fields=(("title", "Title"), ("summary", "Summary"), ("body", "Body"))):
    """``(label, rows)`` for each of ``fields`` that differs between the objects ``old`` and ``new``."""
    return [
        (label, diff_lines(getattr(old, name), getattr(new, name)))
        for name, label in fields
        if getattr(old, name) != getattr(new, name)
    ]
