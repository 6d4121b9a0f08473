"""Pandoc's bracketed citations: ``[@key]``, ``[see @a, pp. 3–5; @b]``.

A citation is a bracket whose ``;``-separated parts each name one key after an
``@`` that does not follow a letter or digit (so ``someone@example.com`` is not
a citation). Text before the key is the prefix, text after it (less a leading
comma) the locator.
"""

import re
from dataclasses import dataclass

# The same pattern as ``citations.models.CITATION_KEY_PATTERN`` (a test keeps
# them equal); copied so that rendering stays importable without Django.
CITATION_KEY_PATTERN = r"\w(?:[\w:.#$%&+?<>~/-]*[\w])?"

_KEY_IN_TEXT = rf"(?<![\w@.])-?@(?:{CITATION_KEY_PATTERN})"

# A bracket holding at least one @key, not followed by "(" or "[" (which would
# make it a link).
CITATION_RE = rf"\[(?=[^\[\]]*{_KEY_IN_TEXT})([^\[\]]*)\](?![(\[])"

_PART_RE = re.compile(
    rf"^(?P<prefix>.*?)(?<![\w@.])(?P<suppress>-?)@(?P<key>{CITATION_KEY_PATTERN})(?P<suffix>.*)$",
    re.DOTALL,
)
KEY_IN_TEXT_RE = re.compile(_KEY_IN_TEXT)


@dataclass(frozen=True)
class Cite:
    """One source named in a citation, with the author's prefix and locator."""

    key: str
    prefix: str = ""
    locator: str = ""


def parse_citation(body):
    """The cites in a bracket's inside, or None when it is not a well-formed citation."""
    cites = []
    for part in body.split(";"):
        match = _PART_RE.match(part.strip())
        if match is None or KEY_IN_TEXT_RE.search(match["suffix"]):
            return None
        locator = " ".join(match["suffix"].strip().lstrip(",").split())
        prefix = " ".join(match["prefix"].split())
        cites.append(Cite(key=match["key"], prefix=prefix, locator=locator))
    return tuple(cites)


def citation_text(cites, unknown=frozenset()):
    """A citation written back out, with ``?`` after each key the library lacks."""
    parts = []
    for cite in cites:
        mark = "?" if cite.key in unknown else ""
        text = f"@{cite.key}{mark}"
        if cite.prefix:
            text = f"{cite.prefix} {text}"
        if cite.locator:
            text = f"{text}, {cite.locator}"
        parts.append(text)
    return "[" + "; ".join(parts) + "]"
