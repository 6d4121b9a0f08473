"""BibTeX and biblatex, to and from CSL-JSON items (through bibtexparser 2).

Entry types map to their CSL type (``entrysubtype`` tells newspaper and
magazine articles and blog posts apart, and names a CSL type biblatex has no
entry type for: ``@video`` of subtype ``interview``); LaTeX is decoded by
``citations.formats.latex``; names may be "Family, Given", "Given Family" or
"{Organisation Name}". Reading leaves out "%" comments as biber does, keeps
every field BibTeX shares with CSL (translator, edition, series, report
number, thesis type, original date, a volume's multivolume work…), takes
what an entry lacks from the entry it cross-references (a review, only what
names the work it reviews), and reads the first of a field given twice, as
BibTeX does; an entry that cannot be read is returned with its error and
line, for the import to skip. Writing escapes what LaTeX would read
otherwise, braces the capitals of titles, a publisher's "and" and the
commas of a name's parts, so what is written reads back unchanged.
"""

import re
import unicodedata

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import default_parse_stack
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import (
    DuplicateBlockKeyBlock,
    DuplicateFieldKeyBlock,
    Entry,
    Field,
    ParsingFailedBlock,
)

from citations import csl, dates, markup
from citations.formats import bibtex_scan, latex, limits
from citations.keys import first_free

# Where bibtexparser's splitter starts a block (an entry, @string, @comment, @preamble).
_BLOCK_START = re.compile(r"@\w*[ \t]*[{(]")

# BibTeX/biblatex entry type -> CSL type.
ENTRY_TYPES = {
    "article": "article-journal",
    "book": "book",
    "mvbook": "book",
    "booklet": "pamphlet",
    "proceedings": "book",
    "collection": "book",
    "mvcollection": "book",
    "incollection": "chapter",
    "inbook": "chapter",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "inreference": "entry",
    "online": "webpage",
    "www": "webpage",
    "electronic": "webpage",
    "report": "report",
    "techreport": "report",
    "manual": "report",
    "thesis": "thesis",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "unpublished": "manuscript",
    "letter": "personal_communication",
    "artwork": "graphic",
    "image": "graphic",
    "dataset": "dataset",
    "software": "software",
    "video": "broadcast",
    "audio": "song",
    "movie": "motion_picture",
    "music": "song",
    "performance": "performance",
    "legislation": "legislation",
    "legal": "legislation",
    "jurisdiction": "legal_case",
    "review": "review",
    "standard": "standard",
    "patent": "patent",
    # Mendeley Desktop's own entry types, which it writes as it names its types.
    "book_section": "chapter",
    "magazine_article": "article-magazine",
    "newspaper_article": "article-newspaper",
    "web_page": "webpage",
    "film": "motion_picture",
}
# Entry types that are the nearest kin rather than the same thing, counted as mapped.
NEAREST = {
    *("booklet", "proceedings", "collection", "mvcollection", "suppbook", "inproceedings"),
    *("conference", "inreference", "misc", "manual", "thesis", "phdthesis", "mastersthesis"),
    *("audio", "movie", "music", "performance", "jurisdiction", "patent"),
}
SUBTYPES = {
    ("article", "newspaper"): "article-newspaper",
    ("article", "magazine"): "article-magazine",
    ("online", "blog"): "post-weblog",
}
# CSL 1.0.2's types: an ``entrysubtype`` naming one is the record's type, finer than its entry
# type (``@video`` with ``entrysubtype = {interview}``), as this library writes it.
CSL_TYPES = frozenset(
    (
        *("article", "article-journal", "article-magazine", "article-newspaper", "bill", "book"),
        *("broadcast", "chapter", "classic", "collection", "dataset", "document", "entry"),
        *("entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing"),
        *("interview", "legal_case", "legislation", "manuscript", "map", "motion_picture"),
        *("musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical"),
        *("personal_communication", "post", "post-weblog", "regulation", "report", "review"),
        *("review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage"),
    )
)
THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master’s thesis", "mathesis": "Master’s thesis"}
# biblatex's localisation keys in ``type`` and ``series`` ("resreport", "newseries"), in words.
PATENT_COUNTRIES = {"": "", "de": "German ", "eu": "European ", "fr": "French ", "uk": "British "}
PATENT_COUNTRIES["us"] = "U.S. "
BIBSTRINGS = {
    **THESIS_GENRES,
    "techreport": "technical report",
    "resreport": "research report",
    "software": "computer software",
    "datacd": "CD-ROM",
    "audiocd": "audio CD",
    **{f"patent{code}": f"{country}patent" for code, country in PATENT_COUNTRIES.items()},
    **{f"patreq{code}": f"{country}patent request" for code, country in PATENT_COUNTRIES.items()},
    "newseries": "new series",
    "oldseries": "old series",
}

# biblatex's ``langid`` (babel's language names) as the BCP 47 tags CSL's ``language`` holds, as
# pandoc reads them: "american" is English, which decides whether titles take headline style.
LANGUAGE_TAGS = {
    **dict.fromkeys(("english", "american", "usenglish"), "en-US"),
    **dict.fromkeys(("british", "ukenglish"), "en-GB"),
    **{"canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ"},
    **dict.fromkeys(("german", "ngerman"), "de-DE"),
    **dict.fromkeys(("austrian", "naustrian"), "de-AT"),
    **dict.fromkeys(("swissgerman", "nswissgerman"), "de-CH"),
    **dict.fromkeys(("french", "francais"), "fr-FR"),
    **dict.fromkeys(("portuguese", "portuges"), "pt-PT"),
    **dict.fromkeys(("brazil", "brazilian"), "pt-BR"),
    **dict.fromkeys(("hungarian", "magyar"), "hu-HU"),
    **dict.fromkeys(("norsk", "bokmal"), "nb-NO"),
    **{"spanish": "es-ES", "italian": "it-IT", "dutch": "nl-NL", "swedish": "sv-SE", "danish": "da-DK"},
    **{"finnish": "fi-FI", "polish": "pl-PL", "czech": "cs-CZ", "russian": "ru-RU", "greek": "el-GR"},
    **{"latin": "la", "catalan": "ca-AD", "turkish": "tr-TR", "hebrew": "he-IL", "ukrainian": "uk-UA"},
    **{"japanese": "ja-JP", "chinese": "zh-CN", "korean": "ko-KR", "arabic": "ar", "nynorsk": "nn-NO"},
}

# CSL type -> (entry type, entrysubtype, the field that holds the container).
WRITE_TYPES = {
    "article-newspaper": ("article", "newspaper", "journal"),
    "article-magazine": ("article", "magazine", "journal"),
    "article-journal": ("article", "", "journal"),
    "book": ("book", "", "booktitle"),
    "chapter": ("incollection", "", "booktitle"),
    "paper-conference": ("inproceedings", "", "booktitle"),
    "entry": ("inreference", "", "booktitle"),
    "pamphlet": ("booklet", "", "booktitle"),
    "webpage": ("online", "", "journal"),
    "post-weblog": ("online", "blog", "journal"),
    "report": ("report", "", "booktitle"),
    "thesis": ("thesis", "", "booktitle"),
    "broadcast": ("video", "", "booktitle"),
    "motion_picture": ("movie", "", "booktitle"),
    "song": ("audio", "", "booktitle"),
    "performance": ("performance", "", "booktitle"),
    "legislation": ("legislation", "", "booktitle"),
    "legal_case": ("jurisdiction", "", "booktitle"),
    "patent": ("patent", "", "booktitle"),
    "personal_communication": ("letter", "", "booktitle"),
    "graphic": ("artwork", "", "booktitle"),
    "dataset": ("dataset", "", "journal"),
    "manuscript": ("unpublished", "", "booktitle"),
}
# CSL types biblatex has no entry type for, or one pandoc reads as another CSL type (``@software``
# as a book, ``@standard`` as legislation): written as their kin's entry type, their own type in
# ``entrysubtype``. The kin is the nearest type this library formats (``csl.nearest_type``) but these.
KIN_TYPES = {
    "article": "webpage",  # a preprint, a working paper: ``@online`` with its number
    "entry-dictionary": "entry",
    "entry-encyclopedia": "entry",
    "figure": "graphic",
    "map": "graphic",
}
# Entry types whose ``number`` is a periodical's issue; an article's own number is its ``eid``.
ISSUE_NUMBERED = {"article", "periodical", "suppperiodical", "review"}
# Entry types whose ``number`` is the number in the series, when they name one (books and their parts).
SERIES_NUMBERED = {"book", "mvbook", "inbook", "bookinbook", "suppbook", "booklet", "collection"}
SERIES_NUMBERED |= {"mvcollection", "incollection", "suppcollection", "proceedings", "mvproceedings"}
SERIES_NUMBERED |= {"inproceedings", "conference", "reference", "mvreference", "inreference"}

# Plain field <-> CSL variable: text, decoded from and encoded to LaTeX.
TEXT_FIELDS = [
    ("title", "title"),
    ("shorttitle", "title-short"),
    ("volume", "volume"),
    ("pages", "page"),
    ("edition", "edition"),
    ("series", "collection-title"),
    ("type", "genre"),
    ("language", "language"),
    ("abstract", "abstract"),
    ("eventtitle", "event-title"),
    ("venue", "event-place"),
    ("chapter", "chapter-number"),
    ("version", "version"),
    ("pagetotal", "number-of-pages"),
    ("shortjournal", "container-title-short"),
    ("pubstate", "status"),
    ("library", "archive"),
    ("annote", "note"),
    ("volumes", "number-of-volumes"),
    ("origtitle", "original-title"),
    ("origpublisher", "original-publisher"),
    ("origlocation", "original-publisher-place"),
    ("part", "part-number"),
]
# biblatex's parts of a title, read whole as its styles print them: "Title: Subtitle. Addon".
TITLE_PARTS = [
    ("title", "subtitle", "titleaddon"),
    ("booktitle", "booksubtitle", "booktitleaddon"),
    ("journaltitle", "journalsubtitle", ""),
    ("maintitle", "mainsubtitle", "maintitleaddon"),
]
READ_ALIASES = {
    "publisher": ["publisher", "institution", "organization", "school"],
    "publisher-place": ["address", "location"],
    "note": ["annote", "annotation", "note"],
    "container-title": ["journal", "journaltitle", "booktitle"],
    "language": ["language", "langid"],
}
# The CSL variables the styles print as plain text, escaped: LaTeX's formatting in their fields, an
# organisation's "\emph{Merriam-Webster}", is read as its text, not as rich text (``<i>``) they would
# print as written. Names are read so too.
PLAIN_TEXT_VARIABLES = {
    *("publisher", "publisher-place", "original-publisher", "original-publisher-place"),
    *("archive", "event-place", "edition"),
}
# Fields a list-reading biblatex would split at " and ": written in braces.
LIST_FIELDS = {"publisher", "address", "origpublisher", "origlocation"}
# Title fields a sentence-case style lower-cases: their capitals are braced.
TITLE_FIELDS = {"title", "shorttitle", "booktitle", "series"}
VERBATIM_FIELDS = [
    ("url", "URL"),
    ("doi", "DOI"),
    ("isbn", "ISBN"),
    ("issn", "ISSN"),
    ("archiveurl", "archive_location"),
]
DATE_FIELDS = [("origdate", "original-date"), ("eventdate", "event-date")]
PUBSTATES = {"forthcoming": "forthcoming", "inpress": "in press", "submitted": "submitted"}
# biblatex's ``eprinttype`` (BibTeX's ``archiveprefix``) and where its ``eprint`` is found.
EPRINT_URLS = {
    "arxiv": "https://arxiv.org/abs/{}",
    "jstor": "https://www.jstor.org/stable/{}",
    "pubmed": "https://www.ncbi.nlm.nih.gov/pubmed/{}",
    "googlebooks": "https://books.google.com?id={}",
}
# Name lists: field <-> CSL variable (``bookauthor``: the author of the book a part is in).
NAME_FIELDS = [("author", "author"), ("editor", "editor"), ("translator", "translator")]
NAME_FIELDS.append(("bookauthor", "container-author"))
# biblatex's ``editortype`` values that name another CSL role than editor (a film's director),
# and the fields they type: ``editor``, else ``editora``… when a record has an editor too.
EDITOR_TYPES = {"director": "director", "compiler": "compiler", "organizer": "organizer"}
EDITOR_FIELDS = ("editor", "editora", "editorb", "editorc")
_URL_ONLY = re.compile(r"\\url\s*\{([^{}]*)\}\s*\Z|\\href\s*\{([^{}]*)\}|(https?://\S*)\Z")

# Cross-references, as biblatex resolves them: a child takes each field it lacks from the
# entry it names in ``crossref``, but these; a part of a book (``incollection``…) takes the
# book's title as its container's title (and its author, when it has none of its own).
NOT_INHERITED = {"crossref", "xref", "xdata", "ids", "entryset", "entrysubtype", "label", "shorthand"}
NOT_INHERITED |= {"sortkey", "options", "related", "keywords", "file", "shorttitle", "subtitle", "titleaddon"}
PART_TYPES = {"incollection", "inbook", "bookinbook", "suppbook", "inproceedings", "conference"}
PART_TYPES |= {"inreference", "letter"}  # a letter cross-references the book that prints it
# A review's ``crossref`` is the work it reviews (as Windy City, a biblatex style of the 17th edition,
# models it): the work's title and author are the review's reviewed title and author, under these
# names while the fields are read; the review takes nothing else of the work (its publisher, year…).
REVIEWED = {"title": "reviewed title", "author": "reviewed author"}
# A book's title parts, as the title parts of the container of a part of it.
BOOK_PARTS = [("title", "booktitle"), ("subtitle", "booksubtitle"), ("titleaddon", "booktitleaddon")]
# A keyless entry (Mendeley writes "@article{,") is given a key made like Better BibTeX's:
# first author's family name, year, first word of the title that is not one of these.
KEY_SKIPPED_WORDS = {"a", "an", "the", "on", "of", "in", "and", "for", "to"}
KEY_SKIPPED_WORDS |= {"la", "le", "les", "der", "die", "das"}
# What a keyless entry is named while the file is parsed (NUL: no file that is read holds it).
_KEYLESS = "\0"
# How deep a chain of cross-references is followed (biblatex's own files nest two deep).
CROSSREF_DEPTH = 4
# The fields read: one given twice with two values is named in the import's notes.
READ_FIELDS = {
    *(name for name, _ in TEXT_FIELDS + VERBATIM_FIELDS + DATE_FIELDS),
    *(name for aliases in READ_ALIASES.values() for name in aliases),
    *(name for name, _ in NAME_FIELDS),
    *EDITOR_FIELDS,
    *(f"{name}type" for name in EDITOR_FIELDS),
    *("date", "year", "month", "day", "number"),
    *("issue", "eid", "urldate", "entrysubtype", "crossref", "eprint", "eprinttype", "howpublished"),
}


# "R.J." -> "R. J.": initials are spaced (CMOS 10.12), as pandoc spaces them; not "J.-P.".
_INITIALS = re.compile(r"(?<=\.)(?=[^\W\d_])")


# biblatex's extended name format: "family=Goethe, given=Johann Wolfgang, prefix=von, useprefix=false".
_NAME_PART = re.compile(r"\s*(family|given|prefix|suffix|useprefix)\s*=\s*(.*?)\s*\Z", re.I | re.S)
_EXTENDED_PARTS = {"family": "family", "given": "given", "suffix": "suffix"}


def _extended_name(raw):
    """A name in biblatex's extended format as a CSL name, or None when it is not one: its prefix
    is a non-dropping particle with ``useprefix=true``, else a dropping one (biblatex's default)."""
    matches = [_NAME_PART.match(part) for part in raw.split(",")]
    if not all(matches):
        return None
    parts = {match.group(1).lower(): latex.latex_to_text(match.group(2)) for match in matches}
    name = {csl_part: parts[part] for part, csl_part in _EXTENDED_PARTS.items() if part in parts}
    if parts.get("prefix"):
        keeps = parts.get("useprefix", "").lower() == "true"
        name["non-dropping-particle" if keeps else "dropping-particle"] = parts["prefix"]
    return _name_parts(name)


def _name_parts(name):
    """A CSL name as ``csl.normalize_name`` makes it, but for its non-breaking spaces, kept:
    BibTeX holds them ("C.{~}M."), where the library's other readers take any space as one."""
    parts = {
        part: latex.collapse_spaces(str(name[part]))
        for part in csl.NAME_PARTS
        if isinstance(name.get(part), str | int)
    }
    parts = {part: value for part, value in parts.items() if value}
    if "literal" in parts or "family" not in parts and "given" in parts:
        return {"literal": parts.get("literal") or parts["given"]}
    return parts


def _name(raw):
    raw = latex.balanced(raw.strip())
    if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
        return {"literal": latex.latex_to_text(raw[1:-1])}
    if "=" in raw and (extended := _extended_name(raw)) is not None:
        return extended
    parts = parse_single_name_into_parts(raw, strict=False)
    given = latex.latex_to_text(" ".join(parts.first))
    # "Tocqueville, Alexis de": lower-case words after the given name are a dropping particle.
    dropping = []
    words = given.split(" ") if given else []
    while len(words) > 1 and words[-1][:1].islower():
        dropping.append(words.pop())
    dropping.reverse()
    name = {
        "family": latex.latex_to_text(" ".join(parts.last)),
        "given": _INITIALS.sub(" ", " ".join(words)),
        "dropping-particle": " ".join(dropping),
        "non-dropping-particle": latex.latex_to_text(" ".join(parts.von)),
        "suffix": latex.latex_to_text(" ".join(parts.jr)),
    }
    return _name_parts(name)


def _names(value, what="the names"):
    """The names of a list; "and others", BibTeX's "et al.", is the literal name "others"."""
    raws = [raw for raw in split_multiple_persons_names(value) if raw.strip()] if value else []
    limits.check_names(len(raws), what)
    return [{"literal": "others"} if raw.strip() == "others" else _name(raw) for raw in raws]


def _date(fields):
    """The entry's date: biblatex's ``date`` (EDTF), else ``year`` (a number, a range, "n.d.",
    "forthcoming"…) with ``month`` and ``day``, else its ``pubstate``."""
    if fields.get("date", "").strip():
        return dates.to_item(dates.read_text(fields["date"]))
    year = latex.latex_to_text(fields.get("year", ""))
    if not year:
        state = fields.get("pubstate", "").strip().lower()
        return {"literal": PUBSTATES[state]} if state in PUBSTATES else None
    if not year.isdigit():
        return dates.to_item(dates.read_text(f"{latex.latex_to_text(fields.get('month', ''))} {year}"))
    # "oct", "10", "October 1" (Web of Science's "OCT 1"), a season; a month that is none of
    # these ("September 22 - 26", "31") is left out, as pandoc leaves it, and the year kept.
    words = latex.latex_to_text(fields.get("month", "")).lower().replace(".", " ").split()
    if words and words[0] in dates.SEASON_NUMBERS:
        return dates.to_item(dates.read_text(f"{words[0]} {year}"))
    month = dates.MONTH_NUMBERS.get(words[0]) if words else None
    if words and words[0].isdigit() and 1 <= int(words[0]) <= 12:
        month = int(words[0])
    if month is None:
        return {"date-parts": [[int(year)]]}
    day = fields.get("day", "").strip() or (words[1] if len(words) == 2 else "")
    day = int(day) if day.isdigit() and 1 <= int(day) <= 31 else None
    return {"date-parts": [[int(year), month, *([day] if day else [])]]}


def _fields(entry):
    """An entry's fields by lower-case name: the first of a name given twice, as BibTeX reads it."""
    fields = {}
    for field in entry.fields:
        fields.setdefault(field.key.lower(), str(field.value))
    return fields


def _inherited(fields, parent, entry_type):
    """``fields`` and those it lacks of the entry it cross-references (``parent``'s fields); a review
    takes only what names the work it reviews (``REVIEWED``)."""
    if entry_type == "review":
        reviewed = {**parent, "title": _whole_titles(parent).get("title", "")}
        return {**{field: reviewed[name] for name, field in REVIEWED.items() if reviewed.get(name)}, **fields}
    taken = {name: value for name, value in parent.items() if name not in NOT_INHERITED}
    taken.pop("title", None)  # a part's own title, or the title of the whole (biblatex's maintitle)
    if entry_type in PART_TYPES:
        for part, book_part in BOOK_PARTS:
            if parent.get(part, "").strip():
                taken[book_part] = parent[part]
    return {**taken, **fields}


def _joined_title(title, part, separator):
    """``title`` and ``part`` as one: "Title: Subtitle", "Why Blog? A Reply" (no colon after "?")."""
    if not part.strip():
        return title
    if not title.strip():
        return part.strip()
    ends = latex.latex_to_text(title).rstrip()[-1:]
    return title.strip() + (" " if ends in "?!:." else separator) + part.strip()


def _whole_titles(fields):
    """``fields`` with each title joined to its subtitle and addition."""
    fields = dict(fields)
    for main, subtitle, addon in TITLE_PARTS:
        title = _joined_title(fields.get(main, ""), fields.get(subtitle, ""), ": ")
        title = _joined_title(title, fields.get(addon, ""), ". ") if addon else title
        if title:
            fields[main] = title
    return fields


def _unbraced(value):
    """A verbatim value without the braces that wrap it whole: Web of Science's "{{10.1016/…}}"."""
    value = value.strip()
    while value.startswith("{") and value.endswith("}") and latex.balanced(value[1:-1]) == value[1:-1]:
        value = value[1:-1].strip()
    return value


def _url(fields):
    """The entry's URL: ``url``, else its e-print's (arXiv, JSTOR…), else a ``howpublished`` URL."""
    if fields.get("url", "").strip():
        return _unbraced(fields["url"])
    kind = (fields.get("eprinttype") or fields.get("archiveprefix") or "").strip().lower()
    eprint = fields.get("eprint", "").strip()
    if eprint and kind in EPRINT_URLS:
        return EPRINT_URLS[kind].format(eprint)
    match = _URL_ONLY.match(fields.get("howpublished", "").strip())
    return next(filter(None, match.groups())) if match else ""


def entry_to_item(entry, fields=None):
    """A CSL-JSON item from a bibtexparser entry (or its ``fields``, cross-references taken),
    and whether its type had to be mapped."""
    fields = _whole_titles(_fields(entry) if fields is None else fields)
    entry_type = entry.entry_type.lower()
    subtype = fields.get("entrysubtype", "").strip().lower()
    kind = ENTRY_TYPES.get(entry_type, "webpage" if fields.get("url") else "book")
    kind = SUBTYPES.get((entry_type, subtype), subtype if subtype in CSL_TYPES else kind)
    item = {"id": entry.key, "type": kind}
    for bib_name, csl_name in TEXT_FIELDS:
        item[csl_name] = latex.latex_to_text(
            fields.get(bib_name, ""), keep_lines=csl_name in ("note", "abstract")
        )
    for csl_name, aliases in READ_ALIASES.items():
        value = next((fields[alias] for alias in aliases if fields.get(alias, "").strip()), "")
        item[csl_name] = latex.latex_to_text(value, keep_lines=csl_name == "note")
    if fields.get("maintitle", "").strip():  # the multivolume work; the volume's title is its own
        whole = "container-title" if entry_type in PART_TYPES else "title"
        item["volume-title"], item[whole] = item[whole], latex.latex_to_text(fields["maintitle"])
    if kind in ("thesis", "report"):  # the university, not ProQuest; the institution that issued it
        issuer = fields.get("school") or fields.get("institution") or ""
        item["publisher"] = latex.latex_to_text(issuer) or item["publisher"]
    if not item["publisher"] and not _URL_ONLY.match(fields.get("howpublished", "").strip()):
        item["publisher"] = latex.latex_to_text(fields.get("howpublished", ""))
    if kind == "thesis" and not item["genre"]:
        item["genre"] = THESIS_GENRES.get(entry_type, "")
    if not fields.get("language", "").strip():  # ``language`` is text, written and read as it is
        item["language"] = LANGUAGE_TAGS.get(item["language"].lower(), item["language"])
    item["genre"] = BIBSTRINGS.get(item["genre"].lower(), item["genre"])
    item["collection-title"] = BIBSTRINGS.get(item["collection-title"].lower(), item["collection-title"])
    number, issue = (latex.latex_to_text(fields.get(name, "")) for name in ("number", "issue"))
    if entry_type in ISSUE_NUMBERED:
        item["issue"], item["number"] = number or issue, latex.latex_to_text(fields.get("eid", ""))
    elif entry_type in SERIES_NUMBERED and item["collection-title"]:
        item["collection-number"], item["issue"] = number, issue
    else:
        item["number"], item["issue"] = number, issue
    for bib_name, csl_name in VERBATIM_FIELDS:
        item[csl_name] = _unbraced(fields.get(bib_name, ""))
    item["URL"] = _url(fields)
    if fields.get("eprinttype", "").strip().lower() == "doi" and not item["DOI"]:
        item["DOI"] = fields.get("eprint", "").strip()
    for bib_name, role in NAME_FIELDS:
        item[role] = _names(fields.get(bib_name, ""), f"the {bib_name} field")
    item["reviewed-title"] = latex.latex_to_text(fields.get(REVIEWED["title"], ""))
    item["reviewed-author"] = _names(fields.get(REVIEWED["author"], ""), "the reviewed work's author")
    if not item["title"]:  # an untitled review holds the work's title as its own, as Zotero holds it
        item["title"], item["reviewed-title"] = item["reviewed-title"], ""
    for bib_name in EDITOR_FIELDS:  # a director, compiler or organizer named by its editor type
        role = EDITOR_TYPES.get(fields.get(f"{bib_name}type", "").strip().lower())
        if role and fields.get(bib_name, "").strip():
            names = _names(fields[bib_name], f"the {bib_name} field")
            item[role] = item.get(role) or names
            if bib_name == "editor":
                item["editor"] = []
    item["issued"] = _date(fields)
    for bib_name, csl_name in DATE_FIELDS:
        if fields.get(bib_name, "").strip():
            item[csl_name] = dates.to_item(dates.read_text(fields[bib_name]))
    if "original-date" not in item and fields.get("origyear", "").strip().isdigit():
        item["original-date"] = {"date-parts": [[int(fields["origyear"])]]}
    if fields.get("urldate", "").strip():
        item["accessed"] = dates.to_item(dates.read_text(fields["urldate"]))
    mapped = subtype not in CSL_TYPES and (entry_type in NEAREST or entry_type not in ENTRY_TYPES)
    return {name: _without_markup(name, value) for name, value in item.items() if value}, mapped


def _without_markup(variable, value):
    """A variable's value without the rich text it holds where the styles print it as plain text
    (``PLAIN_TEXT_VARIABLES``); a list of names, each part without it."""
    if isinstance(value, str):
        return markup.to_text(value) if variable in PLAIN_TEXT_VARIABLES else value
    if isinstance(value, list):
        return [{part: markup.to_text(text) for part, text in name.items()} for name in value]
    return value


def _check_limits(entry):
    """Refuse an entry whose key or field values are too long or nest too deep for the decoder."""
    limits.check_length(entry.key, "the key")
    for field in entry.fields:
        value = str(field.value)
        limits.check_length(value, f"the {field.key} field")
        limits.check_latex_depth(value, f"the {field.key} field")


def _failure(block, unclosed):
    """The key of a block bibtexparser could not read, if known, and why, in one line: an entry
    not closed before the next or the end of the file in the reader's words (``bibtex_scan``),
    else in bibtexparser's."""
    error = getattr(block, "error", None)
    detail = str(getattr(error, "abort_reason", None) or error or "").split("\n")[0].strip()
    if block.start_line in unclosed and ("Unexpected block start" in detail or "end of file" in detail):
        return unclosed[block.start_line]
    if "end of file" in detail:
        detail += " The file may be truncated."
    elif "after entry key, but found =" in detail:  # EndNote's "@article{ author = …"
        detail += "; the entry may have no key"
    return "", detail or "this entry cannot be parsed"


def read(text):
    """The entries of a BibTeX file as records (where, CSL-JSON item, type was mapped, error).

    ``%`` starts a comment outside values, as in pandoc and biber. A block
    that cannot be parsed and an entry whose fields cannot be read are
    records with an error, named by line. An entry with a key used before is
    read too, named by its line only: the import takes the first good record
    with a key, and says whether a later one is the same record or another.
    """
    from citations.formats import Record

    # The splitter's work grows with its blocks; count them first, in one regular expression.
    limits.check_records(sum(1 for _ in _BLOCK_START.finditer(text)))
    shape = bibtex_scan.scan(text)
    library, parse_notes, repeated = _parsed(shape.text)
    entries = {}
    for block in library.entries:
        if block.start_line not in repeated:
            entries.setdefault(block.key.lower(), block)
    records, count = [], 0
    for block in library.blocks:
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):  # a @string defined twice
            reason = f"the string {block.key!r} is defined twice in this file; only the first is read"
            records.append(Record(f"line {line}", {}, False, reason))
        elif isinstance(block, ParsingFailedBlock):
            key, reason = _failure(block, shape.unclosed)
            records.append(Record(f"line {line}", {"id": key} if key else {}, False, reason))
        elif isinstance(block, Entry):
            if block.start_line in repeated:
                block.key, where = repeated[block.start_line], f"line {line}"
            else:
                count += 1
                where = f"entry {count} (line {line})"
            records.append(_record(block, where, entries, parse_notes.get(block.start_line, ())))
    return records


def _record(entry, where, entries, parse_notes):
    """The record of one entry, or its error."""
    from citations.formats import Record

    try:
        _check_limits(entry)
        fields, notes = _resolved(entry, entries)
        if not entry.key.strip() or entry.key.startswith(_KEYLESS):
            entry.key = _made_key(fields, entries)
            entries[entry.key.lower()] = entry
            notes += (f"it has no key; it is imported as {entry.key!r}",)
        item, mapped = entry_to_item(entry, fields)
    except ValueError as error:
        return Record(where, {"id": entry.key}, False, str(error))
    return Record(where, item, mapped, notes=notes + tuple(parse_notes))


def _parsed(text):
    """bibtexparser's library of ``text``, what was left out of each entry, and the keys of the
    entries with a key used before, each by its line.

    bibtexparser sets aside an entry with a field given twice, and one with a
    key used before (or a second without a key); all are read as the others
    are, the latter under a name of their own while the library is parsed
    (a library holds one entry a key). It leaves a value joined with "#" as
    written; it is joined here.
    """
    split = bibtexparser.parse_string(text, parse_stack=[])
    blocks, notes, repeated, keys = [], {}, {}, set()
    for block in split.blocks:
        if isinstance(block, DuplicateBlockKeyBlock) and isinstance(block.ignore_error_block, Entry):
            block = block.ignore_error_block
        if isinstance(block, DuplicateFieldKeyBlock):
            block = block.ignore_error_block
            notes[block.start_line] = _fields_given_twice(block)
        if isinstance(block, Entry):
            if block.key in keys:
                repeated[block.start_line] = block.key
            if not block.key.strip() or block.key in keys:
                block.key = f"{_KEYLESS}{block.start_line}"
            keys.add(block.key)
        blocks.append(block)
    library = Library(blocks, fail_on_duplicate_key=False)
    for middleware in default_parse_stack():
        library = middleware.transform(library=library)
    strings = {key.lower(): str(string.value) for key, string in library.strings_dict.items()}
    for entry in library.entries:
        for field in entry.fields:
            if field.enclosing == "no-enclosing" and "#" in str(field.value):
                field.value, undefined = _joined(str(field.value), strings)
                notes.setdefault(entry.start_line, []).extend(
                    f"the {field.key} field uses the string {name!r}, which this file does not define; "
                    "its name is read instead"
                    for name in undefined
                )
    return library, notes, repeated


def _fields_given_twice(entry):
    """A note for each field read that an entry gives twice with two values."""
    values = {}
    for field in entry.fields:
        values.setdefault(field.key.lower(), set()).add(str(field.value).strip())
    return [
        f"the {name} field is given twice; the first is read, as BibTeX does"
        for name, seen in sorted(values.items())
        if len(seen) > 1 and name in READ_FIELDS
    ]


# "#" and the pieces it joins: {braced}, "quoted", a number or the name of a string.
_JOIN_PIECE = re.compile(r'\s*(\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}|"[^"]*"|[^\s#]+)\s*(?:#|\Z)')


def _joined(value, strings):
    """A value joined with "#" (``"A" # jan # {B}``) as its text, and the string names in it that
    are not defined (read as their names, as pandoc reads them)."""
    pieces, undefined, position = [], [], 0
    while position < len(value) and (match := _JOIN_PIECE.match(value, position)):
        piece, position = match.group(1), match.end()
        if piece[0] in '{"':
            pieces.append(piece[1:-1])
        elif piece.isdigit():
            pieces.append(piece)
        elif piece.lower() in strings:
            pieces.append(strings[piece.lower()])
        elif piece.lower() in dates.MONTH_NUMBERS and len(piece) == 3:
            pieces.append(dates.MONTHS[dates.MONTH_NUMBERS[piece.lower()] - 1])
        else:
            pieces.append(piece)
            undefined.append(piece)
    if position < len(value):  # not a join after all: leave it as written
        return value, []
    return "".join(pieces), undefined


def _key_word(text):
    """``text`` as letters and digits only, accents dropped: "Sánchez-García" -> "sanchezgarcia"."""
    folded = unicodedata.normalize("NFKD", latex.latex_to_text(text))
    return "".join(char for char in folded if char.isalnum()).lower()


def _made_key(fields, entries):
    """A key for an entry that has none: "thomas2016stories", then "thomas2016storiesa"… when
    taken. It is made from the record, so importing the file again updates the same sources."""
    names = split_multiple_persons_names(fields.get("author") or fields.get("editor") or "")
    family = _key_word(" ".join(parse_single_name_into_parts(names[0], strict=False).last)) if names else ""
    year = next(iter(re.findall(r"\d{4}", fields.get("date") or fields.get("year") or "")), "")
    words = [_key_word(word) for word in latex.latex_to_text(fields.get("title", "")).split()]
    word = next((word for word in words if word and word not in KEY_SKIPPED_WORDS), "")
    return first_free((family + year + word)[:90] or "untitled", entries)


def _resolved(entry, entries, depth=0):
    """The entry's fields with those it takes from the entry it cross-references, and a note
    when that entry is not in the file."""
    fields = _fields(entry)
    parent_key = fields.get("crossref", "").strip()
    if not parent_key:
        return fields, ()
    parent = entries.get(parent_key.lower())
    if parent is None:
        return fields, (f"it cross-references {parent_key!r}, which is not in this file",)
    if parent is entry or depth >= CROSSREF_DEPTH:
        return fields, ()
    return _inherited(fields, _resolved(parent, entries, depth + 1)[0], entry.entry_type.lower()), ()


# What would split a name ("," between its parts, "and" between names) or its words ("~").
_NAME_SEPARATOR = re.compile(r",|(?<= )and(?= )|~", re.I)


def _name_part_to_latex(text):
    """A name's part as LaTeX that BibTeX reads as that part: its commas, "and"s and
    non-breaking spaces braced ("King, Martin Luther{,} Jr.", "C.{~}M.")."""
    return _NAME_SEPARATOR.sub(lambda match: "{" + match.group() + "}", latex.text_to_latex(text))


def _name_to_bibtex(name):
    """ "{Organisation}", "van Gogh, Vincent", "King, Jr., Martin Luther", "Tocqueville, Alexis de"."""
    name = _name_parts(name)
    if "literal" in name:
        return "{" + latex.text_to_latex(name["literal"]) + "}"
    family = _name_part_to_latex(name.get("family", ""))
    if family[:1].islower() or " " in family:
        family = "{" + family + "}"  # one family name, not a particle and a name
    if name.get("non-dropping-particle"):
        family = _name_part_to_latex(name["non-dropping-particle"]) + " " + family
    given = _name_part_to_latex(" ".join(filter(None, [name.get("given"), name.get("dropping-particle")])))
    suffix = [_name_part_to_latex(name["suffix"])] if name.get("suffix") else []
    return ", ".join([family, *suffix, given])


def _names_to_bibtex(names):
    """A list of CSL names as a BibTeX name list."""
    names = [name for name in names or [] if isinstance(name, dict)] if isinstance(names, list) else []
    return " and ".join(_name_to_bibtex(name) for name in names)


def _plain(value):
    """A CSL variable's text: numbers as digits, a one-element list as its element."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return str(value)


def _date_fields(item):
    """``year``, and ``date`` in EDTF when the year alone does not say it all."""
    try:
        date = dates.read_date(item.get("issued"))
    except ValueError:
        return []
    if date.year is None:
        return [("year", latex.text_to_latex(date.literal))] if date.literal else []
    fields = [("year", str(date.year))]
    if not dates.is_plain(date) or date.month is not None:
        fields.append(("date", dates.to_edtf(date)))
    return fields


def _entry_kind(item):
    """The entry type and subtype an item is written as, and the field that holds its container:
    a CSL type without an entry type of its own is its kin's, with its own name as the subtype."""
    kind = str(item.get("type") or "")
    if kind in WRITE_TYPES:
        return WRITE_TYPES[kind]
    kin = KIN_TYPES.get(kind) or csl.nearest_type(kind, has_url=bool(item.get("URL")))[0]
    entry_type, _, container_field = WRITE_TYPES[kin]
    return entry_type, kind if kind in CSL_TYPES else "", container_field


def item_to_entry(item):
    """A bibtexparser entry for a CSL-JSON item, with every variable BibTeX has a field for."""
    entry_type, subtype, container_field = _entry_kind(item)
    fields = []

    def add(name, value):
        if value:
            fields.append(Field(name, value))

    def text(csl_name, bib_name=""):
        value = _plain(item.get(csl_name))
        for spelling in csl.SPELLINGS.get(csl_name, ()):
            value = value or _plain(item.get(spelling))
        if bib_name in TITLE_FIELDS:
            return latex.title_to_latex(value)
        if bib_name in LIST_FIELDS and " and " in value:
            return "{" + latex.text_to_latex(value) + "}"
        return latex.text_to_latex(value)

    add("entrysubtype", subtype)
    for bib_name, role in NAME_FIELDS:
        add(bib_name, _names_to_bibtex(item.get(role)))
    editor_fields = iter(EDITOR_FIELDS[1:] if _names_to_bibtex(item.get("editor")) else EDITOR_FIELDS)
    for role in EDITOR_TYPES.values():
        if names := _names_to_bibtex(item.get(role)):
            bib_name = next(editor_fields)
            add(bib_name, names)
            add(f"{bib_name}type", role)
    for bib_name, csl_name in TEXT_FIELDS:
        add(bib_name, text(csl_name, bib_name))
        if bib_name == "shorttitle":
            add(container_field, text("container-title", container_field))
    add("publisher", text("publisher", "publisher"))
    add("address", text("publisher-place", "address"))
    if entry_type in ISSUE_NUMBERED:
        add("number", text("issue"))
        add("eid", text("number"))
    elif entry_type in SERIES_NUMBERED and item.get("collection-title"):
        add("number", text("collection-number"))
        add("issue", text("issue"))
    else:
        add("number", text("number"))
        add("issue", text("issue"))
    for name, value in _date_fields(item):
        add(name, value)
    for bib_name, csl_name in DATE_FIELDS:
        try:
            date = dates.read_date(item.get(csl_name))
        except ValueError:
            continue
        add(bib_name, dates.to_edtf(date) if date.year is not None else "")
    try:
        accessed = csl.parse_csl_date(item.get("accessed"))
    except ValueError:
        accessed = (None, None, None)
    if None not in accessed:
        add("urldate", "{:04d}-{:02d}-{:02d}".format(*accessed))
    for bib_name, csl_name in VERBATIM_FIELDS:
        add(bib_name, _plain(item.get(csl_name)))
    return Entry(entry_type, str(item["id"]), fields)


def write(items):
    """BibTeX text for CSL-JSON items."""
    library = Library([item_to_entry(item) for item in items])
    return bibtexparser.write_string(library)
