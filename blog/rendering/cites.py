"""Pandoc's citation syntax: ``[see -@a, pp. 3–5, emphasis added; @b]`` and ``@key [p. 4]``.

A bracketed citation is a bracket whose ``;``-separated parts each name one
key after an ``@`` that does not follow a letter, digit, ``@`` or ``.`` (so
``someone@example.com`` is not a citation); ``-@key`` suppresses the author.
Text before the key is the prefix; after it come an optional locator and a
suffix. A narrative citation is ``@key`` in running text, optionally followed
by a bracket holding its locator and suffix: ``@key [p. 33]``.

A key is written bare or in braces, as Pandoc reads them
(``citations.keys``): ``@Foo_bar--baz`` cites ``Foo_bar``, ``@{O'Hara_1999}``
cites ``O'Hara_1999``. A key in braces may hold ``;``, ``[`` or ``]``, which
then neither split nor close the citation; it holds no brace or whitespace.

A locator is a label Pandoc knows (its English terms, long or short,
singular or plural: ``p.``, ``chapters``, ``s.v.``, ``§``…) and a value, or a
bare number, which is a page, or anything in braces (``{iv, vi–xi}``). The
label's value is one word, then more after ``,``, ``&``, ``and`` or a dash
while they hold a digit or are roman numerals; what follows is the suffix.
A label abbreviation with no value (``p.`` alone) or an unclosed brace is an
error, as is a bracket that names no key in some part or is never closed.

Every function here is linear in its input: each regular expression is
anchored or scans forward once, and each part of a bracket is read once.
"""

import re
from dataclasses import dataclass

from citations.keys import BARE_KEY_PATTERN, KEY_PATTERN, cite_key

# A key after its "@", bare or in braces: the group "braced" or "bare" holds it.
_KEY = rf"(?:\{{(?P<braced>{KEY_PATTERN})\}}|(?P<bare>{BARE_KEY_PATTERN}))"
_ANY_KEY = rf"(?:\{{{KEY_PATTERN}\}}|{BARE_KEY_PATTERN})"
_BRACED_AT_KEY = rf"-?@\{{{KEY_PATTERN}\}}"

_KEY_IN_TEXT = rf"(?<![\w@.])-?@{_ANY_KEY}"

# A bracket opening before an @key with no bracket in between; whether and
# how it closes is read by the processor, so an unclosed one can be reported.
# Its inside runs to the first bracket not within a key in braces.
CITATION_RE = rf"\[(?=[^\[\]]*{_KEY_IN_TEXT})((?:{_BRACED_AT_KEY}|[^\[\]])*+)"

# ``@key`` in running text (not after "/", so an address's ``/@name`` is not
# one), with the bracket of its locator and suffix if one follows. A bare key
# is read whole (possessively) and may not run into another "@": "@a@b" is no
# citation, where a shorter key would have been read after the placeholder
# Python-Markdown leaves for "@a".
NARRATIVE_RE = (
    rf"(?<![\w@./\\])@(?:\{{(?P<braced>{KEY_PATTERN})\}}|(?P<bare>{BARE_KEY_PATTERN})(?!@))"
    r"(?:[ ]?\[(?P<bracket>[^\[\]]*)\](?![(\[]))?"
)

_PART_RE = re.compile(rf"^(?P<prefix>.*?)(?<![\w@.])(?P<suppress>-?)@{_KEY}(?P<suffix>.*)$", re.DOTALL)
KEY_IN_TEXT_RE = re.compile(_KEY_IN_TEXT)
_SEMICOLON_RE = re.compile(rf"{_BRACED_AT_KEY}|;")


def keys_in(text):
    """Every key written after an ``@`` in ``text``, braces taken off, whether or not it is cited."""
    return {
        match[0].lstrip("-@").removeprefix("{").removesuffix("}") for match in KEY_IN_TEXT_RE.finditer(text)
    }


def _parts(body):
    """A bracket's inside cut at each ``;`` that is not within a key in braces."""
    parts, start = [], 0
    for match in _SEMICOLON_RE.finditer(body):
        if match[0] == ";":
            parts.append(body[start : match.start()])
            start = match.end()
    return [*parts, body[start:]]


# CSL's locator names and the words Pandoc reads as each (the English
# locale's terms, long and short, singular and plural).
LOCATOR_TERMS = {
    "book": ("book", "books", "bk.", "bks."),
    "chapter": ("chapter", "chapters", "chap.", "chaps.", "ch.", "chs."),
    "column": ("column", "columns", "col.", "cols."),
    "figure": ("figure", "figures", "fig.", "figs."),
    "folio": ("folio", "folios", "fol.", "fols."),
    "issue": ("number", "numbers", "no.", "nos.", "issue", "issues"),
    "line": ("line", "lines", "l.", "ll."),
    "note": ("note", "notes", "n.", "nn."),
    "opus": ("opus", "opera", "op.", "opp."),
    "page": ("page", "pages", "p.", "pp.", "p", "pp"),
    "paragraph": ("paragraph", "paragraphs", "para.", "paras.", "¶", "¶¶"),
    "part": ("part", "parts", "pt.", "pts."),
    "section": ("section", "sections", "sec.", "secs.", "§", "§§"),
    "sub verbo": ("sub verbo", "sub verbis", "s.v.", "s.vv."),
    "verse": ("verse", "verses", "v.", "vv."),
    "volume": ("volume", "volumes", "vol.", "vols."),
}
_LABELS = {term: name for name, terms in LOCATOR_TERMS.items() for term in terms}
_LABEL_RE = re.compile(
    "(?i:(?P<term>"
    + "|".join(re.escape(term) for term in sorted(_LABELS, key=len, reverse=True))
    + r"))(?:(?<=[.¶§])\s*|\s+|$)"
)
_ROMAN = r"m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_NUMBER_RE = re.compile(rf"(?:[^\s,;&]*\d[^\s,;&]*|(?=[ivxlcdm]){_ROMAN}(?![^\s,;&]))")
_WORD_RE = re.compile(r"[^\s,;&]+")
_MORE_RE = re.compile(r"\s*(?:[,&–—-]|\band\b)\s*")


class CitationError(ValueError):
    """Text that looks like a citation but cannot be read; the message names it."""


@dataclass(frozen=True)
class Cite:
    """One source named in a citation.

    ``locator`` is the locator as written (``pp. 33-35``), ``label`` its CSL
    name (``page``) and ``value`` the part after the label (``33-35``).
    ``suffix`` keeps its leading punctuation (``, emphasis added``).
    ``narrative`` marks ``@key`` in running text, whose author the text names.
    """

    key: str
    prefix: str = ""
    locator: str = ""
    label: str = "page"
    value: str = ""
    suffix: str = ""
    suppress_author: bool = False
    narrative: bool = False


def _squash(text):
    return " ".join(text.split())


def read_locator(text, written):
    """``(locator, label, value, suffix)`` from the text after a key; ``written`` names it in errors."""
    rest = text.lstrip()
    if rest.startswith(","):
        rest = rest[1:].lstrip()
    if rest.startswith("{"):
        close = rest.find("}")
        if close < 0:
            raise CitationError(f"The locator in “{written}” opens a brace “{{” that is never closed.")
        inner = _squash(rest[1:close])
        label = _LABEL_RE.match(inner)
        name, value = (_LABELS[label["term"].lower()], inner[label.end() :]) if label else ("page", inner)
        return inner, name, value, _squash(rest[close + 1 :])
    label = _LABEL_RE.match(rest)
    if label:
        term = label["term"]
        # An abbreviation, a symbol or "sub verbo" takes any word ("s.v. liberty", "vol. IV");
        # a long label only a number, else it is a word of the suffix ("line of argument").
        abbreviated = term[-1] in ".¶§" or term.lower().startswith("sub ")
        first = (_WORD_RE if abbreviated else _NUMBER_RE).match(rest, label.end())
        if first is None and abbreviated:
            raise CitationError(f"The locator “{term}” in “{written}” has no number after it.")
        if first is None:
            label = None
    if not label:
        first = _NUMBER_RE.match(rest)
        if first is None:
            return "", "page", "", _squash(text)
    start = label.end() if label else 0
    end = first.end()
    while more := _MORE_RE.match(rest, end):
        number = _NUMBER_RE.match(rest, more.end())
        if number is None or number.end() == more.end():
            break
        end = number.end()
    name = _LABELS[label["term"].lower()] if label else "page"
    suffix = _squash(rest[end:])
    return _squash(rest[:end]), name, _squash(rest[start:end]), suffix


def parse_citation(body):
    """The cites in a bracket's inside; CitationError if a part names no key or has an unreadable locator."""
    cites = []
    for part in _parts(body):
        match = _PART_RE.match(part.strip())
        if match is None or KEY_IN_TEXT_RE.search(match["suffix"]):
            raise CitationError(f"“[{body}]” looks like a citation, but each part must name one @key.")
        locator, label, value, suffix = read_locator(match["suffix"], f"[{body}]")
        cites.append(
            Cite(
                key=match["braced"] or match["bare"],
                prefix=_squash(match["prefix"]),
                locator=locator,
                label=label,
                value=value,
                suffix=suffix,
                suppress_author=bool(match["suppress"]),
            )
        )
    return tuple(cites)


def parse_narrative(key, bracket):
    """The cite of ``@key`` in running text, with its bracket's locator and suffix (None: no bracket)."""
    if bracket is None:
        return Cite(key=key, narrative=True)
    locator, label, value, suffix = read_locator(bracket, f"{cite_key(key)} [{bracket}]")
    return Cite(key=key, locator=locator, label=label, value=value, suffix=suffix, narrative=True)


def citation_text(cites, unknown=frozenset()):
    """A citation written back out, with ``?`` after each key the library lacks."""
    parts = []
    for cite in cites:
        mark = "?" if cite.key in unknown else ""
        text = f"{'-' if cite.suppress_author else ''}{cite_key(cite.key)}{mark}"
        if cite.narrative:
            tail = ", ".join(filter(None, [cite.locator, cite.suffix.lstrip(", ")]))
            return f"{text} [{tail}]" if tail else text
        if cite.prefix:
            text = f"{cite.prefix} {text}"
        if cite.locator:
            text = f"{text}, {cite.locator}"
        if cite.suffix:
            text = f"{text}{'' if cite.suffix[0] in ',;.' else ' '}{cite.suffix}"
        parts.append(text)
    return "[" + "; ".join(parts) + "]"
