"""In-text styles formatted by a CSL engine (citeproc-py) from the official style files in ``csl/``.

An in-text style cites in the running text, ``(Smith 2016, 33)``, and lists
the works at the foot; a post's citations are formatted together, in reading
order, so that a numeric style numbers them by first citation. citeproc-py
knows neither CSL's suppress-author nor author-only, so both are read off a
second rendering in which the author (or the title standing in for one) is a
mark no record holds: what the mark replaces is the author, the rest is the
citation without it (``Smith`` and ``(2016, 33)``). Values are escaped before
citeproc-py sees them, since it copies them into its HTML as they are.
"""

import json
import logging
import re
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape, unescape
from io import BytesIO
from pathlib import Path

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import mark_safe

from citations import markup
from citations.styles import chicago
from citations.styles.citeproc_input import AMBIGUOUS, escaped_item, style_xml
from citations.styles.editions import EDITIONS

CSL_DIR = Path(__file__).parent / "csl"
logger = logging.getLogger(__name__)
# Reference entries each style keeps formatted.
ENTRIES_KEPT = 4096

# The name variables that stand in the author's place, in CSL's order of substitution.
_NAME_VARIABLES = ("author", "director", "editor", "translator", "composer", "interviewer")
# What is masked in turn to find what a citation puts in the author's place (``_masked``).
_STANDING_IN = ("names", "title", "container-title")
_TAG_RE = re.compile(r"<[^>]+>")
_LABEL_RE = re.compile(r"^(\[?\d+[.\]])\s*")  # a numeric style's "1." or "[1]"
_OPENING_RE = re.compile(r"(?:<\w+[^>]*>|“|‘)$")
_CLOSING_RE = re.compile(r"^(?:</\w+>|”|’)")
_QUOTE_PUNCTUATION_RE = re.compile(r"(”)([.,])")
_PERIOD_AFTER_MARK_RE = re.compile(r"([?!])((?:</\w+>|[”’])*)[.,]")


def _plain(html):
    return _TAG_RE.sub("", html)


class CslStyle:
    """A CSL style file, processed by citeproc-py in American English."""

    kind = "in-text"

    def __init__(self, path, *, heading="References"):
        self.path = CSL_DIR / path
        self.heading = heading

    @cached_property
    def style(self):
        return CitationStylesStyle(BytesIO(style_xml(self.path)), locale="en-US", validate=False)

    def _processor(self, items):
        data = [{**escaped_item(item), "id": key} for key, item in items.items()]
        with warnings.catch_warnings():  # citeproc-py warns of every CSL variable it does not read
            warnings.simplefilter("ignore")
            return CitationStylesBibliography(self.style, CiteProcJSON(data), formatter.html)

    @staticmethod
    def _citation(cites):
        return Citation(
            [
                CitationItem(cite.key, locator=Locator(cite.label, cite.value))
                if cite.value
                else CitationItem(cite.key)
                for cite in cites
            ]
        )

    def cite(self, citations, items):
        """The HTML of each of ``citations`` (sequences of ``Cite``), in reading order.

        ``items`` maps every cited key to its CSL-JSON item. A narrative citation
        names the author in the text, then the rest in parentheses ("Smith (2016,
        33)"); a suppressed author leaves only the rest ("(2016, 33)").
        """
        items = self.disambiguated(items)
        processor = self._processor(items)
        # What stands in the author's place masked: a style may cite by title, or by the series, a work
        # whose names it does not use.
        maskings = [
            self._processor({key: _masked(item, key, standing) for key, item in items.items()})
            for standing in _STANDING_IN
        ]
        registered = [[self._citation(cites) for _ in range(len(_STANDING_IN) + 1)] for cites in citations]
        for full, *bare in registered:
            processor.register(full)
            for masked, citation in zip(maskings, bare, strict=True):
                masked.register(citation)
        rendered = []
        for cites, (full, *bare) in zip(citations, registered, strict=True):
            try:
                html = str(processor.cite(full, _ignore))
            except Exception:  # citeproc-py fails on some odd records: name the works instead
                logger.exception("citeproc-py could not format a citation")
                titles = (markup.to_text(str(items[cite.key].get("title") or cite.key)) for cite in cites)
                rendered.append(mark_safe(escape(f"({'; '.join(titles)})", quote=False)))
                continue
            first = cites[0]
            if first.narrative or first.suppress_author:
                splits = (
                    _split(html, str(masked.cite(citation, _ignore)), _mark(first.key))
                    for masked, citation in zip(maskings, bare, strict=True)
                )
                parts = next(filter(None, splits), None)
                if parts is not None:
                    author, rest = parts
                    rest = "" if not _plain(rest).strip("()[] ") else rest
                    html = rest if first.suppress_author else " ".join(filter(None, [author, rest]))
            rendered.append(mark_safe(_punctuation_in_quotes(self._affixes(html, cites))))
        return rendered

    def disambiguated(self, items):
        """``items`` with what tells apart works whose citations would read alike, "(Smith 2019)".

        citeproc-py does not disambiguate. Where the style adds year suffixes,
        they are given in reference-list order (CSL 1.0.2, "Disambiguation":
        "Smith 2019a" and "Smith 2019b" in the text and the list); otherwise the
        style's ``disambiguate="true"`` branch is taken (MLA adds the title). Names
        and initials are not added (APA's "J. Smith, 2019" and "A. Smith, 2019").
        """
        if len(items) < 2 or self.numeric:
            return items
        processor = self._processor(items)
        alike = {}
        for key in items:
            alike.setdefault(_plain(str(self._one(processor, Cited(key)))), []).append(key)
        items = dict(items)
        for keys in alike.values():
            if len(keys) < 2:
                continue
            keys.sort(key=lambda key: (self.sort_key(items[key]), key))
            for index, key in enumerate(keys):
                if self.year_suffixes:
                    items[key] = {**items[key], "year-suffix": _letters(index)}
                else:
                    items[key] = {**items[key], AMBIGUOUS: "true"}
        return items

    @cached_property
    def year_suffixes(self):
        """Whether the style tells works apart by year suffixes (its ``disambiguate-add-year-suffix``)."""
        return 'disambiguate-add-year-suffix="true"' in self.path.read_text(encoding="utf-8")

    @staticmethod
    def _affixes(html, cites):
        """The author's prefix and suffix, inside the parentheses of a one-source citation."""
        prefix = escape(cites[0].prefix, quote=False)
        suffix = escape(cites[-1].suffix, quote=False)
        if not (prefix or suffix):
            return html
        if suffix and suffix[0] not in ",;:.":
            suffix = " " + suffix
        if html[:1] in "([" and html[-1:] in ")]":
            return f"{html[0]}{prefix + ' ' if prefix else ''}{html[1:-1]}{suffix}{html[-1]}"
        return f"{prefix + ' ' if prefix else ''}{html}{suffix}"

    def reference_list(self, items):
        """The reference list of ``items`` (key: CSL-JSON item), as HTML entries in the style's order."""
        if not items:
            return []
        items = self.disambiguated(items)
        processor = self._processor(items)
        for key in items:
            processor.register(Citation([CitationItem(key)]))
        try:
            formatted = [str(entry) for entry in processor.bibliography()]
        except Exception:
            logger.exception("citeproc-py could not format a reference list")
            formatted = []
        if len(formatted) != len(items):
            # citeproc-py fails on, or leaves out, some odd records: each is made alone, a title standing in.
            if len(items) == 1:
                return [_title(next(iter(items.values())))]
            alone = [self.bibliography(item) for item in items.values()]
            if self.numeric:
                return [
                    mark_safe(f"{number}. {_LABEL_RE.sub('', entry)}")
                    for number, entry in enumerate(alone, 1)
                ]
            return sorted(alone, key=_filing)
        entries = []
        for html in formatted:
            html = _punctuation_in_quotes(html)
            # A numeric style's label and entry run together in citeproc-py's output ("1.Smith").
            entries.append(mark_safe(_LABEL_RE.sub(r"\1 ", html)))
        if self.numeric:
            return entries
        # citeproc-py keeps the order of registration; the others file alphabetically.
        return sorted(entries, key=_filing)

    @cached_property
    def numeric(self):
        """Whether the style numbers its references in order of citation (its ``citation-format``)."""
        return 'citation-format="numeric"' in self.path.read_text(encoding="utf-8")

    def bibliography(self, item):
        """One item's reference-list entry, as HTML.

        citeproc-py takes tens of milliseconds an entry, so the last few
        thousand are kept (a source's page, ``/sources/`` and its sort key ask again).
        """
        return self._entry(json.dumps(item, sort_keys=True, default=str))

    @lru_cache(maxsize=ENTRIES_KEPT)  # noqa: B019 (styles live as long as the process: ``get_style`` keeps them)
    def _entry(self, item_json):
        item = json.loads(item_json)
        entries = self.reference_list({"item": item})
        return entries[0] if entries else _title(item)

    def note(self, item, locator="", *, label="page", suppress_author=False, **_note_options):
        """The item cited alone in the text, as a source's page shows how the site cites it."""
        cite = Cited("item", label=label, value=locator, suppress_author=suppress_author)
        return self.cite([(cite,)], {"item": item})[0]

    def narrative(self, item, **_note_options):
        """The author as running text names them, as the style's citation does ("Smith and Jones")."""
        full = str(self._one(self._processor({"item": item}), Cited("item")))
        for standing in _STANDING_IN:
            masked = self._one(self._processor({"item": _masked(item, "item", standing)}), Cited("item"))
            parts = _split(full, str(masked), _mark("item"))
            if parts:
                return mark_safe(parts[0])
        return mark_safe(full)

    def _one(self, processor, cite):
        citation = self._citation((cite,))
        processor.register(citation)
        return processor.cite(citation, _ignore)

    def attribution(self, item):
        """Who and where, for an excerpt's caption: the same words in every style."""
        return mark_safe(chicago.attribution(item, edition=EDITIONS[18]))

    def sort_key(self, item):
        """Where the item files: its entry's words, letter by letter, case and accents ignored."""
        return _filing(self.bibliography(item))


@dataclass(frozen=True)
class Cited:
    """One source in a citation, as ``blog.rendering.cites.Cite`` reads it from a post."""

    key: str
    prefix: str = ""
    label: str = "page"
    value: str = ""
    suffix: str = ""
    suppress_author: bool = False
    narrative: bool = False


def _letters(index):
    """The year suffix of the ``index``-th work alike: a, b… z, aa, ab…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _ignore(citation_item):
    """citeproc-py's callback for a key missing from the items: none is (the pipeline checks keys)."""


def _punctuation_in_quotes(html):
    """A comma or full stop after a closing quotation mark goes inside it, as American English has it;
    a comma or full stop after a title's own question or exclamation mark goes ("Baby”? Sport…",
    not "?."); quotation marks within quotation marks are single ("“‘Women Could…’: …”").

    citeproc-py reads neither the locale's ``punctuation-in-quote`` nor CSL's rules that
    punctuation already there is not doubled and that nested quotes alternate.
    """
    html = _PERIOD_AFTER_MARK_RE.sub(r"\1\2", _QUOTE_PUNCTUATION_RE.sub(r"\2\1", html))
    return _alternate_quotes(html)


def _alternate_quotes(html):
    """Double quotation marks within double ones made single, as CSL's quotes alternate by depth."""
    if html.count("“") < 2:
        return html
    depth, out = 0, []
    for character in html:
        if character == "“":
            out.append("“" if depth % 2 == 0 else "‘")
            depth += 1
        elif character == "”" and depth:
            depth -= 1
            out.append("”" if depth % 2 == 0 else "’")
        else:
            out.append(character)
    return "".join(out)


def _title(item):
    """What stands for an entry citeproc-py cannot make: the title, else nothing."""
    return mark_safe(escape(markup.to_text(str(item.get("title") or "")), quote=False))


def _filing(entry):
    """An entry's words without its number, case and accents, to file it by."""
    text = _LABEL_RE.sub("", unescape(_plain(entry)))
    text = unicodedata.normalize("NFKD", text)
    words = re.findall(r"\w+", "".join(c for c in text if not unicodedata.combining(c)).casefold())
    return " ".join(words)


def _mark(key):
    """A name no record has, standing for the author of ``key`` (a private-use character and the key)."""
    return f"\ue000{key}\ue001"


def _masked(item, key, standing="names"):
    """``item`` with what may stand in the author's place as ``_mark``: its author (or the first of
    ``_NAME_VARIABLES`` it has), its title, or its ``container-title``, else its title."""
    for variable in _NAME_VARIABLES if standing == "names" else (standing,):
        if item.get(variable):
            mark = [{"literal": _mark(key)}] if variable in _NAME_VARIABLES else _mark(key)
            return {**item, variable: mark}
    return {**item, "title": _mark(key)}


def _split(full, masked, mark):
    """``(author, rest)``: ``full`` cut where ``masked`` has ``mark``; None if they differ elsewhere.

    Formatting or quotation marks around the author (a title in its place) go with it.
    """
    index = masked.find(mark)
    if index < 0:
        return None
    before, after = masked[:index], masked[index + len(mark) :]
    if len(before) + len(after) >= len(full) or not (full.startswith(before) and full.endswith(after)):
        return None
    author = full[len(before) : len(full) - len(after)]
    while (opening := _OPENING_RE.search(before)) and (closing := _CLOSING_RE.match(after)):
        author = opening.group() + author + closing.group()
        before, after = before[: opening.start()], after[closing.end() :]
    return author, before + re.sub(r"^[\s,;:]+", "", after)
