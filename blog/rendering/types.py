"""What goes into the pipeline (``Citable``) and what comes out (``Rendering``).

Positions are 1-based and count in reading order: the first excerpt of a post
is excerpt 1, its first aside is aside 1. Plain texts are whitespace-normalised,
with paragraphs separated by a blank line.
"""

from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import unquote, urlsplit


class Citable(Protocol):
    """What the pipeline needs of a source: its key, its URL and its notes."""

    key: str
    url: str

    def note(
        self, locator: str = "", *, short: bool = False, label: str = "page", suppress_author: bool = False
    ) -> str:
        """The footnote text as HTML, full or short, with the locator.

        ``label`` is the locator's CSL name (``page``, ``chapter``, ``sub verbo``…);
        ``suppress_author`` leaves out the author, whom the text names.
        """

    def narrative(self, *, short: bool = False) -> str:
        """The author as the text names them, as HTML: full names, or surnames when ``short``."""

    def attribution(self) -> str:
        """Who and where, as HTML, for an excerpt's caption (authors and container)."""

    def csl_item(self) -> dict:
        """The source as a CSL-JSON item, for an in-text style to format."""


class CitationStyle(Protocol):
    """A style that cites in the running text (``kind`` ``"in-text"``): ``(Smith 2016, 33)``."""

    kind: str

    def cite(self, citations: list, items: dict) -> list[str]:
        """The HTML of each citation (a sequence of ``Cite``) in reading order; ``items``: key to CSL-JSON."""


@dataclass(frozen=True)
class ExcerptInfo:
    """A blockquote with an attribution.

    ``source_key`` is None when the attribution names no source (an empty
    attribution, reported in ``Rendering.errors``, or free text such as
    ``— Oscar Wilde``). ``text`` is the quoted words only: asides and note
    markers are left out, interpolations and omission marks kept.
    """

    position: int
    source_key: str | None
    locator: str
    text: str
    word_count: int
    omissions: int
    interpolations: int = 0
    prefix: str = ""


@dataclass(frozen=True)
class AsideInfo:
    """An editorial aside such as ``[Comment: …]``; ``text`` is without label or brackets."""

    position: int
    excerpt_position: int | None
    label: str
    text: str


@dataclass(frozen=True)
class FootnoteInfo:
    """One numbered note, in the order the reader meets them.

    A citation note has the first cited source in ``source_key`` and every
    cited key in ``source_keys``. A plain ``[^label]`` note has ``source_key``
    None, its ``label``, and in ``source_keys`` the sources it cites inline.
    ``html`` is the sanitized note without its back-links.
    """

    number: int
    source_key: str | None
    locator: str
    html: str
    label: str | None = None
    source_keys: tuple[str, ...] = ()
    references: int = 1


@dataclass(frozen=True)
class CitationInfo:
    """One citation set in the running text by an in-text style, in reading order: ``(Smith 2016, 33)``.

    It has no note and no number: ``position`` counts the citations of the
    post, the running text's first, then those inside plain notes' texts. ``source_keys`` names
    every source it cites, the first one's locator in ``locator``; ``html``
    is the sanitized citation as the text shows it.
    """

    position: int
    source_keys: tuple[str, ...]
    locator: str
    html: str


@dataclass(frozen=True)
class ImageInfo:
    """An image in the page, in reading order, with its address and its alt text ("" when none)."""

    position: int
    src: str
    alt: str

    @property
    def name(self) -> str:
        """What an author knows the image by: the last part of its address."""
        path = unquote(urlsplit(self.src).path).rstrip("/")
        return path.rsplit("/", 1)[-1] or self.src


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
    images: list[ImageInfo] = field(default_factory=list)
    # Under an in-text style: each citation set in the text, in reading order.
    citations: list[CitationInfo] = field(default_factory=list)

    @property
    def publish_errors(self) -> list[str]:
        """Problems a draft may keep but a published post may not: images without alt text."""
        return [
            f"Image {image.position} ({image.name}) has no alt text. Describe it for readers who cannot "
            f"see it, between the brackets: ![a grey cat asleep on a keyboard]({image.src})."
            for image in self.images
            if not image.alt.strip()
        ]
