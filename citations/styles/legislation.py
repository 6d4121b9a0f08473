"""Statutes, bills and hearings as Chicago cites them: in the legal style the Manual takes from the
Bluebook (CMOS 17 14.269–14.305), not as books.

- A statute (CMOS 17 14.289): its name in roman, the public law number, the volume, code or
  statutes at large and section or first page, the year: "Homeland Security Act of 2002, Pub. L.
  No. 107-296, 116 Stat. 2135 (2002)"; "Declaratory Judgment Act, 28 U.S.C. §§ 2201–2202 (1952)".
- A bill (CMOS 17 14.288): its name in roman, its number, the Congress and the year: "No Child
  Left Behind Act of 2001, H.R. 1, 107th Cong. (2001)".
- A page or section cited stands before the year, as a court decision's does: "116 Stat. 2135,
  2142 (2002)".
- A hearing (CMOS 17 14.293): its title in italics, the Congress, the page cited, the year:
  "<i>Federal Reserve's First Monetary Policy Report for 2005: Hearing before the Committee on
  Banking, Housing, and Urban Affairs</i>, 109th Cong. 9 (2005)".

A short note is the short title (``title-short``, else the name up to "of" its year) with the
section or page cited. A bibliography lists such a document, when it lists one, as the full note
has it without a pinpoint (14.269).

CSL-JSON as Zotero writes it: the public law or bill number in ``number``, the code in
``container-title``, its volume in ``volume``, the first page in ``page``, the section in
``section``, the Congress (Zotero's "session") in ``chapter-number`` or the ``authority``.
"""

import re

from citations.styles.text import (
    date_text,
    esc,
    field,
    italic,
    linked,
    links,
    note_names,
    sentence,
    title_html,
)

LEGAL_TYPES = {"legislation", "bill", "hearing"}
_CONGRESSIONAL_REPORT = re.compile(r"(H\.R\.|S\.) (Rep|Doc)\.")
_FIRST_PAGE = re.compile(r"[-–—,]")
_OF_YEAR = re.compile(r"\s+of\s+\d{4}$")
_SECTION = re.compile(r"^\s*§+\s*")
_HYPHEN = re.compile(r"(?<=\d)\s*-{1,2}\s*(?=\d)")


def _name(item, text, href=None):
    """A hearing's title is italic; a statute's or bill's name is roman (Bluebook 12.2.1, 13.2)."""
    return italic(text, href) if item.get("type") == "hearing" else linked(title_html(text), href)


def short_title(item):
    """ "Homeland Security Act" for "Homeland Security Act of 2002", unless the record has its own."""
    return item.get("title-short") or _OF_YEAR.sub("", item.get("title", ""))


def _section(value):
    """ "§ 2201", "§§ 2201–2202" (Bluebook 3.3): a range or list takes two signs."""
    value = _SECTION.sub("", str(value or "")).strip()
    if not value:
        return ""
    plural = bool(re.search(r"[-–—,&]|\band\b", value))
    # Sections are given whole, not abbreviated as pages are (Bluebook 3.3(b)): §§ 2201–2202.
    return f"{'§§' if plural else '§'} {esc(_HYPHEN.sub('–', value))}"


def _labelled_law(item):
    """Whether the record holds the public law's label as its container: "Pub. L. No." and the number
    in ``issue``, as older records do."""
    return str(item.get("container-title", "")).startswith("Pub. L")


def _public_law(item):
    """ "Pub. L. No. 107-296" from a statute's number (a number already labelled stays as it is)."""
    number = field(item, "number", "issue")
    if _labelled_law(item):
        return esc(f"{item['container-title']} {number}")
    if item.get("type") == "bill" and number.isdigit() and item.get("genre"):
        return esc(f"{field(item, 'genre')} {number}")  # "H.R. 8404" (18th 14.184)
    if not number or item.get("type") != "legislation":
        return esc(number)
    return esc(number if re.match(r"^[A-Za-z]", number) else f"Pub. L. No. {number}")


def _code(item):
    """ "116 Stat. 2135", "28 U.S.C. §§ 2201–2202": the volume, the code, the section or first page."""
    if _labelled_law(item):
        return ""
    first_page = esc(_FIRST_PAGE.split(str(item.get("page", "")), maxsplit=1)[0].strip())
    where = _section(item.get("section")) or first_page
    return " ".join(filter(None, [esc(item.get("volume", "")), esc(item.get("container-title", "")), where]))


def _congress(item):
    """ "107th Cong.", "34th Cong., 3d Sess." (Bluebook 13.2, 13.5): the Congress (``authority``) and
    the session (``chapter-number``), or whichever the record gives; a bare number there is a page."""
    session = field(item, "chapter-number")
    if session.isdigit() and item.get("authority"):
        return esc(f"{field(item, 'authority')} {session}")
    return esc(", ".join(filter(None, [field(item, "authority"), session])))


def _debate(item):
    """Whether a bill's record cites a debate in the record of Congress, "Cong. Globe", whose page
    follows the session as a hearing's does: "Cong. Globe, 34th Cong., 3d Sess. 149 (1856)" (18th
    14.188)."""
    return item.get("type") == "bill" and not item.get("container-title") and bool(item.get("page"))


def _after_year(item):
    """What a bill's or hearing's citation adds after the year in parentheses: a bill's status,
    "(enacted)" (18th 14.184), a witness's statement, "(statement of David Walker, Comptroller General
    of the United States)" (17th 14.293, 18th 14.185)."""
    status = esc(field(item, "status")) if item.get("type") == "bill" else ""
    witnesses = item.get("author") if item.get("type") == "hearing" else []
    statement = f"statement of {note_names(witnesses)}" if witnesses else ""
    return "".join(f" ({text})" for text in (status, statement) if text)


def _year(item):
    year = date_text(item, year_only=True)
    return f" ({year})" if year else ""


def is_congressional_report(item):
    """Whether ``item`` is a report of Congress cited as a report, its genre "H.R. Rep." or "S. Doc."
    (18th 14.186)."""
    return item.get("type") == "report" and bool(_CONGRESSIONAL_REPORT.match(str(item.get("genre") or "")))


def note(item, where="", *, short=False, href=None):
    """The full or short note of a statute, bill or hearing, with the section or page ``where`` (HTML).

    An untitled document's short note is its citation without the year and the link, as the Bluebook
    shortens one: "Ohio Rev. Code Ann. § 2913.44", "147 Cong. Rec. 19000"."""
    if short and short_title(item):
        return sentence(_name(item, short_title(item), href), where)
    return sentence(_citation(item, where, href, dated=not short), "" if short else links(item))


def _citation(item, where, href, *, dated):
    """The name, the body of law and the page or section ``where``, then the year if ``dated``."""
    name = _name(item, item.get("title", ""), href)
    year = _year(item) + _after_year(item) if dated else ""
    if item.get("type") == "hearing":
        # "109th Cong. 9 (2005)": the page cited stands before the year.
        held = " ".join(filter(None, [_congress(item), where]))
        return sentence(name, held, end="") + year
    if _debate(item):
        page = esc(_FIRST_PAGE.split(str(item["page"]), maxsplit=1)[0].strip())
        held = " ".join(filter(None, [_congress(item), where or page]))
        return sentence(name, _public_law(item), held, end="") + year
    body = sentence(_public_law(item), _code(item), end="")
    if item.get("type") == "bill":
        body = sentence(body, _congress(item), end="")
    return sentence(name, body, where, end="") + year


def bibliography(item):
    """A document as a bibliography lists one: the full note without a pinpoint, its link after a
    period as the official CSL styles close the citation, "(2002). https://…"."""
    return sentence(_citation(item, "", None, dated=True), links(item), separator=". ")
