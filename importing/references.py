"""Reading a blogger's footnote as a bibliographic reference (pure functions).

Bloggers who cite carefully write notes in the Chicago shape:

- an article: ``Drew Hinshaw and Margaret Coker, “Defenders Outgunned By
  Islamists In Desert,” The Wall Street Journal, February 22, 2013.``
- a book: ``John Stuart Mill, On Liberty (London: John W. Parker, 1859), 22.``

``parse_reference`` returns a ``Reference`` for a note of either shape and
``None`` for anything else (an explanation, a joke), so only notes that really
read as citations become sources in the library. ``parse_citation`` reads a
whole note: the citation, its page (``, 22.``) and what the writer added after
it (``Mill …, 22. He recanted later.``), so that nothing the note says is lost.
"""

import re
import unicodedata
from dataclasses import dataclass, field

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
DATE_PATTERNS = [
    re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),\s*(?P<year>\d{{4}})$"),
    re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$"),
    re.compile(rf"^{_MONTH}\s+(?P<year>\d{{4}})$"),
    re.compile(r"^(?P<year>\d{4})$"),
]
URL_RE = re.compile(r"https?://[^\s<>“”\"]+[^\s<>“”\".,;:)]")
# Author(s), “Title,” Container, Date — quotes curly or straight, the comma inside or outside them.
ARTICLE_RE = re.compile(r"^(?P<authors>[^“\"]*?),?\s*[“\"](?P<title>[^”\"]+?)[,.]?[”\"]\s*,?\s*(?P<rest>.*)$")
# Author(s), Title (Place: Publisher, Year), pages.
BOOK_RE = re.compile(
    r"^(?P<authors>[^,(“\"]+(?:,\s*and\s+[^,(]+)?),\s*(?P<title>[^()“\"]+?)\s*"
    r"\((?:(?P<place>[^:()]+):\s*)?(?P<publisher>[^()]+?),\s*(?P<year>\d{4})\)"
)
NEWSPAPER_WORDS = re.compile(
    r"\b(times|post|journal|news|herald|tribune|guardian|telegraph|gazette|chronicle|globe|daily|"
    r"independent|observer|reuters|associated press|inquirer|examiner|courier|monde|zeitung|bbc)\b",
    re.IGNORECASE,
)
MAGAZINE_WORDS = re.compile(
    r"\b(magazine|atlantic|new yorker|economist|newsweek|time|harper's|spectator|review|weekly)\b",
    re.IGNORECASE,
)
# A page or range closing a citation: ", 22.", ", pp. 3–5.", ", A1."; a bare year is no page.
LOCATOR_RE = re.compile(
    r",\s*(?:(?P<label>pp?\.|pages?|at)\s*)?(?P<pages>[A-Z]?\d+[a-z]?(?:\s*[-–—]\s*[A-Z]?\d+[a-z]?)?)[.;]?$"
)
YEAR_RE = re.compile(r"^(?:1[5-9]|20)\d\d$")
# Where a citation may end and the writer's remark begin: a sentence's or a clause's end.
# Not after an abbreviation ("pp.", "ch.", an initial), which goes on.
CITATION_END = re.compile(
    r"(?<!\bpp\.)(?<!\bp\.)(?<!\bch\.)(?<!\bvol\.)(?<!\bno\.)(?<!\bed\.)(?<!\bcf\.)(?<!\b[A-Z]\.)"
    r"(?<=[.;!?])(?=\s|$)"
)
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


@dataclass(frozen=True)
class Reference:
    """What a note says about a work, in CSL terms."""

    type: str
    title: str
    authors: list = field(default_factory=list)
    container_title: str = ""
    publisher: str = ""
    publisher_place: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    url: str = ""

    def first_family(self) -> str:
        if not self.authors:
            return ""
        first = self.authors[0]
        return first.get("family") or first.get("literal", "")


def normalize(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: how titles are compared."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def parse_date(text: str) -> tuple[int | None, int | None, int | None] | None:
    """``(year, month, day)`` from "February 22, 2013", "22 Feb. 2013", "2013-02-22", "Feb 2013" or "2013"."""
    text = text.strip().rstrip(".").strip()
    for pattern in DATE_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = match.groupdict()
        month = parts.get("month")
        if month is not None and not month.isdigit():
            month = MONTHS.get(month.lower())
            if month is None:
                continue
        month = int(month) if month else None
        day = int(parts["day"]) if parts.get("day") else None
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            continue
        return int(parts["year"]), month, day
    return None


def parse_names(text: str) -> list[dict]:
    """CSL names from "Drew Hinshaw and Margaret Coker" or "A, B, and C"; one word is a literal name."""
    text = re.sub(r"^(by)\s+", "", text.strip(), flags=re.IGNORECASE)
    names = []
    for part in re.split(r",\s*and\s+|\s+and\s+|\s*&\s*|,\s*", text):
        words = [word for word in part.split() if word.lower() not in NAME_SUFFIXES]
        if not words:
            continue
        if len(words) == 1:
            names.append({"literal": words[0]})
        else:
            names.append({"given": " ".join(words[:-1]), "family": words[-1]})
    return names


def _looks_like_names(text: str) -> bool:
    """A name list is short and capitalised, with no sentence punctuation."""
    words = text.replace(",", " ").split()
    return 0 < len(words) <= 16 and not re.search(r"[.;:!?]\s", text + " ") and text[:1].isupper()


def _article(text: str) -> Reference | None:
    match = ARTICLE_RE.match(text)
    if not match:
        return None
    authors_text = match["authors"].strip().rstrip(",")
    if authors_text and not _looks_like_names(authors_text):
        return None
    url_match = URL_RE.search(match["rest"])
    url = url_match.group(0) if url_match else ""
    rest = URL_RE.sub("", match["rest"])
    rest = re.sub(r"\baccessed\s+(?:[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|[^,]*)", "", rest, flags=re.IGNORECASE)
    parts = [part.strip() for part in rest.strip().rstrip(".").split(",") if part.strip()]
    date = None
    for size in (2, 1):
        if len(parts) >= size and (date := parse_date(", ".join(parts[-size:]))):
            parts = parts[:-size]
            break
    container = ", ".join(parts).strip()
    if not (date or url):
        return None
    year, month, day = date or (None, None, None)
    if container and NEWSPAPER_WORDS.search(container) and not MAGAZINE_WORDS.search(container):
        kind = "article-newspaper"
    elif container and MAGAZINE_WORDS.search(container):
        kind = "article-magazine"
    elif url and (not container or re.search(r"\.\w{2,4}$", container)):
        kind = "webpage"
    else:
        kind = "article-newspaper"
    return Reference(
        type=kind,
        title=match["title"].strip(),
        authors=parse_names(authors_text) if authors_text else [],
        container_title=container,
        year=year,
        month=month,
        day=day,
        url=url,
    )


def _book(text: str) -> Reference | None:
    match = BOOK_RE.match(text)
    if not match or not _looks_like_names(match["authors"]):
        return None
    url_match = URL_RE.search(text)
    return Reference(
        type="book",
        title=match["title"].strip(),
        authors=parse_names(match["authors"]),
        publisher=match["publisher"].strip(),
        publisher_place=(match["place"] or "").strip(),
        year=int(match["year"]),
        url=url_match.group(0) if url_match else "",
    )


def parse_reference(text: str) -> Reference | None:
    """The work a footnote cites, or ``None`` when the note does not read as a citation."""
    text = " ".join((text or "").split())
    if not text or len(text) > 600:
        return None
    return _article(text) or _book(text)


@dataclass(frozen=True)
class Citation:
    """A note read as a citation: the work, the page cited, and the writer's remark after it."""

    reference: Reference
    locator: str = ""  # as Pandoc writes it: "p. 22", "pp. 3–5"
    remark: str = ""  # the note's text after the citation, its closing punctuation included
    separator: str = ""  # the punctuation that ended the citation, kept between it and the remark


def _locator(match) -> str:
    pages = re.sub(r"\s*[-–—]\s*", "–", match["pages"])
    label = (match["label"] or "").lower()
    if label in ("at", "") or label.startswith("page"):
        label = "pp." if "–" in pages else "p."
    return f"{label} {pages}"


def parse_citation(text: str) -> Citation | None:
    """The citation a note opens with, its locator and the remark after it; ``None`` when none.

    The shortest opening that reads as a citation is the citation, so a second work named in
    the remark ("See also …") stays in the remark.
    """
    text = " ".join((text or "").split())
    ends = [match.end() for match in CITATION_END.finditer(text)] + [len(text)]
    for end in dict.fromkeys(ends):
        head, remark = text[:end], text[end:].strip()
        if len(head) > 600:
            return None
        locator = LOCATOR_RE.search(head)
        page = locator and (locator["label"] or not YEAR_RE.match(locator["pages"]))
        if page and (reference := parse_reference(head[: locator.start()] + ".")):
            return Citation(reference, _locator(locator), remark, head[-1] if remark else "")
        if reference := parse_reference(head):
            separator = head[-1] if remark and head[-1] in ".;!?" else ""
            return Citation(reference, "", remark, separator)
    return None


def make_key(reference: Reference, taken) -> str:
    """A Pandoc-style key such as ``hinshaw2013``, made unique against ``taken`` with a, b, c…"""
    stem = reference.first_family() or next(
        (word for word in normalize(reference.title).split() if len(word) > 3), "source"
    )
    stem = re.sub(r"[^a-z0-9]", "", normalize(stem).replace(" ", "")) or "source"
    base = f"{stem}{reference.year or ''}"
    if base not in taken:
        return base
    for index in range(26 * 27):
        suffix = chr(97 + index % 26) if index < 26 else chr(96 + index // 26) + chr(97 + index % 26)
        if f"{base}{suffix}" not in taken:
            return f"{base}{suffix}"
    raise ValueError(f"No free key for {base}.")
