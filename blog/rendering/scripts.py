"""``^superscript^`` and ``~subscript~`` as ``<sup>`` and ``<sub>``, as pandoc writes them.

Like pandoc's, a script holds no space (``E = mc^2^``, ``H~2~O``), so a
stray caret or tilde in prose ("~5 minutes") rarely starts one, and a search
from each caret or tilde stops at the next space or marker: linear. ``\\^``
and ``\\~`` write the characters themselves. Footnote references
(``[^1]``) are matched earlier and never read as superscripts; brackets are
kept out of scripts so that "[^a][^b]" with undefined labels stays text.
"""

from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

# The markers, for what writes the dialect (an importer) as for what reads it.
SUPERSCRIPT, SUBSCRIPT = "^", "~"
SUPERSCRIPT_RE = r"(\^)([^\s^\[\]]+)\^"
SUBSCRIPT_RE = r"(~)([^\s~\[\]]+)~"

# Below strike-through (65, which owns "~~") and the patterns it sits below; above emphasis (60).
PRIORITIES = {"cp-superscript": 64, "cp-subscript": 63}


class ScriptsExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        for character in SUPERSCRIPT + SUBSCRIPT:
            if character not in md.ESCAPED_CHARS:
                md.ESCAPED_CHARS.append(character)
        patterns = md.inlinePatterns
        patterns.register(
            SimpleTagInlineProcessor(SUPERSCRIPT_RE, "sup"), "cp-superscript", PRIORITIES["cp-superscript"]
        )
        patterns.register(
            SimpleTagInlineProcessor(SUBSCRIPT_RE, "sub"), "cp-subscript", PRIORITIES["cp-subscript"]
        )
