"""``~~struck text~~`` as ``<del>``: corrections shown as corrections.

The struck text may hold spaces and other inline syntax but not ``~~``, so a
search from each ``~~`` stops at the next one and finding them all is linear.
``\\~`` writes a tilde that starts nothing.
"""

from markdown.extensions import Extension
from markdown.inlinepatterns import SimpleTagInlineProcessor

STRIKE = "~~"  # the marker, for what writes the dialect as for what reads it
# Not at a space on either side, as emphasis: "a ~~ b" is two tildes in prose.
STRIKE_RE = r"(~~)(?=[^\s~])((?:[^~]|~(?!~))+?)(?<=[^\s~])~~"

# Below links (160), autolinks (120) and raw HTML (90), so a URL or a tag keeps its tildes;
# above emphasis (60), so emphasis and super- or subscripts work inside.
PRIORITY = 65


class StrikeExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        if "~" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("~")
        md.inlinePatterns.register(SimpleTagInlineProcessor(STRIKE_RE, "del"), "cp-strike", PRIORITY)
