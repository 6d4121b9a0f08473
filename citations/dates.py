"""CSL dates as people write them, read into one shape and written back as EDTF.

Zotero, citeproc-js, Better BibTeX and hand-written BibTeX send dates as
``date-parts`` (with seasons as pseudo-months 13–16 or EDTF's 21–24, a
``season`` or ``circa`` beside them, ranges as two parts, an open end as
``[0]``), as ``raw`` or ``literal`` text, or as EDTF strings ("2019-21",
"1998/2001", "1850~"). ``read_date`` reads them all into a ``Date``; text that
names no year ("n.d.", "forthcoming", "13th century") is kept as the date's
literal, to be printed as written. Every pattern is anchored and free of
nested repetition, so reading is linear in the text.
"""

import calendar
import re
from typing import NamedTuple

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
MONTH_NUMBERS.update({name[:3].lower(): number for number, name in enumerate(MONTHS, 1)})
MONTH_NUMBERS["sept"] = 9
# Seasons in the order of CSL's pseudo-months (13–16) and EDTF's (21–24).
SEASONS = ["Spring", "Summer", "Fall", "Winter"]
SEASON_NUMBERS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
# Words that say a work has no date; read as Chicago's "n.d." (CMOS 14.145, 18th ed. 14.144).
NO_DATE = {"n.d.", "n.d", "nd", "no date", "undated", "s.d.", "s.d", "o.j.", "sine anno", "s.a."}

_ISO = re.compile(r"(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ][\d:.Z+-]*)?")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([A-Za-z]+)\.?(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+(-?\d{3,4})")
_YEAR_RANGE = re.compile(r"(\d{3,4})\s*(?:--|–|—|-)\s*(\d{3,4})")
# A range of years with its end shortened, as Chicago writes it ("1962–64"), or open ("1992–").
_SHORT_YEAR_RANGE = re.compile(r"(\d{3,4})\s*(?:--|–|—)\s*(\d{1,2})?")
_CIRCA = re.compile(r"(?:ca?\.|circa|approx\.|approximately|~)\s*(.+)", re.IGNORECASE)
_EDTF_QUALIFIER = re.compile(r"(.+?)[~?%]")
_RANGE_QUALIFIER = re.compile(r"[~?%](?=/|$)")
_ANY_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_YEAR_START = re.compile(r"-?\d{4}")


class Date(NamedTuple):
    """A date as this library reads it; every part may be missing.

    ``season`` is 1–4 (spring to winter); ``end`` is a range's end (a
    ``Date``), ``open_end`` a range running on; ``literal`` is the text to
    print when no year could be read.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    circa: bool = False
    end: "Date | None" = None
    open_end: bool = False
    literal: str = ""

    @property
    def parts(self):
        """(year, month, day) of the start, as the model's fields hold it."""
        return self.year, self.month, self.day


EMPTY = Date()


def _number(value, what):
    if isinstance(value, bool):
        raise ValueError(f"{what} {value!r} is not a number")
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None


def _checked(year, month=None, day=None, season=None):
    """A Date from numbers, a month of 13–16 or 21–24 read as a season; ValueError if impossible."""
    if month is not None and (13 <= month <= 16 or 21 <= month <= 24):
        season, month, day = (month - 12 if month <= 16 else month - 20), None, None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"Month {month} is not between 1 and 12 (nor a season, 13–16 or 21–24).")
    if not -9999 <= year <= 9999:
        raise ValueError(f"Year {year} is out of range.")
    if day is not None:
        if month is None:
            raise ValueError("A day needs a month.")
        last = calendar.monthrange(year if year > 0 else 2000, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"{MONTHS[month - 1]} {year} has no day {day}.")
    return Date(year, month, day, season)


def _season(value):
    if value in (None, ""):
        return None
    if isinstance(value, str) and value.strip().lower() in SEASON_NUMBERS:
        return SEASON_NUMBERS[value.strip().lower()]
    number = _number(value, "Season")
    if 1 <= number <= 4:
        return number
    if 13 <= number <= 16 or 21 <= number <= 24:
        return number - 12 if number <= 16 else number - 20
    raise ValueError(f"Season {value!r} is not one of 1–4.")


def _truthy(value):
    return value not in (None, False, 0, "", "0", "false", "False")


def _one_date(text):
    """A single date in text (no range), or None when none is recognised."""
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = (None if part is None else int(part) for part in match.groups())
        return _checked(year, month, day)
    match = _WORDS.fullmatch(text)
    if match:
        word = match.group(2).lower()
        year = int(match.group(4))
        if word in SEASON_NUMBERS and not (match.group(1) or match.group(3)):
            return _checked(year, season=SEASON_NUMBERS[word])
        if word in MONTH_NUMBERS:
            day = match.group(1) or match.group(3)
            return _checked(year, MONTH_NUMBERS[word], int(day) if day else None)
    return None


def read_text(text):
    """A Date from text: EDTF, ISO, "February 22, 2013", "Spring 2019", "ca. 1850", "1998--2001",
    "1962–64", "n.d."."""
    text = " ".join(str(text).split()).strip("[]")
    if "/" in text and _RANGE_QUALIFIER.search(text):  # EDTF's "1318/1325?": a range, uncertain
        date = _read_plain(_RANGE_QUALIFIER.sub("", text))
        return date._replace(circa=True) if date.year is not None else date
    circa = _CIRCA.fullmatch(text) or (_EDTF_QUALIFIER.fullmatch(text) if "/" not in text else None)
    date = _read_plain(circa.group(1) if circa else text)
    return date._replace(circa=True) if circa and date.year is not None else date


def _read_plain(text):
    if not text:
        return EMPTY
    if text.lower() in NO_DATE:
        return Date(literal="n.d.")
    if text.count("/") == 1:
        start, end = (part.strip() for part in text.split("/"))
        if end in ("", "..") or _YEAR_START.match(end):
            first = _one_date(start) if start not in ("", "..") else None
            if first is not None and end in ("", ".."):
                return first._replace(open_end=True)
            last = _one_date(end) if end not in ("", "..") else None
            if first is not None and last is not None:
                return first._replace(end=last)
    years = _YEAR_RANGE.fullmatch(text)
    if years:
        return _checked(int(years.group(1)))._replace(end=_checked(int(years.group(2))))
    years = _SHORT_YEAR_RANGE.fullmatch(text)
    if years:
        return _short_year_range(*years.groups())
    date = _one_date(text)
    if date is not None:
        return date
    year = _ANY_YEAR.search(text)
    if year:
        return _checked(int(year.group(1)))
    return Date(literal=text)


def _short_year_range(start, end):
    """ "1962–64" as 1962 to 1964, "1992–" as 1992 on; "1999–01" (no year after its start) as 1999."""
    first = _checked(int(start))
    if end is None:
        return first._replace(open_end=True)
    last = int(start[: len(start) - len(end)] + end)
    return first._replace(end=_checked(last)) if last > first.year else first


def _from_parts(parts, what):
    if not isinstance(parts, list):
        raise ValueError("date-parts must be a list of lists")
    numbers = [_number(part, what) for part in parts[:3] if str(part).strip()]
    return numbers


def read_date(value):
    """A CSL date (an object with ``date-parts``, ``raw`` or ``literal``, or a string) as a ``Date``.

    Raises ``ValueError`` only for what cannot be a date: a month of 17, a
    February 30, parts that are not numbers.
    """
    if value in (None, "", {}, []):
        return EMPTY
    if isinstance(value, str | int) and not isinstance(value, bool):
        return read_text(str(value))
    if not isinstance(value, dict):
        raise ValueError("a date must be an object with date-parts, raw or literal")
    date_parts = value.get("date-parts")
    if date_parts not in (None, [], [[]]):
        if not isinstance(date_parts, list) or not date_parts:
            raise ValueError("date-parts must be a list of lists")
        start = _from_parts(date_parts[0], "Date part")
        if not start or start == [0]:
            return EMPTY
        date = _checked(*start)
        if len(date_parts) > 1:
            end = _from_parts(date_parts[1], "Date part")
            if not end or end == [0]:
                date = date._replace(open_end=True)
            else:
                date = date._replace(end=_checked(*end))
    elif value.get("literal") or value.get("raw"):
        date = read_text(str(value.get("literal") or value.get("raw")))
    elif value.get("year"):
        date = _checked(_number(value["year"], "Year"))
    else:
        return EMPTY
    season = _season(value.get("season"))
    if season is not None and date.year is not None and date.month is None:
        date = date._replace(season=season)
    if _truthy(value.get("circa")) and date.year is not None:
        date = date._replace(circa=True)
    return date


def to_csl(year, month=None, day=None):
    """A CSL date object with as many parts as are known, or None."""
    if year is None:
        return None
    return {"date-parts": [[part for part in (year, month, day) if part is not None]]}


def _edtf_one(date):
    if date.season is not None:
        return f"{date.year:04d}-{date.season + 20}"
    parts = [f"{date.year:04d}" if date.year >= 0 else f"-{-date.year:04d}"]
    parts += [f"{part:02d}" for part in (date.month, date.day) if part is not None]
    return "-".join(parts)


def to_edtf(date):
    """The date as EDTF ("2019-21", "1998/2001", "1850~", "2014-12-31/.."), or its literal."""
    if date.year is None:
        return date.literal
    text = _edtf_one(date) + ("~" if date.circa else "")
    if date.end is not None:
        text += "/" + _edtf_one(date.end)
    elif date.open_end:
        text += "/.."
    return text


def is_plain(date):
    """Whether the date is a single day, month or year: no season, range, circa or literal."""
    return date.year is not None and date == Date(date.year, date.month, date.day)


def to_item(date):
    """The date as a CSL-JSON date object: ``date-parts`` (a range's end as a second part, an
    open end as ``[0]``), ``season`` and ``circa``; a date without a year as its ``literal``."""
    if date.year is None:
        return {"literal": date.literal} if date.literal else None

    def parts(part, pseudo_season):
        month = part.season + 12 if pseudo_season and part.season else part.month
        return [value for value in (part.year, month, part.day) if value is not None]

    pseudo = date.end is not None and date.end.season is not None
    item = {"date-parts": [parts(date, pseudo)]}
    if date.end is not None:
        item["date-parts"].append(parts(date.end, pseudo))
    elif date.open_end:
        item["date-parts"].append([0])
    if date.season is not None and not pseudo:
        item["season"] = date.season
    if date.circa:
        item["circa"] = True
    return item
