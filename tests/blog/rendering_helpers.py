"""Test doubles and HTML helpers shared by the rendering tests.

``FakeSource`` implements ``blog.rendering.Citable`` the way
``citations.Source`` does for the Chicago notes style, so the pipeline can be
tested without the database.
"""

from dataclasses import dataclass
from html import escape

from bs4 import BeautifulSoup

from blog.rendering import render_post, without_sidenotes
from blog.rendering.sanitize import AUTHOR_ATTRIBUTES, AUTHOR_TAGS


@dataclass(frozen=True)
class FakeSource:
    key: str
    authors: str
    short_authors: str
    title: str
    short_title: str
    container: str
    date: str
    url: str = ""

    def note(self, locator="", *, short=False, label="page", suppress_author=False):
        locator = escape(locator if label == "page" or not locator else f"{label} {locator}")
        if short:
            authors = "" if suppress_author else f"{self.short_authors}, "
            if locator:
                return f"{authors}“{self.short_title},” {locator}."
            return f"{authors}“{self.short_title}.”"
        where = f", {locator}" if locator else ""
        authors = "" if suppress_author else f"{self.authors}, "
        return f"{authors}“{self.title},” <i>{self.container}</i>, {self.date}{where}."

    def narrative(self, *, short=False):
        return self.short_authors if short else self.authors

    def attribution(self):
        return f"{self.authors}, <i>{self.container}</i>"


SEED = FakeSource(
    key="hinshaw2013",
    authors="Drew Hinshaw and Margaret Coker",
    short_authors="Hinshaw and Coker",
    title="Defenders Outgunned By Islamists In Desert",
    short_title="Defenders Outgunned",
    container="The Wall Street Journal",
    date="February 22, 2013",
)
SEED_NOTE = (
    "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
    "<i>The Wall Street Journal</i>, February 22, 2013."
)
SEED_SHORT_NOTE = "Hinshaw and Coker, “Defenders Outgunned.”"
MILL = FakeSource(
    key="mill1859",
    authors="John Stuart Mill",
    short_authors="Mill",
    title="On Liberty",
    short_title="On Liberty",
    container="John W. Parker and Son",
    date="1859",
    url="https://www.gutenberg.org/ebooks/34901",
)
SOURCES = {source.key: source for source in (SEED, MILL)}


def soup(html):
    """The HTML parsed, for finding elements by CSS selector."""
    return BeautifulSoup(html, "html.parser")


def text_of(element):
    """An element's text as a reader sees it, whitespace collapsed."""
    return " ".join(element.get_text().split())


def disallowed_markup(html, tags=AUTHOR_TAGS, attributes=AUTHOR_ATTRIBUTES):
    """Every tag or attribute in ``html`` outside the allowlist, as ``tag`` or ``tag@attribute``."""
    found = []
    for element in soup(html).find_all(True):
        if element.name not in tags:
            found.append(element.name)
        allowed = set(attributes.get("*", ())) | set(attributes.get(element.name, ()))
        found.extend(f"{element.name}@{name}" for name in element.attrs if name not in allowed)
    return found


def render_with_notes(text, sources=SOURCES):
    """The rendering, its HTML as a list reader (no sidenote copies) sees it, and its notes' text."""
    rendering = render_post(text, sources)
    page = soup(without_sidenotes(rendering.html))
    notes = []
    for item in page.select("section.footnotes > ol > li"):
        for backref in item.select("a.footnote-backref"):
            backref.decompose()
        notes.append(text_of(item))
    return rendering, page, notes
