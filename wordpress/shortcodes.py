"""WordPress shortcodes in post content: kept as text, code, a footnote, an embed, a link, or dropped.

WordPress expands only the shortcodes a plugin registered and leaves any
other bracketed text alone, so ``[sic]``, ``[1]`` or ``[Comment: …]`` are not
shortcodes. Here a bracketed name is one when WordPress ships it, when it has
a closing ``[/name]``, or when it carries ``name="value"`` attributes outside
any HTML tag (``[via <a href="…">…</a>]`` is prose with a link). Pure functions.
"""

import re
from collections import Counter
from html import escape, unescape
from urllib.parse import urlsplit

from importing.htmltree import DEFAULT_MAX_DEPTH, LimitError
from wordpress import embeds
from wordpress.conf import HTML_DEPTH_SETTING

# The opening tag only: its content, up to the nearest closing tag, is found with ``str.find``
# and only when that closing tag occurs later at all, so the search is linear.
OPENING_RE = re.compile(
    r"\[(?P<escape>\[?)(?P<name>[a-z][a-z0-9_-]*)(?![\w-])(?P<attrs>[^\[\]]*?)(?P<self>/?)\]"
)
CLOSING_RE = re.compile(r"\[/([a-z][a-z0-9_-]*)\]")
ATTR_RE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
BUILT_IN = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}
KEEP_CONTENT = {"caption", "wp_caption"}
URL_ATTRIBUTES = ("url", "src", "href", "link", "mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav", "id")
# Footnote plugins' shortcodes (Easy Footnotes, Modern Footnotes, and the generic names), and the
# double parentheses of WP Footnotes and Footnotes Made Easy; a note stops at a paragraph's end.
FOOTNOTES = {"efn_note", "mfn", "footnote", "ref"}
DOUBLE_PARENTHESES = re.compile(r"\(\(((?:(?!\n\s*\n)[^\n]|\n)+?)\)\)(?!\))")
BARE_URL = re.compile(r"^\s*(https?://\S+)\s*$")
# SyntaxHighlighter Evolved's shortcodes: two generic ones (the language in ``language`` or
# ``lang``) and one per language or alias, whose name is the language.
CODE = {"code", "sourcecode"}
CODE_LANGUAGES = {
    "as3", "actionscript3", "bash", "shell", "cf", "coldfusion", "clojure", "clj", "cpp", "c", "c-sharp",
    "csharp", "css", "delphi", "pas", "pascal", "diff", "patch", "erl", "erlang", "fsharp", "go", "golang",
    "groovy", "haskell", "java", "jfx", "javafx", "js", "jscript", "javascript", "latex", "tex", "matlab",
    "objc", "obj-c", "perl", "pl", "php", "plain", "text", "ps", "powershell", "py", "python", "r", "splus",
    "rails", "rb", "ror", "ruby", "scala", "sql", "vb", "vbnet", "xml", "xhtml", "xslt", "html", "yaml",
}  # fmt: skip


def _attributes(text: str) -> dict:
    return {match[1].lower(): match[2] or match[3] or match[4] or "" for match in ATTR_RE.finditer(text)}


def _url_of(attrs: dict, content: str) -> str:
    for name in URL_ATTRIBUTES:
        value = attrs.get(name, "")
        if urlsplit(value).scheme in ("http", "https"):
            return value
    match = BARE_URL.match(content or "")
    return match.group(1) if match else ""


def _code(name: str, attrs: dict, content: str) -> str:
    """A ``<pre>`` holding the code as written, entities decoded once, its language in ``lang``."""
    language = attrs.get("language") or attrs.get("lang") or ("" if name in CODE else name)
    code = unescape(content).replace("\xa0", " ")
    return f'<pre lang="{escape(language)}">{escape(code, quote=False)}</pre>'


def _link(url: str) -> str:
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'


class _Shortcode:
    """One shortcode as found in the text: its name, attributes, content (or ``None``) and source."""

    def __init__(self, match, content, end, escape_end):
        self.name, self.attrs_text = match["name"], match["attrs"]
        self.escaped = bool(match["escape"]) and escape_end
        self.content, self.end = content, end
        self.source = match.string[match.start() : end]


def _shortcodes(html: str):
    """Yield each shortcode-like ``[name …]…[/name]`` of ``html`` in order, and the text between."""
    last_closing = {match[1]: match.start() for match in CLOSING_RE.finditer(html)}
    position = 0
    while match := OPENING_RE.search(html, position):
        name, end, content = match["name"], match.end(), None
        if last_closing.get(name, -1) >= end:
            closing = html.find(f"[/{name}]", end)
            content, end = html[match.end() : closing], closing + len(name) + 3
        escape_end = html.startswith("]", end)
        end += escape_end
        yield html[position : match.start()]
        yield _Shortcode(match, content, end, escape_end)
        position = end
    yield html[position:]


def _footnote(content: str, footnotes: list) -> str:
    """The marker for a note written in the text; the note goes to ``footnotes`` as ``(key, html)``."""
    key = f"shortcode-{len(footnotes) + 1}"
    footnotes.append((key, content))
    return f'<sup data-fn="{key}"></sup>'


def _double_parentheses(html: str, counts: Counter, footnotes: list) -> str:
    """``html`` with each ``((note))`` outside code, tags and comments as a footnote marker."""

    def replace(match):
        counts["((…))"] += 1
        return _footnote(match[1], footnotes)

    parts, position = [], 0
    for match in embeds.UNTOUCHED.finditer(html):
        parts.extend([DOUBLE_PARENTHESES.sub(replace, html[position : match.start()]), match[0]])
        position = match.end()
    parts.append(DOUBLE_PARENTHESES.sub(replace, html[position:]))
    return "".join(parts)


def expand(
    html: str,
    counts: Counter,
    notes: list[str],
    max_depth: int = DEFAULT_MAX_DEPTH,
    depth: int = 1,
    *,
    footnotes: list | None = None,
) -> str:
    """``html`` with its shortcodes replaced; ``counts`` and ``notes`` say what happened to each.

    Footnote shortcodes and ``((…))`` become markers ``<sup data-fn="key">``, their notes
    ``(key, html)`` pairs in ``footnotes`` (when it is given; otherwise they are kept as text).
    Shortcodes whose text is kept nest at most ``max_depth`` deep (``LimitError`` beyond).
    """
    if depth > max_depth:
        raise LimitError(f"its shortcodes nest deeper than {max_depth} ({HTML_DEPTH_SETTING})")

    def inner(content):
        return expand(content, counts, notes, max_depth, depth + 1, footnotes=footnotes)

    def replace(code):
        name, content = code.name, code.content
        attrs = _attributes(code.attrs_text)
        if code.escaped:
            return code.source[1:-1]
        if name in embeds.SHORTCODES and (card := embeds.shortcode(name, code.attrs_text, attrs, content)):
            counts[name] += 1
            return card
        # Attributes holding a tag are prose with a link, "[via <a href=…>Daring Fireball</a>]".
        if name not in BUILT_IN and content is None and (not attrs or "<" in code.attrs_text):
            return code.source
        counts[name] += 1
        if content is not None and name in FOOTNOTES and footnotes is not None:
            return _footnote(inner(content), footnotes)
        if content is not None and (name in CODE or name in CODE_LANGUAGES):
            return _code(name, attrs, content)
        if name in KEEP_CONTENT:
            return inner(content or "")
        url = _url_of(attrs, content or "")
        if url:
            notes.append(f"shortcode [{name}] replaced by its link {url}")
            return _link(url)
        if content and content.strip() and name not in BUILT_IN:
            notes.append(f"shortcode [{name}] removed, its text kept")
            return inner(content)
        notes.append(f"shortcode [{name}] dropped")
        return ""

    html = "".join(part if isinstance(part, str) else replace(part) for part in _shortcodes(html))
    return _double_parentheses(html, counts, footnotes) if footnotes is not None and depth == 1 else html
