"""Line-by-line differences between two texts, with the changed words marked.

The result is plain data (rows of text segments) for a template to show:
Django's autoescaping then escapes every character of the author's text, so
nothing here builds HTML.

``difflib.SequenceMatcher`` takes time up to the product of the lengths it
compares. Lines the two texts share at their start and end are set aside
first (linear time); a changed stretch whose lengths multiply to more than
``MAX_LINE_PAIRS`` is shown replaced whole, and once the word comparisons of
one diff have compared ``MAX_WORD_PAIRS`` pairs of words, further changed
lines are shown changed whole. Ordinary edits stay well within both.
"""

import difflib
import re
from dataclasses import dataclass

WORDS = re.compile(r"\s+|[^\s]+")
MAX_LINE_PAIRS = 1_000_000
MAX_WORD_PAIRS = 2_000_000


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


class _Budget:
    def __init__(self, pairs):
        self.pairs = pairs

    def spend(self, pairs):
        if pairs > self.pairs:
            return False
        self.pairs -= pairs
        return True


def _word_segments(old: str, new: str, budget) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    if not budget.spend(len(old_words) * len(new_words)):
        return (Segment(old, True),), (Segment(new, True),)
    old_segments, new_segments = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        if i2 > i1:
            old_segments.append(Segment("".join(old_words[i1:i2]), changed))
        if j2 > j1:
            new_segments.append(Segment("".join(new_words[j1:j2]), changed))
    return tuple(old_segments), tuple(new_segments)


class _BoundedMatcher(difflib.SequenceMatcher):
    """For large texts: shared lines at both ends set aside, a middle too large replaced whole."""

    def get_opcodes(self):
        old, new = self.a, self.b
        if len(old) * len(new) <= MAX_LINE_PAIRS:
            return super().get_opcodes()
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        old_end, new_end = len(old) - tail, len(new) - tail
        opcodes = [("equal", 0, head, 0, head)] if head else []
        if (old_end - head) * (new_end - head) > MAX_LINE_PAIRS:
            opcodes.append(("replace", head, old_end, head, new_end))
        elif old_end > head or new_end > head:
            middle = difflib.SequenceMatcher(None, old[head:old_end], new[head:new_end], autojunk=False)
            opcodes.extend(
                (tag, i1 + head, i2 + head, j1 + head, j2 + head)
                for tag, i1, i2, j1, j2 in middle.get_opcodes()
            )
        if tail:
            opcodes.append(("equal", old_end, len(old), new_end, len(new)))
        return opcodes


def diff_lines(old: str, new: str, context: int = 2) -> list[DiffRow]:
    """Rows that differ between ``old`` and ``new``, with ``context`` unchanged lines around each change."""
    old_lines, new_lines = old.splitlines(), new.splitlines()
    rows = []
    budget = _Budget(MAX_WORD_PAIRS)
    matcher = _BoundedMatcher(None, old_lines, new_lines, autojunk=False)
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
                    old_segments, new_segments = _word_segments(old_line, new_line, budget)
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
