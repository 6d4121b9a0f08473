"""A blog post's HTML as a small tree, with bare text grouped into paragraphs (pure functions).

The standard library's ``html.parser`` reads the tag soup; ``parse`` builds
``Element`` nodes (text stays ``str``, adjacent text joined) and closes what
HTML closes implicitly. Elements nest at most ``max_depth`` deep (``LimitError``
beyond): every later step walks the tree recursively.
``blockify`` then gives every container a list of blocks only, as WordPress's
``wpautop`` does on display: runs of bare text and inline tags become
paragraphs, split at blank lines, with single newlines as line breaks.
Content saved by the block editor (Gutenberg) is never run through
``wpautop``, so there newlines are plain whitespace.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track"}
BLOCK = {
    "p", "div", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "table",
    "figure", "figcaption", "section", "article", "aside", "header", "footer", "dl", "dt", "dd", "center",
    "address", "details", "summary", "nav", "main", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
}  # fmt: skip
# Containers whose blocks are spliced into their parent: they carry no meaning of their own here.
TRANSPARENT = {"div", "section", "article", "figure", "center", "header", "footer", "main", "nav", "aside",
               "address", "details", "summary"}  # fmt: skip
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# Far deeper than any post WordPress's editors make, and shallow enough for the recursive walks.
DEFAULT_MAX_DEPTH = 100
DROPPED = {"script", "style", "noscript", "template", "head", "title", "svg", "canvas", "form", "button",
           "select", "textarea", "map", "object"}  # fmt: skip


class LimitError(ValueError):
    """HTML beyond one of the converter's limits; the message says which."""


def depth_error(limit: int, setting: str = "") -> LimitError:
    """The error for HTML nesting beyond ``limit``, naming the caller's ``setting`` that sets it, if any."""
    named = f" ({setting})" if setting else ""
    return LimitError(f"its HTML nests deeper than {limit} elements{named}")


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)

    def text(self) -> str:
        """The text of this element and its descendants, as a browser would copy it."""
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def iter(self):
        """This element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()


class _TreeBuilder(HTMLParser):
    def __init__(self, max_depth: int, setting: str):
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self.stack = [self.root]
        self.max_depth, self.setting = max_depth, setting
        self.gutenberg_comments = 0
        self.text = []  # data since the last tag, joined into one node when the next comes

    def _flush(self):
        if self.text:
            self.stack[-1].children.append("".join(self.text))
            self.text.clear()

    def _close(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def _open_inside(self, *tags, stop=("blockquote", "div", "td", "th", "ul", "ol", "li", "table")):
        for element in reversed(self.stack[1:]):
            if element.tag in tags:
                return element.tag
            if element.tag in stop:
                return None
        return None

    def handle_starttag(self, tag, attrs):
        self._flush()
        if tag in BLOCK and (open_tag := self._open_inside("p")):
            self._close(open_tag)
        if tag == "li" and (open_tag := self._open_inside("li", stop=("ul", "ol"))):
            self._close(open_tag)
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            if len(self.stack) > self.max_depth:
                raise depth_error(self.max_depth, self.setting)
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._close(tag)

    def handle_endtag(self, tag):
        self._flush()
        self._close(tag)

    def handle_data(self, data):
        self.text.append(data)

    def parse_marked_section(self, i, report=1):
        # "<![CDATA[…]]>" and any other "<![" are bogus comments in HTML, ending at the next ">";
        # the standard library's reading of them raises AssertionError on unknown keywords.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def handle_comment(self, data):
        if re.match(r"\s*/?wp:", data):
            self.gutenberg_comments += 1


def parse(html: str, max_depth: int = DEFAULT_MAX_DEPTH, setting: str = "") -> tuple[Element, int]:
    """The tree of ``html`` and how many Gutenberg block comments it held (they are dropped).

    Raises ``LimitError`` when elements nest deeper than ``max_depth``; its
    message names ``setting``, the caller's name for that limit, when given.
    """
    builder = _TreeBuilder(max_depth, setting)
    builder.feed(html)
    builder.close()
    builder._flush()
    return builder.root, builder.gutenberg_comments


def block_text(element: Element) -> str:
    """The text of ``element`` with a space where one block ends and another begins."""
    return "".join(
        child
        if isinstance(child, str)
        else f" {block_text(child)} "
        if is_block(child)
        else block_text(child)
        for child in element.children
    )


def is_block(node) -> bool:
    return isinstance(node, Element) and node.tag in BLOCK


def _split_lines(text: str) -> list:
    """``text`` with each newline as a ``<br>`` element."""
    nodes = []
    for number, line in enumerate(text.split("\n")):
        if number:
            nodes.append(Element("br"))
        nodes.append(line)
    return nodes


def _trim(paragraph: Element) -> Element:
    """Drop the line breaks and blank text at the edges of a paragraph, where wpautop makes none."""
    children = paragraph.children
    start, end = 0, len(children)
    while start < end and _blank(children[start]):
        start += 1
    while end > start and _blank(children[end - 1]):
        end -= 1
    paragraph.children = children[start:end]
    return paragraph


def _blank(node) -> bool:
    return getattr(node, "tag", "") == "br" or (isinstance(node, str) and not node.strip())


def _paragraphs(run: list, autop: bool) -> list[Element]:
    """Split a run of inline nodes into paragraphs: at blank lines, with newlines as ``<br>`` (autop only)."""
    paragraphs, current = [], Element("p")
    for node in run:
        if not isinstance(node, str):
            if not (isinstance(node, Element) and node.tag in DROPPED):
                current.children.append(node)
            continue
        pieces = PARAGRAPH_BREAK.split(node) if autop else [node]
        for index, piece in enumerate(pieces):
            if index:
                paragraphs.append(current)
                current = Element("p")
            current.children.extend(_split_lines(piece) if autop else [piece])
    paragraphs.append(current)
    return [
        _trim(p) for p in paragraphs if p.text().strip() or any(isinstance(c, Element) for c in p.children)
    ]


def _line_breaks(element: Element, top: bool = True) -> None:
    """Inside a paragraph-like element of a classic post, a newline within the text is a line break."""
    children = []
    for child in element.children:
        if isinstance(child, str):
            children.extend(_split_lines(child))
        else:
            if child.tag not in ("pre", "code"):
                _line_breaks(child, top=False)
            children.append(child)
    element.children = children
    if top:
        _trim(element)


def _adopt_stray_lists(element: Element) -> None:
    """Put a list standing directly in a list (old editors wrote them) into the item before it.

    Browsers show such a list indented under that item, so it is that item's sub-list;
    with no item before it, it gets an item of its own.
    """
    children = []
    for child in element.children:
        if isinstance(child, Element) and child.tag in ("ul", "ol"):
            if children and children[-1].tag == "li":
                children[-1].children.append(child)
            else:
                children.append(Element("li", children=[child]))
        elif isinstance(child, Element):
            children.append(child)
    element.children = children


def blockify(element: Element, autop: bool) -> Element:
    """Give ``element`` (a container) only block children, recursively; returns it."""
    blocks, run = [], []

    def flush():
        if run and any(isinstance(node, Element) or node.strip() for node in run):
            blocks.extend(_paragraphs(run, autop))
        run.clear()

    for child in element.children:
        if not is_block(child):
            run.append(child)
            continue
        flush()
        if child.tag in TRANSPARENT:
            blocks.extend(blockify(child, autop).children)
        elif child.tag == "blockquote" or (
            child.tag in ("dd", "figcaption") and any(map(is_block, child.children))
        ):
            blocks.append(blockify(child, autop))
        elif child.tag in ("ul", "ol", "dl"):
            if child.tag != "dl":
                _adopt_stray_lists(child)
            child.children = [
                blockify(item, autop) if any(map(is_block, item.children)) else item
                for item in child.children
                if isinstance(item, Element)
            ]
            if autop:
                for item in child.children:
                    if not any(map(is_block, item.children)):
                        _line_breaks(item)
            blocks.append(child)
        else:
            if autop and child.tag not in ("pre", "table"):
                _line_breaks(child)
            blocks.append(child)
    flush()
    element.children = blocks
    return element


def tail(nodes: list, count: int) -> list:
    """The end of ``nodes`` that holds their last ``count`` non-space characters, elements split."""
    kept = []
    for node in reversed(nodes):
        if count <= 0:
            break
        size = len(re.sub(r"\s", "", (node if isinstance(node, str) else node.text())))
        if size <= count:
            kept.insert(0, node)
        elif isinstance(node, str):
            cut = [index for index, char in enumerate(node) if not char.isspace()][-count]
            kept.insert(0, node[cut:])
        else:
            kept.insert(0, Element(node.tag, dict(node.attrs), tail(node.children, count)))
        count -= size
    return kept
