"""A page's readable text: what a reader of the article reads, without menus, scripts or footers.

A pure function of the HTML, one pass of the standard library's parser. Text
inside ``nav``, ``script``, ``style``, ``aside``, ``footer`` (and the like) is
dropped; when the page has an ``article`` or ``main`` element, only the text
inside it is kept. Block elements end paragraphs; whitespace is normalised
to single spaces within a paragraph and one blank line between paragraphs.
"""

from html.parser import HTMLParser

MAX_HTML = 5_000_000
SKIPPED = {
    "nav", "script", "style", "aside", "footer", "header", "noscript", "template", "form", "svg",
    "iframe", "button", "select", "textarea", "object", "canvas", "math", "head",
}  # fmt: skip
MAIN = {"article", "main"}
BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "figure", "figcaption", "table", "tr", "td", "th", "dl", "dt", "dd", "br", "hr",
}  # fmt: skip


class TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = {}  # open skipped elements, by tag
        self.main_depth = 0
        self.page, self.main = [], []
        self.found_main = False

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping[tag] = self.skipping.get(tag, 0) + 1
        elif tag in MAIN and not self.skipping:
            self.main_depth += 1
            self.found_main = True
        if tag in BLOCKS:
            self.paragraph()

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCKS:
            self.paragraph()

    def handle_endtag(self, tag):
        if self.skipping.get(tag):
            self.skipping[tag] -= 1
            if not self.skipping[tag]:
                del self.skipping[tag]
        elif tag in MAIN and self.main_depth and not self.skipping:
            self.main_depth -= 1
        if tag in BLOCKS:
            self.paragraph()

    def handle_data(self, data):
        if not self.skipping:
            self.page.append(data)
            if self.main_depth:
                self.main.append(data)

    def paragraph(self):
        self.page.append("\n\n")
        if self.main_depth:
            self.main.append("\n\n")


def readable_text(html: str) -> str:
    """The article's text of ``html``, paragraphs separated by blank lines."""
    collector = TextCollector()
    try:
        collector.feed(html[:MAX_HTML])
        collector.close()
    except (AssertionError, ValueError):
        pass  # what was read before broken markup stands
    parts = collector.main if collector.found_main and "".join(collector.main).strip() else collector.page
    paragraphs = (" ".join(paragraph.split()) for paragraph in "".join(parts).split("\n\n"))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
