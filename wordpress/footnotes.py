"""Footnotes as bloggers write them, found in a blockified post tree (pure functions).

Two shapes: the hand-made one — a marker (``*``, ``†``, ``[1]``, ``<sup>1</sup>``)
after a word, and the note below a rule (``<hr>`` or a line of dashes) or a
"Notes" heading — and the WordPress 6.3 footnotes block, whose markers are
``<sup data-fn="uuid">`` and whose notes are JSON in the post meta
``footnotes``; footnote plugins' shortcodes leave the same markers
(``shortcodes.expand``). ``extract`` takes the notes out of the tree and puts ``note``
elements where the markers were.
"""

import json
import re
from dataclasses import dataclass

from importing.htmltree import DEFAULT_MAX_DEPTH, Element, parse
from wordpress.conf import HTML_DEPTH_SETTING

NOTES_HEADINGS = {"notes", "footnotes", "endnotes", "references", "sources", "note"}
RULE_TEXT = re.compile(r"^\s*[-–—_*=~.·•]{3,}\s*$")
NOTE_START = re.compile(
    r"^\s*(?:(\*{1,4}|†{1,3}|‡{1,3}|§|¶)|\[(\d{1,3})\]|\((\d{1,3})\)|(\d{1,3})[.)])(?=\s|$)\s*"
)
SYMBOL_MARKER = r"(?<!\s)(?<!\*)(\*{1,4}|†{1,3}|‡{1,3}|§|¶)(?!\*)(?=[\s.,;:!?)\]”’\"'—–-]|$)"
BACKLINK_TEXT = {"↩", "↩︎", "↑", "^", "return", "back", "⤴"}


@dataclass
class Note:
    key: str
    content: list  # inline nodes of the note, marker removed


def _block_text(block) -> str:
    return block.text().strip() if isinstance(block, Element) else str(block).strip()


def _is_rule(block: Element) -> bool:
    if block.tag == "hr":
        return True
    return block.tag == "p" and bool(RULE_TEXT.match(block.text())) and not block.text().strip().isdigit()


def _is_notes_heading(block: Element) -> bool:
    if block.tag not in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    return _block_text(block).rstrip(":").strip().lower() in NOTES_HEADINGS


def _lines(block: Element) -> list[list]:
    """A paragraph's inline content split at its line breaks."""
    lines, current = [], []
    for child in block.children:
        if isinstance(child, Element) and child.tag == "br":
            lines.append(current)
            current = []
        else:
            current.append(child)
    lines.append(current)
    return [line for line in lines if "".join(_text(node) for node in line).strip()]


def _text(node) -> str:
    return node if isinstance(node, str) else node.text()


def _strip_backlinks(nodes: list) -> list:
    return [
        node
        for node in nodes
        if not (
            isinstance(node, Element)
            and node.tag == "a"
            and node.attrs.get("href", "").startswith("#")
            and node.text().strip().lower() in BACKLINK_TEXT
        )
    ]


def _note_from_line(line: list, fallback_key: str | None = None) -> Note | None:
    """A note when the line starts with a marker (``*``, ``[1]``, ``1.``, ``<sup>1</sup>``)."""
    start = 0
    while start < len(line) and isinstance(line[start], str) and not line[start].strip():
        start += 1
    line = line[start:]
    if not line:
        return None
    first = line[0]
    if (
        isinstance(first, Element)
        and first.tag in ("sup", "a")
        and first.text().strip().strip("[]").isdigit()
    ):
        return Note(first.text().strip().strip("[]"), _strip_backlinks(line[1:]))
    if isinstance(first, str) and (match := NOTE_START.match(first)):
        key = next(group for group in match.groups() if group)
        return Note(key, _strip_backlinks([first[match.end() :], *line[1:]]))
    if fallback_key is not None:
        return Note(fallback_key, _strip_backlinks(line))
    return None


def _notes_in(blocks: list) -> tuple[list[Note], list]:
    """The notes in the blocks after a rule, and the blocks that are not notes."""
    notes, others = [], []
    for block in blocks:
        if block.tag in ("ol", "ul"):
            items = [item for item in block.children if isinstance(item, Element)]
            start = int(block.attrs.get("start", "1") or 1) if block.attrs.get("start", "1").isdigit() else 1
            for number, item in enumerate(items, start=start):
                fallback = str(number) if block.tag == "ol" else None
                note = _note_from_line(item.children, fallback)
                if note:
                    notes.append(note)
                else:
                    others.append(block)
                    break
            continue
        found = [_note_from_line(line) for line in _lines(block)] if block.tag == "p" else [None]
        if found and all(found):
            notes.extend(found)
        else:
            others.append(block)
    return notes, others


def _split_point(blocks: list) -> int | None:
    for index in range(len(blocks) - 1, -1, -1):
        if _is_rule(blocks[index]) or _is_notes_heading(blocks[index]):
            return index
    return None


def extract_notes(root: Element) -> list[Note]:
    """Take a hand-made notes section off the end of ``root``'s blocks; returns its notes."""
    split = _split_point(root.children)
    if split is None:
        return []
    notes, others = _notes_in(root.children[split + 1 :])
    if not notes:
        return []
    root.children = root.children[:split] + others
    return notes


def block_editor_notes(meta_json: str, max_depth: int = DEFAULT_MAX_DEPTH) -> list[Note]:
    """Notes from the WordPress 6.3 footnotes block: ``[{"id": uuid, "content": html}]`` in post meta.

    Meta that is not such JSON (or nests past the decoder's recursion) holds no notes.
    """
    try:
        entries = json.loads(meta_json or "[]")
    except (ValueError, RecursionError):
        return []
    notes = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and entry.get("id") and isinstance(entry["id"], str | int):
            content = entry.get("content", "")
            tree, _ = parse(content if isinstance(content, str) else "", max_depth, HTML_DEPTH_SETTING)
            notes.append(Note(str(entry["id"]), tree.children))
    return notes


def notes_from_html(pairs: list[tuple[str, str]], max_depth: int = DEFAULT_MAX_DEPTH) -> list[Note]:
    """Notes from ``(key, html)`` pairs, as footnote shortcodes and ``((…))`` leave them."""
    return [Note(key, parse(content, max_depth, HTML_DEPTH_SETTING)[0].children) for key, content in pairs]


def _marker_key(element: Element, keys: set) -> str | None:
    if element.tag == "sup" and element.attrs.get("data-fn") in keys:
        return element.attrs["data-fn"]
    if element.tag == "sup" or (element.tag == "a" and element.attrs.get("href", "").startswith("#")):
        text = element.text().strip().strip("[]")
        if text in keys and text.isdigit():
            return text
    return None


def mark(element: Element, keys: set, previous_text: str = "") -> str:
    """Replace markers of ``keys`` under ``element`` with ``note`` elements; returns the last text seen."""
    symbols = sorted((key for key in keys if not key.isdigit()), key=len, reverse=True)
    symbol_re = re.compile(SYMBOL_MARKER) if symbols else None
    children = []
    for child in element.children:
        if isinstance(child, Element):
            key = _marker_key(child, keys)
            if key is not None:
                children.append(Element("note", {"key": key}))
                previous_text = "x"
                continue
            previous_text = mark(child, keys, previous_text)
            children.append(child)
            continue
        pieces, position = [], 0
        pattern = r"\[(\d{1,3})\]" + (f"|{SYMBOL_MARKER}" if symbol_re else "")
        for match in re.finditer(pattern, child):
            bracketed, symbol = match.group(1), match.group(2) if symbol_re else None
            key = bracketed or symbol
            at_start = match.start() == 0 and (not previous_text or previous_text[-1].isspace())
            if key not in keys or (symbol and at_start):
                continue
            pieces.extend([child[position : match.start()], Element("note", {"key": key})])
            position = match.end()
        pieces.append(child[position:])
        children.extend(piece for piece in pieces if piece != "")
        previous_text = child or previous_text
    element.children = children
    return previous_text
