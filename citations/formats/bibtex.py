"""BibTeX and biblatex, to and from CSL-JSON items (through bibtexparser 2).

Entry types map to the nearest CSL type (``entrysubtype`` tells newspaper and
magazine articles and blog posts apart); LaTeX accents, escapes and
protective braces are decoded with pylatexenc; names may be "Family, Given",
"Given Family" or "{Organisation Name}". Writing escapes what LaTeX would
read otherwise, so what is written reads back unchanged.
"""

import re
import unicodedata

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, Field
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from citations import csl
from citations.formats import limits

# pylatexenc reads \textasciicircum as the modifier letter ˆ; writers mean the caret.
_context = get_default_latex_context_db()
_context.add_context_category("commonplace", macros=[MacroTextSpec("textasciicircum", "^")], prepend=True)
_decoder = LatexNodes2Text(latex_context=_context, math_mode="verbatim", strict_latex_spaces=True)
# Built once: pylatexenc would otherwise rebuild its parsing context for every value.
_walker_context = latexwalker.get_default_latex_context_db()
_PLAIN = re.compile(r"[^\\{}~$`'%&#_^-]*\Z")
# Where bibtexparser's splitter starts a block (an entry, @string, @comment, @preamble).
_BLOCK_START = re.compile(r"@\w*[ \t]*[{(]")
_BRACES = re.compile(r"\\.|[{}]", re.DOTALL)

# BibTeX/biblatex entry type -> CSL type; entries marked True are the nearest
# kin rather than the same thing, and are counted as mapped.
ENTRY_TYPES = {
    "article": ("article-journal", False),
    "book": ("book", False),
    "mvbook": ("book", False),
    "booklet": ("book", True),
    "proceedings": ("book", True),
    "collection": ("book", True),
    "mvcollection": ("book", True),
    "incollection": ("chapter", False),
    "inbook": ("chapter", False),
    "bookinbook": ("chapter", False),
    "suppbook": ("chapter", True),
    "inproceedings": ("chapter", True),
    "conference": ("chapter", True),
    "inreference": ("chapter", True),
    "online": ("webpage", False),
    "www": ("webpage", False),
    "electronic": ("webpage", False),
    "misc": ("webpage", True),
    "report": ("report", False),
    "techreport": ("report", False),
    "manual": ("report", True),
    "thesis": ("report", True),
    "phdthesis": ("report", True),
    "mastersthesis": ("report", True),
    "unpublished": ("report", True),
    "video": ("broadcast", False),
    "audio": ("broadcast", True),
    "movie": ("broadcast", True),
    "music": ("broadcast", True),
    "performance": ("broadcast", True),
    "legislation": ("legislation", False),
    "legal": ("legislation", False),
    "jurisdiction": ("legislation", True),
    "standard": ("legislation", True),
    "patent": ("legislation", True),
}
SUBTYPES = {
    ("article", "newspaper"): "article-newspaper",
    ("article", "magazine"): "article-magazine",
    ("online", "blog"): "post-weblog",
}

# CSL type -> (entry type, entrysubtype, the field that holds the container).
WRITE_TYPES = {
    "article-newspaper": ("article", "newspaper", "journal"),
    "article-magazine": ("article", "magazine", "journal"),
    "article-journal": ("article", "", "journal"),
    "book": ("book", "", "series"),
    "chapter": ("incollection", "", "booktitle"),
    "webpage": ("online", "", "journal"),
    "post-weblog": ("online", "blog", "journal"),
    "report": ("report", "", "series"),
    "broadcast": ("video", "", "series"),
    "legislation": ("legislation", "", "series"),
}

# Plain field <-> CSL variable, for fields that need nothing but LaTeX decoding.
TEXT_FIELDS = [
    ("title", "title"),
    ("shorttitle", "title-short"),
    ("volume", "volume"),
    ("number", "issue"),
    ("pages", "page"),
    ("publisher", "publisher"),
    ("address", "publisher-place"),
    ("annote", "note"),
]
READ_ALIASES = {
    "issue": ["number", "issue"],
    "publisher": ["publisher", "institution", "organization", "school"],
    "publisher-place": ["address", "location"],
    "note": ["annote", "annotation", "note"],
    "container-title": ["journal", "journaltitle", "booktitle", "series"],
}
VERBATIM_FIELDS = [("url", "URL"), ("doi", "DOI"), ("isbn", "ISBN"), ("archiveurl", "archive_location")]


# The accents writers use most, as combining marks: "\\'e", "\\'{e}" and "{\\'e}" all read "é".
_ACCENT_MARKS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
}
_ACCENT = re.compile(r"""\{\\(['`^"~=.])([A-Za-z])\}|\\(['`^"~=.])\{([A-Za-z])\}|\\(['`^"~=.])([A-Za-z])""")
# What is left for pylatexenc once simple accents and protective braces are read.
_NOT_SIMPLE = re.compile(r"[\\~$%&#_^`]|--|''|[?!]`")


def _accented(match):
    accent, letter = next(
        group for group in zip(match.groups()[::2], match.groups()[1::2], strict=True) if group[0]
    )
    return unicodedata.normalize("NFC", letter + _ACCENT_MARKS[accent])


def _simple(value):
    """``value`` decoded in a few passes of C when it holds only simple accents and braces, else None.

    pylatexenc takes about 10 µs a character, which a file of accented names feels.
    """
    text = _ACCENT.sub(_accented, value).replace("{", "").replace("}", "")
    return None if _NOT_SIMPLE.search(text) else text


def latex_to_text(value, *, keep_lines=False):
    """LaTeX source as plain Unicode text: accents, escapes and braces decoded.

    Line breaks are spaces in LaTeX, except in a note, whose lines are kept.
    """
    if _PLAIN.match(value):
        text = value  # nothing LaTeX would change
    elif (simple := _simple(value)) is not None:
        text = simple
    else:
        walker = latexwalker.LatexWalker(value, latex_context=_walker_context, tolerant_parsing=True)
        text = _decoder.nodelist_to_text(walker.get_latex_nodes()[0])
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())
    return " ".join(text.split())


_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_RE = re.compile(r"[\\{}%&$#_~^]|--|``|''|\?`|!`")


def text_to_latex(value):
    """Plain text as LaTeX that reads back the same: specials escaped, ligatures broken."""
    return _SPECIAL_RE.sub(lambda m: _SPECIAL.get(m.group(), m.group()[0] + "{}" + m.group()[1:]), value)


def _balanced(raw):
    """``raw`` without its unmatched closing braces.

    bibtexparser mends each by inserting "{" at the start of the word, a cost
    quadratic in their number; LaTeX would refuse them anyway.
    """
    if "}" not in raw:
        return raw
    pieces, depth, position = [], 0, 0
    for match in _BRACES.finditer(raw):
        if match.group() == "{":
            depth += 1
        elif match.group() == "}":
            if depth:
                depth -= 1
            else:
                pieces.append(raw[position : match.start()])
                position = match.end()
    pieces.append(raw[position:])
    return "".join(pieces)


def _name(raw):
    raw = _balanced(raw.strip())
    if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
        return {"literal": latex_to_text(raw[1:-1])}
    parts = parse_single_name_into_parts(raw, strict=False)
    given = latex_to_text(" ".join(parts.first))
    # "Tocqueville, Alexis de": lower-case words after the given name are a dropping particle.
    dropping = []
    words = given.split()
    while len(words) > 1 and words[-1][:1].islower():
        dropping.append(words.pop())
    dropping.reverse()
    name = {
        "family": latex_to_text(" ".join(parts.last)),
        "given": " ".join(words),
        "dropping-particle": " ".join(dropping),
        "non-dropping-particle": latex_to_text(" ".join(parts.von)),
        "suffix": latex_to_text(" ".join(parts.jr)),
    }
    return csl.normalize_name(name)


def _names(value, what="the names"):
    raws = [raw for raw in split_multiple_persons_names(value) if raw.strip()] if value else []
    limits.check_names(len(raws), what)
    return [_name(raw) for raw in raws]


def _date(fields):
    if fields.get("date"):
        return {"raw": fields["date"].split("/")[0]}
    year = fields.get("year", "").strip()
    if not year:
        return None
    month = latex_to_text(fields.get("month", "")).strip().rstrip(".").lower()
    parts = [year]
    if month:
        parts.append(str(csl.MONTH_NUMBERS.get(month, month)))
        if fields.get("day", "").strip():
            parts.append(fields["day"].strip())
    return {"date-parts": [parts]}


def entry_to_item(entry):
    """A CSL-JSON item from a bibtexparser entry, and whether its type had to be mapped."""
    fields = {field.key.lower(): str(field.value) for field in entry.fields}
    entry_type = entry.entry_type.lower()
    subtype = fields.get("entrysubtype", "").strip().lower()
    kind, mapped = ENTRY_TYPES.get(entry_type, ("webpage" if fields.get("url") else "book", True))
    kind = SUBTYPES.get((entry_type, subtype), kind)
    item = {"id": entry.key, "type": kind}
    for csl_name in ("title", "title-short", "volume", "page"):
        bib_name = next(bib for bib, name in TEXT_FIELDS if name == csl_name)
        item[csl_name] = latex_to_text(fields.get(bib_name, ""))
    for csl_name, aliases in READ_ALIASES.items():
        value = next((fields[alias] for alias in aliases if fields.get(alias, "").strip()), "")
        item[csl_name] = latex_to_text(value, keep_lines=csl_name == "note")
    for bib_name, csl_name in VERBATIM_FIELDS:
        item[csl_name] = fields.get(bib_name, "").strip()
    item["author"] = _names(fields.get("author", ""), "the author field")
    item["editor"] = _names(fields.get("editor", ""), "the editor field")
    item["issued"] = _date(fields)
    if fields.get("urldate"):
        item["accessed"] = {"raw": fields["urldate"].strip()}
    return {name: value for name, value in item.items() if value}, mapped


def _check_limits(entry):
    """Refuse an entry whose key or field values are too long or nest too deep for the decoder."""
    limits.check_length(entry.key, "the key")
    for field in entry.fields:
        value = str(field.value)
        limits.check_length(value, f"the {field.key} field")
        limits.check_latex_depth(value, f"the {field.key} field")


def read(text):
    """The entries of a BibTeX file as (where, CSL-JSON item, type was mapped) records.

    Raises ``FormatError`` naming the line of the first block that cannot be
    parsed, of a key used twice, or of an entry whose fields cannot be read.
    """
    from citations.formats import FormatError, Record

    # The splitter's work grows with its blocks; count them first, in one regular expression.
    limits.check_records(sum(1 for _ in _BLOCK_START.finditer(text)))
    library = bibtexparser.parse_string(text)
    if library.failed_blocks:
        block = library.failed_blocks[0]
        line = (block.start_line or 0) + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            raise FormatError(f"Line {line}: the key {block.key!r} is used twice in this file.")
        error = getattr(block, "error", None)
        detail = str(getattr(error, "abort_reason", None) or error or "").split("\n")[0].strip()
        if "end of file" in detail:
            detail += " The file may be truncated."
        raise FormatError(f"Line {line}: {detail or 'this entry cannot be parsed'}")
    records = []
    for index, entry in enumerate(library.entries, 1):
        where = f"entry {index} (line {(entry.start_line or 0) + 1})"
        try:
            _check_limits(entry)
            item, mapped = entry_to_item(entry)
        except ValueError as error:
            raise FormatError(f"{where.capitalize()}: {error}") from None
        records.append(Record(where, item, mapped))
    return records


def _name_to_bibtex(name):
    """ "{Organisation}", "van Gogh, Vincent", "King, Jr., Martin Luther", "Tocqueville, Alexis de"."""
    if "literal" in name:
        return "{" + text_to_latex(name["literal"]) + "}"
    family = text_to_latex(name.get("family", ""))
    if family[:1].islower() or " " in family:
        family = "{" + family + "}"  # one family name, not a particle and a name
    if name.get("non-dropping-particle"):
        family = text_to_latex(name["non-dropping-particle"]) + " " + family
    given = text_to_latex(" ".join(filter(None, [name.get("given"), name.get("dropping-particle")])))
    suffix = [text_to_latex(name["suffix"])] if name.get("suffix") else []
    return ", ".join([family, *suffix, given])


def item_to_entry(item):
    """A bibtexparser entry for a CSL-JSON item."""
    entry_type, subtype, container_field = WRITE_TYPES.get(item.get("type"), ("misc", "", "series"))
    fields = []

    def add(name, value):
        if value:
            fields.append(Field(name, value))

    add("entrysubtype", subtype)
    add("author", " and ".join(_name_to_bibtex(name) for name in item.get("author", [])))
    add("editor", " and ".join(_name_to_bibtex(name) for name in item.get("editor", [])))
    for bib_name, csl_name in TEXT_FIELDS:
        add(bib_name, text_to_latex(item.get(csl_name, "")))
        if bib_name == "shorttitle":
            add(container_field, text_to_latex(item.get("container-title", "")))
    try:
        year, month, day = csl.parse_csl_date(item.get("issued"))
    except ValueError:
        year = month = day = None
    if year is not None:
        add("year", str(year))
        if month:
            add(
                "date",
                "-".join(
                    f"{part:02d}" if i else f"{part:04d}" for i, part in enumerate([year, month, day]) if part
                ),
            )
    try:
        accessed = csl.parse_csl_date(item.get("accessed"))
    except ValueError:
        accessed = (None, None, None)
    if None not in accessed:
        add("urldate", "{:04d}-{:02d}-{:02d}".format(*accessed))
    for bib_name, csl_name in VERBATIM_FIELDS:
        add(bib_name, item.get(csl_name, ""))
    return Entry(entry_type, item["id"], fields)


def write(items):
    """BibTeX text for CSL-JSON items."""
    library = Library([item_to_entry(item) for item in items])
    return bibtexparser.write_string(library)
