"""WordPress shortcodes in post content: kept as text, turned into a link, or dropped (pure functions).

WordPress expands only the shortcodes a plugin registered and leaves any
other bracketed text alone, so ``[sic]``, ``[1]`` or ``[Comment: …]`` are not
shortcodes. Here a bracketed name is one when WordPress ships it, when it has
a closing ``[/name]``, or when it carries ``name="value"`` attributes.
"""

import re
from collections import Counter
from html import escape
from urllib.parse import urlsplit

SHORTCODE_RE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>[a-z][a-z0-9_-]*)(?![\w-])(?P<attrs>[^\[\]]*?)(?P<self>/?)\]"
    r"(?:(?P<content>.*?)\[/(?P=name)\])?(?P<escape_end>\]?)",
    re.DOTALL,
)
ATTR_RE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
BUILT_IN = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
KEEP_CONTENT = {"caption", "wp_caption"}
URL_ATTRIBUTES = ("url", "src", "href", "link", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav", "id")
BARE_URL = re.compile(r"^\s*(https?://\S+)\s*$")


def _attributes(text: str) -> dict:
    return {match[1].lower(): match[2] or match[3] or match[4] or "" for match in ATTR_RE.finditer(text)}


def _url_of(attrs: dict, content: str) -> str:
    for name in URL_ATTRIBUTES:
        value = attrs.get(name, "")
        if urlsplit(value).scheme in ("http", "https"):
            return value
    match = BARE_URL.match(content or "")
    return match.group(1) if match else ""


def _link(url: str) -> str:
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'


def expand(html: str, counts: Counter, notes: list[str]) -> str:
    """``html`` with its shortcodes replaced; ``counts`` and ``notes`` say what happened to each."""

    def replace(match):
        name, content = match["name"], match["content"]
        attrs = _attributes(match["attrs"])
        if match["escape"] and match["escape_end"]:
            return match.group(0)[1:-1]
        if name not in BUILT_IN and content is None and not attrs:
            return match.group(0)
        counts[name] += 1
        if name in KEEP_CONTENT:
            return expand(content or "", counts, notes)
        url = _url_of(attrs, content or "")
        if url:
            notes.append(f"shortcode [{name}] replaced by its link {url}")
            return _link(url)
        if content and content.strip() and name not in BUILT_IN:
            notes.append(f"shortcode [{name}] removed, its text kept")
            return expand(content, counts, notes)
        notes.append(f"shortcode [{name}] dropped")
        return ""

    return SHORTCODE_RE.sub(replace, html)
