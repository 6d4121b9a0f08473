"""Finding the ``]`` and ``)`` that close a link's ``[`` and ``(`` in linear time.

Python-Markdown's link patterns look for the closing bracket, and then for
the parenthesis that closes the link's destination, by walking the rest of
the text from every ``[`` and every ``](``: minutes on a few thousand
unclosed ones (``[a](`` repeated). Here each processor pairs all brackets
and parentheses of a text in one pass and remembers the pairing until the
text changes; the processors below are Python-Markdown's own, with that
``getText`` and ``getLink``.

A destination without quotes closes at its matching ``)``, exactly as
Python-Markdown finds it. Quotes start a title, whose rules only
Python-Markdown's own walk knows; that walk is given a window of
``LINK_WINDOW`` characters, and all walks in one text together at most
``LINK_BUDGET_FACTOR`` times its length, so a text of unclosed ``[a]("``
costs linear time (its later links stay text).
"""

import bisect
import re

from markdown import inlinepatterns

LINK_WINDOW = 2_000
LINK_BUDGET_FACTOR = 2

_QUOTE_RE = re.compile("['\"]")


class SuffixIndex:  # a base: subclasses define ``build``
    """Facts about a text that depend only on the text from a position on, kept across edits to its left.

    Python-Markdown replaces each match by a placeholder and goes on to the
    right, so the text after the current position is the text the facts were
    found in: they are kept as distances from the end, and found again only
    when that part changed (``build`` is linear).
    """

    def __init__(self):
        self.text = ""

    def refresh(self, text, start):
        """Make sure the facts hold for ``text`` from ``start`` on."""
        if text is self.text:
            return
        if len(text) - start > len(self.text) or not self.text.endswith(text[start:]):
            self.text = text
            self.build(text)


class Pairs(SuffixIndex):
    """The closing partner of every ``opening`` character."""

    def __init__(self, opening="[", closing="]"):
        super().__init__()
        self.pattern = re.compile(f"[{re.escape(opening)}{re.escape(closing)}]")
        self.opening = opening
        self.pairs = {}

    def closing(self, text, opening):
        """The index of the character that closes the one at ``opening`` in ``text``, or None."""
        self.refresh(text, opening)
        distance = self.pairs.get(len(text) - opening)
        return None if distance is None else len(text) - distance

    def build(self, text):
        end = len(text)
        self.pairs = {}
        open_positions = []
        for match in self.pattern.finditer(text):
            if match.group() == self.opening:
                open_positions.append(match.start())
            elif open_positions:
                self.pairs[end - open_positions.pop()] = end - match.start()


class LinkScan(Pairs):
    """What links need: parentheses paired, where quotes are, and the budget left for titles."""

    def __init__(self):
        super().__init__("(", ")")

    def build(self, text):
        super().build(text)
        self.quotes = [len(text) - match.start() for match in _QUOTE_RE.finditer(text)]
        self.quotes.reverse()
        self.budget = LINK_BUDGET_FACTOR * len(text)

    def first_quote(self, text, start):
        """The index of the first quote at or after ``start``, or None."""
        self.refresh(text, start)
        index = bisect.bisect_right(self.quotes, len(text) - start) - 1
        return len(text) - self.quotes[index] if index >= 0 else None


class LinearLinkMixin:
    """``getText`` and ``getLink`` with Python-Markdown's answers, found through paired characters."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.brackets = Pairs()
        self.links = LinkScan()

    def getText(self, data, index):  # noqa: N802 (Python-Markdown's name)
        close = self.brackets.closing(data, index - 1)
        if close is None:
            return data[index:], len(data), False
        return data[index:close], close + 1, True

    def getLink(self, data, index):  # noqa: N802 (Python-Markdown's name)
        scan = self.links
        match = self.RE_LINK.match(data, pos=index)
        if match is None or match.group(1):  # not a destination, or ``(<url> "title")``: a bounded regex
            return super().getLink(data, index)
        close = scan.closing(data, index)
        quote = scan.first_quote(data, match.end())
        if quote is None or (close is not None and close < quote):
            if close is None:
                return "", None, index, False
            return self.unescape(data[match.end() : close]).strip(), None, close + 1, True
        return self.titled_link(scan, data, index)

    def titled_link(self, scan, data, index):
        """Python-Markdown's own walk, on a window, while the text's budget lasts."""
        window = min(LINK_WINDOW, scan.budget, len(data) - index)
        if window <= 0:
            return "", None, index, False
        href, title, end, handled = super().getLink(data[index : index + window], 0)
        scan.budget -= end if end > 0 else window
        # Python-Markdown answers -1 for a title that never closes, meaning "to the text's last character".
        return href, title, index + end if end >= 0 else end, handled


class LinkProcessor(LinearLinkMixin, inlinepatterns.LinkInlineProcessor):
    pass


class ImageProcessor(LinearLinkMixin, inlinepatterns.ImageInlineProcessor):
    pass


class ReferenceProcessor(LinearLinkMixin, inlinepatterns.ReferenceInlineProcessor):
    pass


class ImageReferenceProcessor(LinearLinkMixin, inlinepatterns.ImageReferenceInlineProcessor):
    pass


class ShortReferenceProcessor(LinearLinkMixin, inlinepatterns.ShortReferenceInlineProcessor):
    pass


class ShortImageReferenceProcessor(LinearLinkMixin, inlinepatterns.ShortImageReferenceInlineProcessor):
    pass


# Names and priorities as Python-Markdown registers them (``build_inlinepatterns``).
_REPLACEMENTS = [
    ("reference", ReferenceProcessor, 170),
    ("link", LinkProcessor, 160),
    ("image_link", ImageProcessor, 150),
    ("image_reference", ImageReferenceProcessor, 140),
    ("short_reference", ShortReferenceProcessor, 130),
    ("short_image_ref", ShortImageReferenceProcessor, 125),
]


def register(md):
    """Replace the registered link and image patterns by their linear versions, in the same places."""
    patterns = md.inlinePatterns
    for name, processor, priority in _REPLACEMENTS:
        if name in patterns:
            patterns.register(processor(patterns[name].pattern, md), name, priority)
