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

from citeproc import NAMES, Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON
from django.utils.safestring import mark_safe

from citations import markup
from citations.csl import normalize_name
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
_STANDING_IN = (
    *("names", "first names", "title", "container-title", "container-title-short", "publisher", "authority"),
    *("genre", "section"),
)
# Names a style prints after the author's, never in their place: a letter's "to O’Laughlin".
_NEVER_STANDING_IN = ("recipient", "reviewed-author", "reviewed_author")
_TAG_RE = re.compile(r"<[^>]+>")
_LABEL_RE = re.compile(r"^(\[?\d+[.\]])\s*")  # a numeric style's "1." or "[1]"
_OPENING_RE = re.compile(r"(?:<\w+[^>]*>|“|‘|\[)$")
_CLOSING_RE = re.compile(r"^(?:</\w+>|”|’|\])")
_QUOTE_PUNCTUATION_RE = re.compile(r"(”)([.,])")
_DOUBLE_PERIOD_RE = re.compile(r"(?<!\.)\.((?:</\w+>)*)\.(?!\.)")  # "Isthm.." (not an ellipsis)
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

    def _processor(self, items, style=None):
        pages = self.page_range_format
        data = [{**escaped_item(item, page_range_format=pages), "id": key} for key, item in items.items()]
        with warnings.catch_warnings():  # citeproc-py warns of every CSL variable it does not read
            warnings.simplefilter("ignore")
            return CitationStylesBibliography(style or self.style, CiteProcJSON(data), formatter.html)

    def _showing(self, names):
        """The style with its citations showing ``names`` names before "et al.", made once."""
        if names not in self._styles_showing:
            xml = style_xml(self.path, names_shown=names)
            self._styles_showing[names] = CitationStylesStyle(BytesIO(xml), locale="en-US", validate=False)
        return self._styles_showing[names]

    @cached_property
    def _styles_showing(self):
        return {}

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
            html = "" if not _plain(html).strip("()[] ") else html  # nothing cited: no "()"
            rendered.append(mark_safe(_punctuation_in_quotes(self._affixes(html, cites))))
        return rendered

    def disambiguated(self, items, *, cited=True):
        """``items`` with what tells apart works whose citations would read alike, "(Smith 2019)".

        citeproc-py does not disambiguate; this does as CSL 1.0.2 says
        ("Disambiguation"), in its order. Where the style adds given names, the
        first author's initials (or given names) are added to a work whose author
        shares a surname but not the given names with another's: "(A. Smith, 2019)"
        and "(J. Smith, 2020)" (APA 7 8.20), in citations only (not ``cited``: the
        reference list names them in full); in every citation unless the style's
        rule is "by-cite", which adds them only where the citations read alike.
        Where the style adds names, works whose names differ behind an "et al."
        show as many more as tell them apart, "(Smith, Jones, et al., 2019)" and
        "(Smith, Lee, et al., 2019)" (APA 7 8.18), in citations only (after the
        given names of a "by-cite" rule, as Pandoc orders them). Works still
        alike then take year suffixes in reference-list order, "Smith 2019a" and
        "Smith 2019b" in the text and the list, where the style adds them;
        otherwise the style's ``disambiguate="true"`` branch is taken: MLA adds
        the title to each work of an author cited with others of theirs, even
        where the titles too read alike, as Pandoc does (a work cited by its
        title only where it tells the works apart).
        """
        citing, listed = self._told_apart(items)
        return citing if cited else listed

    def _told_apart(self, items):
        """``disambiguated`` ``items``: as cited, and as listed."""
        if len(items) < 2 or self.numeric:
            return items, items
        citing, listed = dict(items), dict(items)
        if self.given_names and self.given_name_rule != "by-cite":
            initials_only = self.given_name_rule.endswith("-with-initials")
            for key, name in _namesakes(citing, citing, self.initials, initials_only=initials_only).items():
                citing[key] = _given_named(citing[key], name)
        # Only works that share an ``alike_key`` can read alike: citeproc-py formats no other.
        candidates = {}
        for key, item in items.items():
            candidates.setdefault(alike_key(item), []).append(key)
        alike = [
            keys
            for group in candidates.values()
            if len(group) > 1
            for keys in self._alike({key: citing[key] for key in group})
        ]
        for keys in alike:
            groups = [keys]
            if self.given_names and self.given_name_rule == "by-cite":
                for key, name in _namesakes(keys, citing, self.initials).items():
                    citing[key] = _given_named(citing[key], name)
                groups = self._alike({key: citing[key] for key in keys})
            if self.adds_names:
                for group in groups:
                    citing.update(self._names_added({key: citing[key] for key in group}))
                groups = [
                    still for group in groups for still in self._alike({key: citing[key] for key in group})
                ]
            for group in groups:
                group[:] = self._listed_order({key: items[key] for key in group})
                for index, key in enumerate(group):
                    told = {"year-suffix": _letters(index)} if self.year_suffixes else {AMBIGUOUS: "true"}
                    citing[key], listed[key] = {**citing[key], **told}, {**listed[key], **told}
                for key in group if not self.year_suffixes else ():
                    # A work already cited by its title is not given it again.
                    bare = self._bare(
                        json.dumps(_without(citing[key], AMBIGUOUS), sort_keys=True, default=str)
                    )
                    title = _plain(markup.to_text(str(items[key].get("title") or ""))).casefold()[:20]
                    if title and title in bare.casefold():
                        citing[key] = _without(citing[key], AMBIGUOUS)
                        listed[key] = _without(listed[key], AMBIGUOUS)
        return citing, listed

    def _listed_order(self, items):
        """The keys of ``items`` in the order of the style's reference list: by its ``<sort>`` keys
        (APA's author, date, then title), each as plain text (``_collated``), an empty key last and
        ties in the order given (CSL 1.0.2, "Sorting"): "Sir Gawain and the Green Knight (T.
        Silverstein, Trans.)" before "Sir Gawain and the Green Knight: A Comedy (…)", as Pandoc
        files them, where the entries' words alone would file them the other way.

        citeproc-py's own sort compares its keys' HTML (``<i>Sir Gawain…``).
        """
        processor = self._processor(items)
        for key in items:
            processor.register(Citation([CitationItem(key)]))
        bibliography = processor.style.root.bibliography
        sort = bibliography.find("cs:sort", bibliography.nsmap) if bibliography is not None else None
        if sort is None:
            return list(items)
        try:
            columns = [
                key.sort_keys(processor.items, bibliography.layout)
                for key in sort.findall("cs:key", sort.nsmap)
            ]
        except Exception:  # citeproc-py fails on some odd records: their entries' words file them
            logger.exception("citeproc-py could not sort a reference list")
            return sorted(items, key=lambda key: (self.sort_key(items[key]), key))
        keys = {}
        for index, key in enumerate(processor.keys):
            texts = (_collated(str(column[index])) if column[index] is not None else () for column in columns)
            keys[key] = tuple((not text, text) for text in texts)
        return sorted(items, key=keys.__getitem__)

    def _names_added(self, items):
        """Those of ``items`` (whose citations read alike) that more of their names tell apart from the
        others whose names differ, with as few more names shown before "et al." as do, as cited: the
        names as one literal name ("Smith, Jones, et al.").

        CSL 1.0.2 ``disambiguate-add-names``: names are added one at a time until the citation reads
        unlike the others; works of the same names are left to what follows (year suffixes). Citations
        are compared as printed, so "Smith, Jones, & Brown" is told from "Smith, Jones, Brown, et al."
        with three names, where Pandoc 2.17, comparing the names alone, shows a fourth.
        """
        named = {key: _first_name(item) for key, item in items.items()}
        most = max((len(item[named[key][0]]) for key, item in items.items() if named[key]), default=0)
        cited = {key: json.dumps(item, sort_keys=True, default=str) for key, item in items.items()}

        def showing(key, names):
            return self._cited_showing(cited[key], names)

        added = {}
        for key, item in items.items():
            others = [other for other in items if showing(other, most) != showing(key, most)]
            if not others or not named[key]:
                continue
            names = next(
                names
                for names in range(self.names_shown + 1, most + 1)
                if all(showing(other, names) != showing(key, names) for other in others)
            )
            told = {
                **item,
                named[key][0]: [{"literal": unescape(_plain(self._named(item, self._showing(names))))}],
            }
            # Only where the names alone stand in the author's place (no label beside them, say).
            if self._bare(json.dumps(told, sort_keys=True, default=str)) == showing(key, names):
                added[key] = told
        return added

    @lru_cache(maxsize=ENTRIES_KEPT)  # noqa: B019 (as ``_entry``)
    def _cited_showing(self, item_json, names):
        """``_bare``: an item's citation as plain text, with ``names`` names shown before "et al."."""
        processor = self._processor({"item": json.loads(item_json)}, self._showing(names))
        return _plain(str(self._one(processor, Cited("item"))))

    def distinctions(self, items):
        """``{key: {"cited": ..., "listed": ...}}``: the variables ``disambiguated`` adds or changes
        in each of ``items`` that it tells apart, in its citations and in its reference-list entry.

        What the library stores beside each source (``Source.distinction``), made over the
        sources whose citations could read alike, so that ``/sources/`` and a post agree.
        """
        made = dict(zip(("cited", "listed"), self._told_apart(items), strict=True))
        found = {}
        for key, item in items.items():
            told = {
                form: {name: value for name, value in made[form][key].items() if item.get(name) != value}
                for form in made
            }
            if any(told.values()):
                found[key] = told
        return found

    def _alike(self, items):
        """Lists of the keys of ``items`` whose citations, without a locator, read alike."""
        alike = {}
        for key, item in items.items():
            alike.setdefault(self._bare(json.dumps(item, sort_keys=True, default=str)), []).append(key)
        return [keys for keys in alike.values() if len(keys) > 1]

    @lru_cache(maxsize=ENTRIES_KEPT)  # noqa: B019 (as ``_entry``)
    def _bare(self, item_json):
        """An item's citation without a locator, as plain text: kept, as every post citing it asks again.

        citeproc-py does not disambiguate, so an item cited alone reads as it does beside others.
        """
        processor = self._processor({"item": json.loads(item_json)})
        return _plain(str(self._one(processor, Cited("item"))))

    @cached_property
    def _source(self):
        return self.path.read_text(encoding="utf-8")

    def _option(self, name, default=None):
        """The value of the style file's first ``name`` attribute, or ``default``."""
        match = re.search(rf'(?<![\w-]){name}="([^"]*)"', self._source)
        return match.group(1) if match else default

    @cached_property
    def names_shown(self):
        """How many names a citation shows before "et al.": its ``<citation>``'s ``et-al-use-first``."""
        citation = re.search(r"<citation\b[^>]*>", self._source)
        match = re.search(r'(?<![\w-])et-al-use-first="(\d+)"', citation.group() if citation else "")
        return int(match.group(1)) if match else 1

    @cached_property
    def adds_names(self):
        """Whether the style shows names hidden in "et al." to tell works apart (its
        ``disambiguate-add-names``)."""
        return self._option("disambiguate-add-names") == "true"

    @cached_property
    def given_names(self):
        """Whether the style adds given names to tell authors apart (its ``disambiguate-add-givenname``)."""
        return self._option("disambiguate-add-givenname") == "true"

    @cached_property
    def given_name_rule(self):
        """Its ``givenname-disambiguation-rule``: all but "by-cite" tell namesakes apart in every citation."""
        return self._option("givenname-disambiguation-rule", "by-cite")

    @cached_property
    def initials(self):
        """What follows each initial where the style initializes names (its first ``initialize-with``)."""
        return self._option("initialize-with")

    @cached_property
    def year_suffixes(self):
        """Whether the style tells works apart by year suffixes (its ``disambiguate-add-year-suffix``)."""
        return self._option("disambiguate-add-year-suffix") == "true"

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
        return list(self.reference_entries(items).values())

    def reference_entries(self, items):
        """``{key: entry}`` of the reference list of ``items``, in the style's order.

        Once the works that would read alike are told apart (``disambiguated``:
        2019a, 2019b), each entry is the one ``bibliography`` makes for its item
        alone, so a post's list formats no work again that a source's save or
        another post has formatted: citeproc-py substitutes no repeated author,
        so an entry reads the same whatever else is listed. A numeric style
        numbers the entries in the order given (of first citation); the others
        file alphabetically.
        """
        items = self.disambiguated(items, cited=False)
        entries = {key: self.bibliography(item) for key, item in items.items()}
        if self.numeric:
            return {key: _numbered(entry, number) for number, (key, entry) in enumerate(entries.items(), 1)}
        return dict(sorted(entries.items(), key=lambda pair: _filing(pair[1])))

    @cached_property
    def page_range_format(self):
        """How the style abbreviates page ranges (its ``page-range-format``), or None."""
        return self._option("page-range-format")

    @cached_property
    def numeric(self):
        """Whether the style numbers its references in order of citation (its ``citation-format``)."""
        return self._option("citation-format") == "numeric"

    def bibliography(self, item):
        """One item's reference-list entry, as HTML.

        citeproc-py takes tens of milliseconds an entry, so the last few
        thousand are kept (a post's reference list, a source's page, ``/sources/``
        and its sort key ask again).
        """
        return self._entry(json.dumps(item, sort_keys=True, default=str))

    @lru_cache(maxsize=ENTRIES_KEPT)  # noqa: B019 (styles live as long as the process: ``get_style`` keeps them)
    def _entry(self, item_json):
        item = json.loads(item_json)
        processor = self._processor({"item": item})
        processor.register(Citation([CitationItem("item")]))
        try:
            formatted = [str(entry) for entry in processor.bibliography()]
        except Exception:  # citeproc-py fails on, or leaves out, some odd records: the title stands in
            logger.exception("citeproc-py could not format a reference entry")
            formatted = []
        if not formatted:
            return _title(item)
        # A numeric style's label and entry run together in citeproc-py's output ("1.Smith").
        return mark_safe(_LABEL_RE.sub(r"\1 ", _punctuation_in_quotes(formatted[0])))

    def note(self, item, locator="", *, label="page", suppress_author=False, **_note_options):
        """The item cited alone in the text, as a source's page shows how the site cites it."""
        cite = Cited("item", label=label, value=locator, suppress_author=suppress_author)
        return self.cite([(cite,)], {"item": item})[0]

    def narrative(self, item, **_note_options):
        """The author as running text names them, as the style's citation does ("Smith and Jones")."""
        return mark_safe(self._named(item))

    def _named(self, item, style=None):
        """``narrative``'s HTML, in the style or in ``style`` (a variant of it)."""
        full = str(self._one(self._processor({"item": item}, style), Cited("item")))
        for standing in _STANDING_IN:
            masked = self._one(
                self._processor({"item": _masked(item, "item", standing)}, style), Cited("item")
            )
            parts = _split(full, str(masked), _mark("item"))
            if parts:
                return parts[0]
        return full

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


def alike_key(item):
    """What any two works whose citations could read alike share, cheap to find without citeproc-py:
    the surname first cited in the author's place (namesakes are told apart by their given names
    whatever the year), or for a work without names, its year."""
    first = _first_name(item)
    if first:
        return "name:" + str(first[1].get("family") or first[1].get("literal") or "").casefold()
    parts = (item.get("issued") or {}).get("date-parts") if isinstance(item.get("issued"), dict) else None
    return f"year:{parts[0][0] if parts and parts[0] else ''}"


def _first_name(item):
    """The variable and the first name of whoever is cited in the author's place, or None."""
    for variable in _NAME_VARIABLES:
        names = item.get(variable)
        if isinstance(names, list) and names and isinstance(names[0], dict):
            return variable, names[0]
    return None


def _namesakes(keys, items, initials, *, initials_only=False):
    """``{key: name}``, the first author of those of ``keys`` that share a surname, but not given names,
    with another's, named in full in the running text: with initials (``initials`` after each) where
    the style has them and they tell the two apart, else with given names (``initials_only``: with
    initials where they tell the two apart, else as they are, as Pandoc leaves them: "Smith" for John
    Smith beside Jess Smith, whose "J. Smith" would read alike)."""
    people = {}
    for key in keys:
        first = _first_name(items[key])
        if first and first[1].get("family") and first[1].get("given"):
            people[key] = normalize_name(first[1])
    named = {}
    for key, person in people.items():
        others = [
            other
            for other in people.values()
            if other["family"] == person["family"] and other["given"] != person["given"]
        ]
        if not others:
            continue
        given = str(person["given"])
        mark = ". " if initials is None else initials
        told_apart = all(_initialled(other["given"], mark) != _initialled(given, mark) for other in others)
        if initials_only and not told_apart:
            continue
        if told_apart or initials_only:
            given = given if initials is None else _initialled(given, mark)
        particles = (person.get("dropping-particle"), person.get("non-dropping-particle"))
        named[key] = " ".join(str(part) for part in (given, *particles, person["family"]) if part)
        if person.get("suffix"):
            named[key] += (
                f" {person['suffix']}"  # as the style prints it in running text: "Dexter Thomas Jr."
            )
    return named


def _initialled(given, initials):
    """ "Ann Beth" as "A. B." (``initials`` after each initial)."""
    return " ".join(f"{word[0]}{initials.strip()}" for word in str(given).replace(".", ". ").split())


def _given_named(item, name):
    """``item`` with its first author's name as ``name``."""
    variable, _first = _first_name(item)
    return {**item, variable: [{"literal": name}, *item[variable][1:]]}


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
    a full stop after an abbreviation's is not doubled ("Pindar. Isthm.", not "Isthm..");
    a comma or full stop after a title's own question or exclamation mark goes ("Baby”? Sport…",
    not "?."); quotation marks within quotation marks are single ("“‘Women Could…’: …”").

    citeproc-py reads neither the locale's ``punctuation-in-quote`` nor CSL's rules that
    punctuation already there is not doubled and that nested quotes alternate.
    """
    html = _PERIOD_AFTER_MARK_RE.sub(r"\1\2", _QUOTE_PUNCTUATION_RE.sub(r"\2\1", html))
    html = _DOUBLE_PERIOD_RE.sub(r".\1", html)
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


def _numbered(entry, number):
    """A numeric style's entry labelled ``number`` in the label's own form ("3." or "[3]"); a title
    standing in for an entry citeproc-py could not make has no label, and gets "3. "."""
    label = _LABEL_RE.match(entry)
    if label is None:
        return mark_safe(f"{number}. {entry}")
    return mark_safe(re.sub(r"\d+", str(number), label[1]) + " " + entry[label.end() :])


def _filing(entry):
    """An entry's words without its number, case and accents, to file it by."""
    text = _LABEL_RE.sub("", unescape(_plain(entry)))
    text = unicodedata.normalize("NFKD", text)
    words = re.findall(r"\w+", "".join(c for c in text if not unicodedata.combining(c)).casefold())
    return " ".join(words)


# Spaces and punctuation in the order the Unicode Collation Algorithm's default table gives them, all
# before digits and letters (as Pandoc's citeproc sorts).
_COLLATED_MARKS = " _-‐–—,;:!?.'‘’\"“”()[]{}@*/\\&#%`^+<=>|~$"


def _mark_rank(character):
    """Where a space or punctuation mark files among the others (marks not listed after them)."""
    rank = _COLLATED_MARKS.find(character)
    return rank if rank >= 0 else len(_COLLATED_MARKS)


def _collated(text):
    """A sort key's text without markup, case or accents, as the Unicode Collation Algorithm orders
    it with punctuation counted: spaces, then punctuation, digits (numbers by their value), letters.
    So a shorter title files before a longer one it begins ("Knight (T." before "Knight: A"), a
    quoted title before a bare one ("“Technophysio…”" before "The Escape…")."""
    text = unicodedata.normalize("NFKD", unescape(_plain(text)))
    text = " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())
    if text.isdigit():
        text = text.zfill(12)
    return tuple(
        (2, 0, c) if c.isdigit() else (3, 0, c) if c.isalpha() else (1, _mark_rank(c), c) for c in text
    )


def _mark(key):
    """A name no record has, standing for the author of ``key`` (a private-use character and the key)."""
    return f"\ue000{key}\ue001"


def _masked(item, key, standing="names"):
    """``item`` with what may stand in the author's place as ``_mark``: all its names but a
    recipient's and a reviewed author's (a citation shows the first the style substitutes), or
    only the first of them (where a style runs an editor's and a series editor's together), its
    title, or another variable a style may cite by (its ``container-title`` or its short form, a
    publisher or an authority standing for an organisation, a description, "[Will of …]", in
    ``genre`` or ``section``), else its title."""
    mark = _mark(key)
    if standing == "first names":  # where a style runs two lists of names together
        first = _first_name(item)
        masked = {first[0]: [{"literal": mark}]} if first else {}
    elif standing == "names":
        masked = {
            variable: [{"literal": mark}]
            for variable, value in item.items()
            if _is_names(variable, value) and variable not in _NEVER_STANDING_IN
        }
    else:
        masked = {standing: mark} if item.get(standing) else {}
    if not masked or "title" in masked:
        masked["title"] = mark
        if item.get("title-short"):
            masked["title-short"] = mark
    return {**item, **masked}


def _without(item, variable):
    return {name: value for name, value in item.items() if name != variable}


def _is_names(variable, value):
    """Whether ``value`` is names, as a name variable holds."""
    return variable.replace("-", "_") in NAMES and isinstance(value, list) and bool(value)


def _split(full, masked, mark):
    """``(author, rest)``: ``full`` cut where ``masked`` has ``mark``; None if they differ elsewhere.

    Formatting or quotation marks around the author (a title in its place) go with it.
    """
    index = masked.find(mark)
    if index < 0:
        return None
    before, after = masked[:index], masked[index + len(mark) :]
    if _plain(before).strip("([“‘ "):  # not in the author's place, which opens a citation
        return None
    if len(before) + len(after) >= len(full) or not (full.startswith(before) and full.endswith(after)):
        return None
    author = full[len(before) : len(full) - len(after)]
    while (opening := _OPENING_RE.search(before)) and (closing := _CLOSING_RE.match(after)):
        author = opening.group() + author + closing.group()
        before, after = before[: opening.start()], after[closing.end() :]
    return author, before + re.sub(r"^[\s,;:]+", "", after)
