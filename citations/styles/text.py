"""Typographic helpers the styles share: escaping, quotes, names, dates, pages, links."""

import html
import re

from citations import markup
from citations.csl import family_with_particle
from citations.dates import MONTHS, SEASONS, read_date

CLOSING_MARKUP = re.compile(r"(</[a-z]+>)+$")
# An escaped character ending a piece, "&amp;", "&gt;": its semicolon is no punctuation to replace.
ENTITY_AT_END = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);\Z")


def esc(value):
    """Escape text for HTML content."""
    return html.escape(str(value), quote=False)


def field(item, *names):
    """The first of the record's ``names`` it gives, as one line of text (its spaces made single)."""
    return " ".join(str(next((item[name] for name in names if item.get(name)), "")).split())


def attr(value):
    """Escape text for an HTML attribute value."""
    return html.escape(str(value), quote=True)


def smart_quotes(text, *, nested=False):
    """Straight quotes to curly ones; inside a quoted title, doubles become singles."""
    text = re.sub(r"(^|[\s(\[—–-])'", "\\1‘", text)
    text = text.replace("'", "’")
    text = re.sub(r'(^|[\s(\[—–-])"', "\\1“", text)
    text = text.replace('"', "”")
    if nested:
        text = text.replace("“", "‘").replace("”", "’")
    return text


def title_html(title, *, nested=False):
    """A title as HTML: its CSL markup (``<i>``, ``<sc>``…) kept as formatting, the rest escaped."""
    return markup.to_html(title, lambda text: smart_quotes(text, nested=nested))


def quoted(title, href=None):
    """A title in curly double quotes, HTML-escaped, linked to ``href`` if given."""
    return f"“{linked(title_html(title, nested=True), href)}”"


def italic(title, href=None):
    """A title in italics, HTML-escaped, linked to ``href`` if given.

    A title inside it marked ``<i>`` is nested italics, which the stylesheet
    sets in roman (CMOS 8.171).
    """
    return f"<i>{linked(title_html(title), href)}</i>"


def linked(html, href):
    """``html`` inside a link to ``href``, or as it is without one."""
    return f'<a href="{esc(href)}">{html}</a>' if href else html


def _last_visible(text):
    """The last character a reader sees, looking through closing tags and quotes."""
    return CLOSING_MARKUP.sub("", text).rstrip("”’")[-1:]


def join(left, separator, right):
    """Join two pieces, moving a comma or period inside closing quotes (Chicago 6.9).

    A title that ends in ? or ! takes no further period but keeps a comma
    ("<i>Vous descendez?</i>, trans.", "“Are Flaxseeds All That?,”"), as
    the official CSL styles print them; a period never doubles ("et al.",
    "Jr."), and a comma or period takes the place of a comma, colon or
    semicolon a value ends with ("Press," never gives "Press,, 2011").
    """
    if not left:
        return right
    if not right and separator.strip() in ",.":
        separator = separator.strip()
    mark = separator[:1]
    if mark in ",." and left[-1:] in ",;:" and not ENTITY_AT_END.search(left):
        left = left[:-1].rstrip()
    last = _last_visible(left)
    if mark == "." and last in "?!.":
        separator = separator[1:]
    elif mark in ",." and left.endswith("”"):
        # A title that itself ends in a quotation closes both: “Lisa Gets an ‘A,’”
        closing = "’”" if left.endswith("’”") and "‘" in left else "”"
        left, separator = left[: -len(closing)] + mark + closing, separator[1:]
    return left + separator + right


def sentence(*pieces, separator=", ", end="."):
    """Join the non-empty pieces with ``separator`` and close with ``end``."""
    text = ""
    for piece in pieces:
        if piece:
            text = join(text, separator, piece)
    return join(text, end, "") if text and end else text


INITIAL = re.compile(r"\b([A-Z])(?:\.(?=\s|$)|(?=\s|$)|\.(?=[A-Z]\b))")


def given_names(name):
    """The given names with each initial followed by a period and a space (CMOS 17 10.12): "Nancy K"
    as "Nancy K.", "H.C.G." as "H. C. G."."""
    given = str(name.get("given") or "")
    return " ".join(INITIAL.sub(r"\1. ", given).split())


def given_first(name):
    """ "Drew Hinshaw", "Vincent van Gogh", "Martin Luther King Jr." """
    if "literal" in name:
        return name["literal"]
    parts = [
        given_names(name),
        name.get("dropping-particle"),
        name.get("non-dropping-particle"),
        name.get("family"),
        name.get("suffix"),
    ]
    return " ".join(filter(None, parts))


def family_first(name):
    """ "Hinshaw, Drew", "van Gogh, Vincent", "Tocqueville, Alexis de", "King, Martin Luther, Jr." """
    if "literal" in name:
        return name["literal"]
    given = " ".join(filter(None, [given_names(name), name.get("dropping-particle")]))
    return ", ".join(filter(None, [family_with_particle(name), given, name.get("suffix")]))


def and_list(items):
    """ "A", "A and B", "A, B, and C" """
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def note_names(names, *, et_al_from=4):
    """Names for a full note: given name first; four (18th ed.: three) or more give the first
    et al. (17th 14.76, 18th 13.78)."""
    if len(names) >= et_al_from:
        return f"{esc(given_first(names[0]))} et al."
    return esc(and_list([given_first(name) for name in names]))


def short_names(names, *, et_al_from=4):
    """Names for a short note: family names only; as many as ``note_names`` takes give the first et al."""
    if len(names) >= et_al_from:
        return f"{esc(family_with_particle(names[0]))} et al."
    return esc(and_list([family_with_particle(name) for name in names]))


def listed_names(names, *, listed=10, kept=7):
    """Every name, given name first, as a bibliography lists editors; more than ``listed`` give the
    first ``kept`` and et al."""
    if len(names) > listed:
        return esc(", ".join(given_first(name) for name in names[:kept]) + ", et al.")
    return esc(and_list([given_first(name) for name in names]))


def bibliography_names(names, *, listed=10, kept=7):
    """Names for a bibliography: the first inverted; more than ``listed`` (17th ed.: ten; 18th: six)
    give the first ``kept`` (seven; three) and et al. (17th 14.76, 18th 13.78)."""
    if not names:
        return ""
    written = [family_first(names[0])] + [given_first(name) for name in names[1:]]
    if len(names) > listed:
        return esc(", ".join(written[:kept]) + ", et al.")
    if len(written) == 2:
        return esc(f"{written[0]}, and {written[1]}")
    return esc(and_list(written))


def _one_date(date, *, year_only, with_year=True):
    year = str(date.year) if with_year else ""
    if year_only:
        return year
    if date.season is not None:
        return f"{SEASONS[date.season - 1]} {year}".strip()
    if date.month is None:
        return year
    if date.day is None:
        return f"{MONTHS[date.month - 1]} {year}".strip()
    return f"{MONTHS[date.month - 1]} {date.day}, {year}".rstrip(", ")


def format_date(date, *, year_only=False):
    """ "February 22, 2013", "Spring 2019", "ca. 1850", "1998–2001", "May–June 2019" or the literal,
    as HTML."""
    if date.year is None:
        return esc(date.literal)
    text = _one_date(date, year_only=year_only)
    if date.end is not None:
        end = _one_date(date.end, year_only=year_only)
        same_year = date.end.year == date.year and not year_only and (date.month or date.season)
        start = _one_date(date, year_only=year_only, with_year=False) if same_year else text
        if same_year and date.day and date.end.day and date.end.month == date.month:
            text = f"{start}–{date.end.day}, {date.year}"  # "June 1–2, 1981": the month once
        elif end != text:
            text = f"{start}–{end}"
    elif date.open_end:
        text += "–"
    return f"ca. {text}" if date.circa else text


def date_text(item, variable="issued", *, year_only=False, month_only=False):
    """A CSL date variable as the styles print it (``format_date``); empty when there is none.

    ``month_only`` leaves out the day, as a journal's issue is dated ("April 2016", CMOS 17 14.171).
    """
    try:
        date = read_date(item.get(variable))
    except ValueError:
        return ""
    if month_only:
        date = date._replace(day=None, end=date.end and date.end._replace(day=None))
    return format_date(date, year_only=year_only)


LOCATOR_LABEL = re.compile(r"^\s*(?:pp?\.?|pages?)\s+(?=\S)", re.IGNORECASE)
# CSL's short terms for locators (singular, plural), as the Chicago styles print them (CMOS 10.43).
LOCATOR_TERMS = {
    "book": ("bk.", "bks."),
    "chapter": ("chap.", "chaps."),
    "column": ("col.", "cols."),
    "figure": ("fig.", "figs."),
    "folio": ("fol.", "fols."),
    "issue": ("no.", "nos."),
    "line": ("l.", "ll."),
    "note": ("n.", "nn."),
    "opus": ("op.", "opp."),
    "paragraph": ("para.", "paras."),
    "part": ("pt.", "pts."),
    "section": ("sec.", "secs."),
    "sub verbo": ("s.v.", "s.vv."),
    "verse": ("v.", "vv."),
    "volume": ("vol.", "vols."),
}
PLURAL_LOCATOR = re.compile(r"[-–—,&]|\band\b")
RANGE = re.compile(r"\b(\d+)\s*(?:-{1,2}|–)\s*(\d+)\b")


def _abbreviated(first, last):
    """Inclusive numbers, abbreviated as Chicago says (17th 9.61, 18th 9.63): 321–28, 101–8, 1496–500
    (the 15th edition's exception, 1496–1504 in full, is gone since the 16th)."""
    if len(first) != len(last) or int(first) < 100 or int(first) % 100 == 0 or int(last) <= int(first):
        return f"{first}–{last}"
    differ = next(index for index, (a, b) in enumerate(zip(first, last, strict=True)) if a != b)
    if int(first) % 100 < 10:
        return f"{first}–{last[differ:].lstrip('0') or last[-1]}"
    return f"{first}–{last[-max(len(last) - differ, 2) :]}"


# "S53-S76": a range of pages a letter numbers, as a supplement's are.
LETTERED_RANGE = re.compile(r"\b([A-Z]+\d+)\s*-{1,2}\s*([A-Z]+\d+)\b")


def pages(text):
    """Page numbers with en dashes and Chicago's abbreviation of ranges."""
    text = LETTERED_RANGE.sub(r"\1–\2", str(text).strip())
    return RANGE.sub(lambda match: _abbreviated(match.group(1), match.group(2)), text)


def locator(text, label="page"):
    """A note's locator: pages bare (Chicago cites page numbers alone, and drops a "p." written
    into the value), other labels abbreviated ("chap. 3", "secs. 4–5"), ranges abbreviated (9.61)."""
    text = str(text or "").strip()
    if not text:
        return ""
    if label == "page" or label not in LOCATOR_TERMS:
        return esc(pages(LOCATOR_LABEL.sub("", text)))
    singular, plural = LOCATOR_TERMS[label]
    return esc(f"{plural if PLURAL_LOCATOR.search(text) else singular} {pages(text)}")


def link(url):
    """A URL as a link whose text is the URL."""
    return f'<a href="{attr(url)}">{esc(url)}</a>'


def doi_url(doi):
    return "https://doi.org/" + doi.split("doi.org/", 1)[-1].removeprefix("doi:").strip()


def links(item):
    """The DOI (preferred, 14.8) or URL, then the archived copy, as HTML."""
    address = doi_url(item["DOI"]) if item.get("DOI") else item.get("URL", "")
    if address and "://" not in address:  # "www.example.org/x", as some records hold it
        address = "https://" + address
    archive = item.get("archive_location", "")
    if not archive.startswith(("http://", "https://")):
        archive = ""
    if address and archive:
        return f"{link(address)} (archived at {link(archive)})"
    return link(address or archive) if address or archive else ""


ARTICLE_WORDS = ("a", "an", "the")
FUNCTION_WORDS = {
    *("a", "an", "the", "and", "or", "nor", "but", "for", "so", "yet", "as", "at", "by", "in", "of"),
    *("on", "to", "up", "via", "with", "from", "into", "onto", "over", "upon", "about", "after"),
    *("against", "among", "before", "between", "during", "through", "under", "within", "without"),
}


def short_title(item):
    """The short title: ``title-short``, else the main title's first key words (17th 14.33, 18th 13.33).

    Before any colon; without a leading article; four words or fewer, cut at
    the first function word after the first key word when the title is longer.
    A record with no title has no short title either, whatever its ``title-short`` holds: the
    official 18th CSL style shortens a book of the Bible named as its author, "Heb.", to the name
    alone, "Hebrews." (18th 14.139).
    """
    if not item.get("title"):
        return ""
    if item.get("title-short"):
        return item["title-short"]
    title = item.get("title", "")
    main = re.split(r"(?<=[?!])\s|:\s", title, maxsplit=1)[0].strip()
    words = main.split()
    if len(words) > 1 and words[0].lower() in ARTICLE_WORDS:
        words = words[1:]
    if len(words) > 4:
        # A title opening with function words ("On the Inadequacies of…") keeps them and its first key word.
        first = next((index for index, word in enumerate(words) if word.lower() not in FUNCTION_WORDS), 0)
        cut = next(
            (
                index
                for index, word in enumerate(words[first + 1 : 5], first + 1)
                if word.lower() in FUNCTION_WORDS
            ),
            4,
        )
        words = _through_quotation(words, max(cut, first + 1))
    return markup.balance(" ".join(words).rstrip(",;")) or title


def _through_quotation(words, cut):
    """The first ``cut`` words, or more to close a quotation they open: "In ‘Strangers to Ourselves’"
    of "In ‘Strangers to Ourselves,’ a Revelatory Account …", the comma before its close left out."""
    kept = words[:cut]
    opened = " ".join(kept).rfind("‘")
    if opened < 0 or "’" in " ".join(kept)[opened:]:
        return kept
    closing = next(
        (index for index in range(cut, len(words)) if words[index].rstrip(",;.").endswith("’")), None
    )
    if closing is None:
        return kept
    last = words[closing].rstrip(",;.")
    return [*words[:closing], last[:-1].rstrip(",;") + "’"]
