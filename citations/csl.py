"""CSL-JSON vocabulary: names, dates and types, as pure functions on plain data.

Shared by the model (validation, ``as_csl``), the styles and the importers, so
that one record means the same thing wherever it travels.
"""

import calendar
import re

# The name parts this library stores; Zotero and citeproc-js may send others
# (``comma-suffix``, ``parse-names``), which carry no text and are dropped.
NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")

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

SUPPORTED_TYPES = (
    "article-newspaper",
    "article-magazine",
    "article-journal",
    "book",
    "chapter",
    "webpage",
    "post-weblog",
    "report",
    "broadcast",
    "legislation",
)

# CSL 1.0.2 types this library does not format, each with its nearest kin.
NEAREST_TYPE = {
    "article": "article-journal",
    "review": "article-journal",
    "review-book": "article-journal",
    "periodical": "article-magazine",
    "paper-conference": "chapter",
    "entry": "chapter",
    "entry-dictionary": "chapter",
    "entry-encyclopedia": "chapter",
    "classic": "book",
    "collection": "book",
    "manuscript": "book",
    "pamphlet": "book",
    "thesis": "report",
    "standard": "report",
    "document": "report",
    "dataset": "webpage",
    "software": "webpage",
    "post": "post-weblog",
    "motion_picture": "broadcast",
    "song": "broadcast",
    "interview": "broadcast",
    "speech": "broadcast",
    "performance": "broadcast",
    "event": "broadcast",
    "bill": "legislation",
    "legal_case": "legislation",
    "regulation": "legislation",
    "treaty": "legislation",
    "hearing": "legislation",
    "patent": "legislation",
}


def nearest_type(csl_type, *, has_url=False):
    """The supported type closest to ``csl_type``, and whether it had to be mapped."""
    if csl_type in SUPPORTED_TYPES:
        return csl_type, False
    if csl_type in NEAREST_TYPE:
        return NEAREST_TYPE[csl_type], True
    return ("webpage" if has_url else "book"), True


def name_errors(names):
    """What is wrong with a list of CSL names, as messages (empty when it is fine)."""
    if not isinstance(names, list):
        return ["Names must be a list."]
    errors = []
    for position, name in enumerate(names, 1):
        if not isinstance(name, dict):
            errors.append(f"Name {position} must be an object with name parts.")
            continue
        unknown = sorted(set(name) - set(NAME_PARTS))
        if unknown:
            errors.append(f"Name {position} has unknown parts: {', '.join(unknown)}.")
        if any(not isinstance(value, str) for value in name.values()):
            errors.append(f"Name {position}: every part must be text.")
        elif not (name.get("family", "").strip() or name.get("literal", "").strip()):
            errors.append(f"Name {position} needs a family name or a literal name.")
        elif name.get("literal") and set(name) - {"literal"}:
            errors.append(f"Name {position}: a literal name stands alone.")
    return errors


def normalize_name(name):
    """A CSL name as this library stores it: known text parts only, trimmed, none empty.

    A name with only a given name (Zotero's single-field mode sometimes sends
    this) becomes a literal name.
    """
    clean = {
        part: " ".join(str(name[part]).split())
        for part in NAME_PARTS
        if isinstance(name.get(part), str | int) and str(name[part]).strip()
    }
    if "literal" in clean:
        return {"literal": clean["literal"]}
    if "family" not in clean and "given" in clean:
        return {"literal": clean["given"]}
    return clean


def family_with_particle(name):
    """The family name as it is sorted and shortened: "van Gogh", "Mill"."""
    if "literal" in name:
        return name["literal"]
    return " ".join(filter(None, [name.get("non-dropping-particle"), name.get("family")]))


# Admin text form of names: one a line, "Family, Given" or "Family, Given, Suffix";
# a line without a comma, or wrapped in braces, is an organisation's literal name.
def names_to_text(names):
    """Names as the admin's one-a-line text."""
    lines = []
    for name in names or []:
        if "literal" in name:
            literal = name["literal"]
            lines.append(f"{{{literal}}}" if "," in literal else literal)
            continue
        given = " ".join(filter(None, [name.get("given"), name.get("dropping-particle")]))
        parts = (
            [family_with_particle(name), given]
            if given or name.get("suffix")
            else [family_with_particle(name)]
        )
        if name.get("suffix"):
            parts.append(name["suffix"])
        lines.append(", ".join(parts) if len(parts) > 1 else f"{parts[0]},")
    return "\n".join(lines)


def _split_particle(words, *, leading):
    """Lower-case words at the start (or end) of ``words``: the particle, and the rest."""
    ordered = words if leading else words[::-1]
    count = 0
    while count < len(ordered) - 1 and ordered[count][:1].islower():
        count += 1
    particle, rest = ordered[:count], ordered[count:]
    if not leading:
        particle, rest = particle[::-1], rest[::-1]
    return " ".join(particle), " ".join(rest)


def names_from_text(text):
    """Parse the admin's one-a-line text into CSL names."""
    names = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        if line.startswith("{") and line.endswith("}"):
            names.append({"literal": line[1:-1].strip()})
            continue
        if "," not in line:
            names.append({"literal": line})
            continue
        family, given, *suffix = (part.strip() for part in line.split(","))
        particle, family = _split_particle(family.split(), leading=True)
        dropping, given = _split_particle(given.split(), leading=False) if given else ("", "")
        name = {
            "family": family,
            "given": given,
            "non-dropping-particle": particle,
            "dropping-particle": dropping,
            "suffix": ", ".join(filter(None, suffix)),
        }
        names.append({part: value for part, value in name.items() if value})
    return names


def date_errors(year, month, day):
    """What is wrong with a year, month and day, any of which may be None."""
    if month is not None and year is None:
        return ["A month needs a year."]
    if day is not None and month is None:
        return ["A day needs a month."]
    if month is not None and not 1 <= month <= 12:
        return [f"Month {month} is not between 1 and 12."]
    if year is not None and not -9999 <= year <= 9999:
        return [f"Year {year} is out of range."]
    if day is not None and not 1 <= day <= calendar.monthrange(year if year > 0 else 2000, month)[1]:
        return [f"{MONTHS[month - 1]} {year} has no day {day}."]
    return []


def date_to_csl(year, month=None, day=None):
    """A CSL date object with as many parts as are known, or None."""
    if year is None:
        return None
    return {"date-parts": [[part for part in (year, month, day) if part is not None]]}


_ISO_DATE = re.compile(r"^(-?\d{1,4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:T.*)?$")
_WORDS_DATE = re.compile(r"^(?:(\d{1,2})\s+)?([A-Za-z]+)\.?(?:\s+(\d{1,2}))?,?\s+(\d{3,4})$")
_ANY_YEAR = re.compile(r"\b(\d{4})\b")


def _as_int(value):
    try:
        if isinstance(value, bool):
            raise ValueError
        return int(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a number") from None


def parse_date_text(text):
    """Read "2013-02-22", "February 22, 2013", "22 Feb 2013", "Spring 2013" into parts."""
    text = " ".join(str(text).split())
    match = _ISO_DATE.match(text)
    if match:
        return [int(part) for part in match.groups() if part is not None]
    match = _WORDS_DATE.match(text)
    if match and match.group(2).lower() in MONTH_NUMBERS:
        day = match.group(1) or match.group(3)
        parts = [int(match.group(4)), MONTH_NUMBERS[match.group(2).lower()]]
        return parts + [int(day)] if day else parts
    match = _ANY_YEAR.search(text)
    if match:
        return [int(match.group(1))]
    raise ValueError(f"cannot read the date {text!r}")


def parse_csl_date(value):
    """A CSL date (``date-parts``, ``raw`` or ``literal``, or an EDTF string) as (year, month, day).

    Ranges keep their start. Raises ``ValueError`` naming what could not be read.
    """
    if value in (None, "", {}):
        return None, None, None
    if isinstance(value, str):
        parts = parse_date_text(value)
    elif isinstance(value, dict):
        date_parts = value.get("date-parts")
        if date_parts:
            if not isinstance(date_parts, list) or not isinstance(date_parts[0], list):
                raise ValueError("date-parts must be a list of lists")
            parts = [_as_int(part) for part in date_parts[0][:3] if str(part).strip()]
        elif value.get("raw") or value.get("literal"):
            parts = parse_date_text(value.get("raw") or value.get("literal"))
        elif value.get("year"):
            parts = [_as_int(value["year"])]
        else:
            return None, None, None
    else:
        raise ValueError("a date must be an object with date-parts, raw or literal")
    parts = (parts + [None, None, None])[:3]
    errors = date_errors(*parts)
    if errors:
        raise ValueError(errors[0])
    return tuple(parts)
