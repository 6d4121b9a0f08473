"""CSL-JSON vocabulary: names, dates and types, as pure functions on plain data.

Shared by the model (validation, ``as_csl``), the styles and the importers, so
that one record means the same thing wherever it travels.
"""

import calendar
import re

from citations import dates, markup
from citations.dates import MONTHS

# The name parts this library stores; Zotero and citeproc-js may send others
# (``comma-suffix``, ``parse-names``), which carry no text and are dropped.
NAME_PARTS = ("family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal")

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
    "video": "broadcast",  # Better BibTeX's type for a video recording, not one of CSL 1.0.2's
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
    given, comma, suffix = (part.strip() for part in clean.get("given", "").partition(","))
    if comma and given and suffix and "suffix" not in clean:
        # "Martin Luther, Jr.", "R. W., Jr." as Zotero holds them: what follows a comma in the given
        # names is a suffix, as citeproc-js and Pandoc read it.
        clean["given"], clean["suffix"] = given, suffix
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
    return dates.to_csl(year, month, day)


def parse_csl_date(value):
    """A CSL date as the (year, month, day) of its start; see ``citations.dates.read_date``."""
    return dates.read_date(value).parts


# Variables some exporters spell their own way (Zotero's older "shortTitle").
SPELLINGS = {"title-short": ("shortTitle",), "container-title-short": ("journalAbbreviation",)}


def merge_edited(record, read, edited):
    """The full ``record`` with the variables edited since it was read taken over it.

    ``read`` is the record as the model's fields read it, ``edited`` the same
    fields now: a variable on which they agree was not edited, and the
    record's own value (a season, a literal date, a numeric id, a type this
    library formats as its nearest kin) stands; one on which they differ
    takes the edited value, or goes if the field was emptied.
    """
    item = dict(record)
    for variable in dict.fromkeys([*read, *edited]):
        if read.get(variable) == edited.get(variable):
            continue
        for spelling in SPELLINGS.get(variable, ()):
            item.pop(spelling, None)
        if variable in edited:
            item[variable] = edited[variable]
        else:
            item.pop(variable, None)
    return item


def _as_text(value):
    if isinstance(value, list) and value and all(isinstance(name, dict) for name in value):
        return [normalize_name(name) for name in value]
    if isinstance(value, list):  # some exporters send one-element lists
        value = value[0] if value else ""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return markup.trimmed(value) if isinstance(value, str) else value


# Where catalogue records (MARC, and the exports built on them) leave the punctuation that joined a
# field to the next: "Seattle :", "University of Washington Press,".
CATALOGUE_PLACES = (
    "publisher-place",
    "publisher",
    "original-publisher-place",
    "original-publisher",
    "event-place",
)


# CSL 1.0.2's variables, by kind, that a record's note may hold as "variable: value" lines.
NOTE_NAMES = frozenset(
    (
        *("author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor"),
        *("curator", "director", "editor", "editorial-director", "executive-producer", "guest", "host"),
        *("illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer"),
        *("recipient", "reviewed-author", "script-writer", "series-creator", "translator"),
    )
)
NOTE_DATES = frozenset(("accessed", "available-date", "event-date", "issued", "original-date", "submitted"))
NOTE_TEXTS = frozenset(
    (
        *("abstract", "archive", "archive_collection", "archive_location", "archive-place", "authority"),
        *("call-number", "chapter-number", "collection-number", "collection-title", "container-title"),
        *("container-title-short", "dimensions", "division", "DOI", "edition", "event-place", "event-title"),
        *("genre", "ISBN", "ISSN", "issue", "jurisdiction", "language", "medium", "number"),
        *("number-of-pages", "number-of-volumes", "original-publisher", "original-publisher-place"),
        *("original-title", "page"),
        *("part-number", "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place"),
        *("references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status"),
        *("supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title"),
        *("volume-title-short",),
    )
)
_NOTE_VARIABLES = {name.lower(): name for name in NOTE_NAMES | NOTE_DATES | NOTE_TEXTS}
_NOTE_LINE = re.compile(r"\s*([A-Za-z][\w-]{0,40})\s*:\s*(\S.*)")


def note_variables(note):
    """The CSL variables a record's note holds, Zotero's "Extra" convention that citeproc-js and
    Pandoc read, and the note's other lines: ``({variable: value}, rest)``.

    One variable a line, "original-date: 1950", "Section: B" (any case); a name as "Family || Given"
    or as written; a date as written, read like any other. A line naming no CSL variable ("OCLC:
    429217") stays in the note, and so does "type:": the record's type is the one the admin shows.
    """
    found, rest = {}, []
    for line in note.splitlines():
        match = _NOTE_LINE.fullmatch(line.rstrip())
        variable = match and _NOTE_VARIABLES.get(match.group(1).lower())
        if not variable:
            rest.append(line)
        elif variable in NOTE_NAMES:
            family, _, given = match.group(2).partition("||")
            family, given = family.strip(), given.strip()
            name = {"family": family, "given": given} if given else {"literal": family}
            found.setdefault(variable, []).append(name)
        else:
            found.setdefault(variable, match.group(2))
    return found, "\n".join(rest).strip()


_NOTE_TYPE = re.compile(r"^\s*type:\s*(\S+)\s*$", re.IGNORECASE | re.MULTILINE)


def note_type(item):
    """The CSL type a record's note names, "type: collection", as Zotero's Extra keeps a type its
    item types lack; "" where it names none. ``note_variables`` leaves that line in the note."""
    match = _NOTE_TYPE.search(str(item.get("note") or ""))
    return match[1].lower() if match else ""


def as_text(item):
    """``item`` as the styles read it: numbers as digits, one-element lists as their element,
    names normalised (``normalize_name``), other spellings under CSL's names, the variables its
    note holds (``note_variables``) where it has none of its own; text without spaces at its ends,
    places and publishers without a catalogue's closing mark ("Seattle :"); dates as they are."""
    text = {variable: _as_text(value) for variable, value in item.items()}
    if isinstance(text.get("note"), str):
        found, text["note"] = note_variables(text["note"])
        for variable, value in found.items():
            if not text.get(variable):
                text[variable] = _as_text(value)
    for variable, spellings in SPELLINGS.items():
        for spelling in spellings:
            if not text.get(variable) and text.get(spelling):
                text[variable] = text[spelling]
    for variable in CATALOGUE_PLACES:
        if isinstance(text.get(variable), str):
            text[variable] = text[variable].rstrip(",:;/").rstrip()
    return text


# What a citation can name a work by when it has no title: the Manual's descriptions of untitled
# works (a manuscript's genre, a comment's medium, a magazine's department), where it appeared, its
# number (a bill's) or its names.
DESCRIBING = (
    *("genre", "medium", "section", "container-title", "collection-title", "archive_collection"),
    *("archive", "event-title", "reviewed-title", "number", "authority", "publisher", "URL", "DOI"),
)


def names_the_work(item):
    """Whether a record (as ``as_text`` reads it) holds anything a citation can name it by."""
    if str(item.get("title") or "").strip():
        return True
    if any(isinstance(value, list) and value for value in item.values()):  # names
        return True
    return any(str(item.get(variable) or "").strip() for variable in DESCRIBING)


def description(item):
    """An untitled work's description, as the Manual cites one (a genre, a medium, a department),
    with a capital for a heading; "Untitled" where the record gives none."""
    for variable in ("genre", "medium", "section"):
        text = str(item.get(variable) or "").strip()
        if text:
            return text[0].upper() + text[1:]
    return "Untitled"
