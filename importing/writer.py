"""Writing the dialect from a parsed post: ``Writer`` turns an ``htmltree`` into the blog's Markdown.

Text is escaped so imported prose is never read as Markdown (``escape_text``);
lists, code, tables, headings with their anchors, images, quotes and notes are
written as the dialect reads them, with its own markers and labels (strike,
super- and subscript, asides: ``blog.rendering``). A platform's converter
(``wordpress.convert``) prepares the tree — its shortcodes, galleries, embeds,
footnotes — and calls the writer, saying where copied files now live
(``media_url``, ``link_url``).
"""

import re

from blog.rendering.inline import ASIDE_LABELS
from blog.rendering.scripts import SUBSCRIPT, SUPERSCRIPT
from blog.rendering.strike import STRIKE
from citations.keys import cite_key
from importing.htmltree import Element, is_block, tail
from importing.references import parse_citation

BREAK = "\x01"
ASIDE_ONLY = re.compile(rf"^\s*\[({'|'.join(ASIDE_LABELS)}):.*\]\s*$", re.DOTALL)
DROPPED = {"script", "style", "noscript", "template", "svg", "canvas", "form", "button", "select", "textarea",
           "map", "object", "head", "title", "input"}  # fmt: skip
EMBEDS = {"iframe", "video", "audio", "embed"}
STRUCK = {"del", "s", "strike"}
SCRIPTS = {"sup": SUPERSCRIPT, "sub": SUBSCRIPT}
CODE = {"code", "kbd", "samp", "tt"}
LIST_BLOCKS = {"p", "ul", "ol", "blockquote", "pre", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl"}
ANCHOR_ID = re.compile(r"^[A-Za-z][\w.:-]*$")  # as blog.rendering.anchors reads it
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def escape_text(text: str, in_link: bool = False, post: bool = True) -> str:
    """``text`` with every character Markdown (with the dialect's extras) would act on escaped.

    Tildes, carets and at signs are escaped in a post only: comments have no
    strike-through, scripts or citations (an "@name" in a post would cite a source).
    """
    text = text.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*")
    if post:
        for marker in {*STRIKE, SUPERSCRIPT, SUBSCRIPT}:
            text = text.replace(marker, f"\\{marker}")
        text = re.sub(r"(?<![^\W_])@", r"\\@", text)
    text = re.sub(r"(?<![^\W_])_|_(?![^\W_])", r"\\_", text)
    text = re.sub(r"\[(?=[\^@])", r"\\[", text)
    text = re.sub(r"\](?=[(\[])", r"\\]", text)
    text = re.sub(r"\{(?=[:#.])", r"\\{", text)
    text = re.sub(r"&(?=#?\w+;)", "&amp;", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    if in_link:
        text = text.replace("[", "\\[").replace("]", "\\]")
    return text


LINE_START = [
    (re.compile(r"^(#|>|\+ |- |= |: )"), r"\\\1"),
    (re.compile(r"^(\d+)\. "), r"\1\\. "),
    (re.compile(r"^([-=_]+\s*)$"), r"\\\1"),
    (re.compile(r"^\[([^\]]*\]:)"), r"\\[\1"),
]


def escape_line_start(line: str) -> str:
    """Escape what would start a heading, quote, list, rule or link definition at the start of a line."""
    for pattern, replacement in LINE_START:
        line = pattern.sub(replacement, line, count=1)
    return line


def _url(href: str) -> str:
    return href.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")


class Writer:
    """Walks a blockified tree and writes Markdown; one instance per conversion."""

    def __init__(
        self, notes: dict, resolve, problems: list, *, post: bool = True, media_url=None, link_url=None
    ):
        self.post = post
        # Where an image's file is now, and a link's target (a file the importer copied, say).
        self.media_url = media_url or (lambda url: url)
        self.link_url = link_url or (lambda href, has_image: href)
        self.notes = notes
        self.resolve = resolve
        self.problems = problems
        self.labels = {}  # note key → "^n" or "@key"
        self.citations = {}  # note key → citation key or None
        self.definitions = []
        self.nested = 0  # how many lists and quotes hold the block being written
        self.anchors = set()  # the heading ids kept, which in-page links may point at

    # Notes and citations -------------------------------------------------------------

    def citation_of(self, key: str) -> str | None:
        if key not in self.citations:
            citation = parse_citation(_plain(self.notes[key].content))
            self.citations[key] = (self.resolve(citation.reference) if citation else None, citation)
        return self.citations[key][0]

    def cites_alone(self, key: str) -> bool:
        """Whether the note is a citation and nothing else, so that ``[@key]`` can stand for it."""
        return bool(self.citation_of(key)) and not self.citations[key][1].remark

    def marker(self, key: str) -> str:
        if key not in self.labels:
            if self.cites_alone(key):
                locator = self.citations[key][1].locator
                self.labels[key] = cite_key(self.citation_of(key)) + (f", {locator}" if locator else "")
            else:
                number = len(self.definitions) + 1
                self.labels[key] = f"^{number}"
                self.definitions.append((number, key))
        return f"[{self.labels[key]}]"

    # Inline ------------------------------------------------------------------------------

    def inline(self, nodes, *, in_link=False, styles=frozenset()) -> str:
        return "".join(self.node(node, in_link=in_link, styles=styles) for node in nodes)

    def node(self, node, *, in_link, styles) -> str:
        if isinstance(node, str):
            return escape_text(re.sub(r"\s+", " ", node), in_link, self.post)
        tag = node.tag
        if tag == "note":
            return self.marker(node.attrs["key"])
        if tag == "br":
            return BREAK
        if tag in DROPPED:
            return ""
        if tag in EMBEDS:
            src = node.attrs.get("src") or next(
                (child.attrs.get("src") for child in node.iter() if child.attrs.get("src")), ""
            )
            self.problems.append(f"<{tag}> replaced by its link {src}" if src else f"<{tag}> dropped")
            return f" <{_url(src)}> " if src.startswith(("http://", "https://")) else ""
        if tag == "img":
            return self.image(node)
        if tag == "a":
            href = node.attrs.get("href", "").strip()
            href = self.link_url(href, any(child.tag == "img" for child in node.iter()))
            text = self.inline(node.children, in_link=True, styles=styles)
            in_page = href.startswith("#") and href[1:] in self.anchors
            if (
                not href
                or href.startswith("javascript:")
                or (href.startswith("#") and not in_page)
                or in_link
            ):
                return text
            if not text.strip():
                return ""
            if text == escape_text(href, True, self.post) and re.match(r"^https?://\S+$", href):
                return f"<{_url(href)}>"
            return f"[{text}]({_url(href)})"
        if tag in CODE:
            code = node.text()
            fence = "`" * (max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
            return (
                f"{fence} {code} {fence}"
                if code.startswith("`") or code.endswith("`")
                else f"{fence}{code}{fence}"
            )
        if tag in STRUCK and not self.post:
            self.problems.append("struck-through text kept as plain text")
        if tag in SCRIPTS and self.post:
            inner = self.inline(node.children, in_link=in_link, styles=styles)
            if not inner.strip():
                return inner
            if re.search(r"[\s\[\]]", inner):  # the dialect's scripts hold no spaces; raw tags do
                return f"<{tag}>{inner}</{tag}>"
            return f"{SCRIPTS[tag]}{inner}{SCRIPTS[tag]}"
        if tag == "q":
            return "“" + self.inline(node.children, in_link=in_link, styles=styles) + "”"
        style = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}.get(tag)
        if tag in STRUCK and self.post:
            style = STRIKE
        if style is None or style in styles:
            return self.inline(node.children, in_link=in_link, styles=styles)
        inner = self.inline(node.children, in_link=in_link, styles=styles | {style})
        if not inner.strip() or ASIDE_ONLY.match(inner):
            return inner
        lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", inner, re.DOTALL).groups()
        return f"{lead}{style}{core}{style}{trail}"

    def image(self, node: Element) -> str:
        """``![alt](url "title")``, at the new copy's URL when the file was brought over."""
        src = node.attrs.get("src", "").strip()
        if not src:
            return ""
        alt = escape_text(" ".join(node.attrs.get("alt", "").split()), True, self.post)
        title = " ".join(node.attrs.get("title", "").split())
        title = f' "{escape_text(title, True, self.post).replace(chr(34), "&quot;")}"' if title else ""
        return f"![{alt}]({_url(self.media_url(src))}{title})"

    def paragraph(self, nodes) -> str:
        text = self.inline(nodes)
        # A <br> and the newline after it are one break (wpautop adds none there), and "<br><br>" is
        # one too: an empty line would end the paragraph.
        text = re.sub(r"(?: *\x01)+ *", BREAK, re.sub(r"[ \t\n]+", " ", text)).strip(f" {BREAK}")
        return "  \n".join(escape_line_start(line.strip()) for line in text.split(BREAK))

    # Blocks ------------------------------------------------------------------------------

    def blocks(self, elements) -> list[str]:
        texts, previous = [], None
        for element in elements:
            if not (text := self.block(element)):
                continue
            if previous in ("ul", "ol") and element.tag in ("ul", "ol"):
                # Markdown joins adjacent lists into one; an empty comment keeps them apart.
                texts.append("<!-- -->")
            texts.append(text)
            previous = element.tag
        return texts

    def block(self, element) -> str:
        tag = element.tag
        if tag in HEADINGS:
            text = self.paragraph(element.children).replace("  \n", " ")
            anchor = f" {{#{heading_anchor(element)}}}" if heading_anchor(element) in self.anchors else ""
            return f"{'#' * HEADINGS[tag]} {text}{anchor}" if text else ""
        if tag == "hr":
            return "---"
        if tag == "pre":
            code = _code_text(element).strip("\n")
            if self.nested:  # Python-Markdown reads fences only at the margin
                return "\n".join(f"    {line}" if line.strip() else "" for line in code.split("\n"))
            fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"^\s*(`{3,})", code, re.MULTILINE))])
            return f"{fence}{_code_language(element)}\n{code}\n{fence}"
        if tag in ("blockquote", "ul", "ol"):
            self.nested += 1
            try:
                if tag != "blockquote":
                    return self.list(element)
                return _prefix("> ", ">", "\n\n".join(self.blocks(element.children)))
            finally:
                self.nested -= 1
        if tag == "table":
            return self.table(element)
        if tag == "dl":
            return "\n\n".join(
                self.paragraph(
                    [Element("strong", children=item.children)] if item.tag == "dt" else item.children
                )
                for item in element.children
                if isinstance(item, Element)
            )
        if tag == "figcaption" and not any(map(is_block, element.children)):
            # An image's caption: the paragraph after it, in italics (the dialect has no figure).
            return self.paragraph([Element("em", children=element.children)])
        if tag == "p" and len(element.children) == 1 and getattr(element.children[0], "tag", "") == "cite":
            return "— " + self.paragraph(element.children[0].children)
        return self.paragraph(element.children)

    def list(self, element) -> str:
        """A Markdown list; tight when every item is one line, perhaps followed by a tight sub-list.

        Python-Markdown ends a sub-list at the first blank line only in a loose list, so a list
        with any other item is written loose throughout: blank lines between items and blocks.
        """
        start = element.attrs.get("start", "")
        number = int(start) if start.isdigit() else 1
        items, tight = [], True
        for item in element.children:
            if not isinstance(item, Element):
                continue
            bullet = f"{number}. " if element.tag == "ol" else "- "
            number += 1
            if any(isinstance(child, Element) and child.tag in LIST_BLOCKS for child in item.children):
                blocks = [child for child in item.children if isinstance(child, Element)]
                parts = self.blocks(blocks)
                tight = tight and _tight_item(blocks, parts)
            else:
                parts = [self.paragraph(item.children)]
            items.append((bullet, parts))
        return ("\n" if tight else "\n\n").join(
            bullet
            + re.sub(r"\n    (?=\n)", "\n", ("\n" if tight else "\n\n").join(parts).replace("\n", "\n    "))
            for bullet, parts in items
        )

    def table(self, element) -> str:
        rows = [
            [self.paragraph(cell.children).replace("  \n", " ").replace("|", "\\|") for cell in row.children
             if isinstance(cell, Element) and cell.tag in ("td", "th")]
            for row in _rows(element)
        ]  # fmt: skip
        rows = [row for row in rows if row]
        if not rows:
            return ""
        width = max(map(len, rows))
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [" | ".join(rows[0]), " | ".join(["---"] * width), *(" | ".join(row) for row in rows[1:])]
        return "\n".join(f"| {line} |" for line in lines)

    def footnote_definitions(self) -> str:
        return "\n\n".join(
            f"[^{number}]: {self.note_text(key)}".replace("  \n", " ") for number, key in self.definitions
        )

    def note_text(self, key: str) -> str:
        """A note's text; a citation with a remark after it is ``[@key, p. 4]`` and the remark as written."""
        content = self.notes[key].content
        citation_key, citation = self.citations.get(key, (None, None))
        if not (citation_key and citation and citation.remark):
            return self.paragraph(content)
        remark = tail(content, len(re.sub(r"\s", "", citation.remark)))
        locator = f", {citation.locator}" if citation.locator else ""
        return f"[{cite_key(citation_key)}{locator}]{citation.separator} {self.paragraph(remark)}"


def _tight_item(blocks: list, parts: list[str]) -> bool:
    """Whether a list item's blocks are one paragraph, perhaps followed by one tight sub-list."""
    tags = [block.tag for block in blocks]
    if tags[:1] == ["p"]:
        tags = tags[1:]
    return (
        len(parts) <= 2
        and all(tag in ("ul", "ol") for tag in tags)
        and len(tags) <= 1
        and "\n\n" not in "".join(parts)
    )


def heading_anchor(heading: Element) -> str:
    """The id in-page links use for a heading: its own, or an anchor's inside it (``<a name>``)."""
    for element in heading.iter():
        if element is heading or element.tag == "a":
            name = element.attrs.get("id") or (element.attrs.get("name", "") if element.tag == "a" else "")
            if ANCHOR_ID.match(name):
                return name
    return ""


def _code_text(element: Element) -> str:
    """The text of a ``<pre>``, with each ``<br>`` (the visual editor wrote them) as a newline."""
    return "".join(
        child if isinstance(child, str) else "\n" if child.tag == "br" else _code_text(child)
        for child in element.children
    )


def _code_language(pre: Element) -> str:
    """The language a ``<pre>`` names: ``lang="php"``, ``class="brush: php"`` or ``language-php``."""
    for element in pre.iter():
        classes = element.attrs.get("class", "")
        match = re.search(r"\bbrush\s*:\s*([\w#+.-]+)", classes) or re.search(
            r"(?:^|\s)lang(?:uage)?-([\w#+.-]+)", classes
        )
        language = match[1] if match else element.attrs.get("lang", "")
        if language := re.sub(r"[^\w#+.-]", "", language).lower():
            return language
    return ""


def _rows(table: Element) -> list[Element]:
    """The table's own rows, in its sections or not; a table nested in a cell keeps its rows."""
    rows = []
    for child in table.children:
        if isinstance(child, Element) and child.tag == "tr":
            rows.append(child)
        elif isinstance(child, Element) and child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.children if isinstance(row, Element) and row.tag == "tr")
    return rows


def _prefix(first: str, empty: str, text: str) -> str:
    return "\n".join(f"{first}{line}" if line else empty for line in text.split("\n"))


def _plain(nodes) -> str:
    return " ".join("".join(node if isinstance(node, str) else node.text() for node in nodes).split())
