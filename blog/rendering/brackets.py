"""Finding the ``]`` that closes a ``[`` in linear time.

Python-Markdown's link patterns look for the closing bracket by walking the
rest of the text from every ``[``, which takes minutes on a few thousand
unclosed brackets. Here each processor pairs all brackets of a text in one
pass and remembers the pairing until the text changes; the processors below
are Python-Markdown's own, with that ``getText``.
"""

import re

from markdown import inlinepatterns

_BRACKET_RE = re.compile(r"[\[\]]")


class BracketPairs:
    """The closing bracket of every ``[`` in the last text asked about."""

    def __init__(self):
        self.text = None
        self.pairs = {}

    def closing(self, text, opening):
        """The index of the ``]`` that closes the ``[`` at ``opening``, or None."""
        if text is not self.text and text != self.text:
            self.text, self.pairs = text, pair_brackets(text)
        return self.pairs.get(opening)


def pair_brackets(text):
    pairs = {}
    open_brackets = []
    for match in _BRACKET_RE.finditer(text):
        if match.group() == "[":
            open_brackets.append(match.start())
        elif open_brackets:
            pairs[open_brackets.pop()] = match.start()
    return pairs


class LinearGetTextMixin:
    """``getText`` with the same answer as Python-Markdown's, found through ``BracketPairs``."""

    def getText(self, data, index):  # noqa: N802 (Python-Markdown's name)
        if not hasattr(self, "_brackets"):
            self._brackets = BracketPairs()
        close = self._brackets.closing(data, index - 1)
        if close is None:
            return data[index:], len(data), False
        return data[index:close], close + 1, True


class LinkProcessor(LinearGetTextMixin, inlinepatterns.LinkInlineProcessor):
    pass


class ImageProcessor(LinearGetTextMixin, inlinepatterns.ImageInlineProcessor):
    pass


class ReferenceProcessor(LinearGetTextMixin, inlinepatterns.ReferenceInlineProcessor):
    pass


class ImageReferenceProcessor(LinearGetTextMixin, inlinepatterns.ImageReferenceInlineProcessor):
    pass


class ShortReferenceProcessor(LinearGetTextMixin, inlinepatterns.ShortReferenceInlineProcessor):
    pass


class ShortImageReferenceProcessor(LinearGetTextMixin, inlinepatterns.ShortImageReferenceInlineProcessor):
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
