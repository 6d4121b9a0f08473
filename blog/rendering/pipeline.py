"""The public face of the pipeline: ``render_post`` and ``render_comment``."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import markdown

from blog.rendering.sanitize import clean_author_html, clean_reader_html
from citations.models import CITATION_KEY_PATTERN

CITATION_KEY_RE = re.compile(rf"@({CITATION_KEY_PATTERN})")


class Citable(Protocol):
    """What the pipeline needs of a source: its key, its URL and its notes."""

    key: str
    url: str

    def note(self, locator: str = "", *, short: bool = False) -> str:
        """The footnote text as HTML, full or short, with the locator."""

    def attribution(self) -> str:
        """Who and where, as HTML, for an excerpt's caption (authors and container)."""


@dataclass(frozen=True)
class ExcerptInfo:
    position: int
    source_key: str | None
    locator: str
    text: str
    word_count: int
    omissions: int


@dataclass(frozen=True)
class AsideInfo:
    position: int
    excerpt_position: int | None
    label: str
    text: str


@dataclass(frozen=True)
class FootnoteInfo:
    number: int
    source_key: str | None
    locator: str
    html: str


@dataclass(frozen=True)
class Rendering:
    """Sanitized HTML and the structure the pipeline found in the text."""

    html: str
    excerpts: list[ExcerptInfo] = field(default_factory=list)
    asides: list[AsideInfo] = field(default_factory=list)
    interpolations: list[str] = field(default_factory=list)
    footnotes: list[FootnoteInfo] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    word_count: int = 0
    quoted_word_count: int = 0


def citation_keys(text: str) -> set[str]:
    """Every key that looks cited in ``text``, so callers can fetch the sources first."""
    return set(CITATION_KEY_RE.findall(text or ""))


def render_post(text: str, sources: Mapping[str, Citable] | None = None) -> Rendering:
    """Render a post body written in the commentary dialect."""
    text = (text or "").replace("\x00", "")
    html = markdown.markdown(text, extensions=["extra", "smarty"], output_format="html")
    return Rendering(html=clean_author_html(html), word_count=len(text.split()))


def render_comment(text: str) -> str:
    """Render a reader's comment under the reader allowlist."""
    text = (text or "").replace("\x00", "")
    return clean_reader_html(markdown.markdown(text, output_format="html"))


def preview_markdownify(text: str) -> str:
    """markdownx's preview: the same HTML the public page shows, without sources."""
    return render_post(text).html
