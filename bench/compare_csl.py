"""Compare the in-text styles (citeproc-py) with Pandoc's citeproc on the same CSL files, record by record.

Usage: ``.venv/bin/python bench/compare_csl.py [FILE.json ...] [--style NAME ...] [--show N]``

For each CSL-JSON record and each style of ``citations.styles.CSL_STYLES``
(or those named, which may be other ``.csl`` files kept there), Pandoc
(Debian's ``pandoc``, 2.11 or later) and the site format three forms from
the one style file kept in ``citations/styles/csl/``:
the parenthetical citation with a page (``[@key, p. 33]``), the narrative one
(``@key``) and the reference-list entry. The table gives matches per style and
form, exact and relaxed (case, quotes and spaces ignored), then, with
``--causes``, every difference counted by its cause (``CAUSES``: whose it is,
Pandoc 2.17's, citeproc-py's or the site's), then up to ``--show`` differences of no known
cause. Without files it reads the records of ``compare_pandoc.DEFAULT_FILES``.
Exits 2 when pandoc is missing.
"""

import argparse
import json
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from string import Formatter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.compare_pandoc import (  # noqa: E402 (also sets up Django)
    DEFAULT_FILES,
    both,
    expanded_ranges,
    explained,
    ours_only,
    pandoc_only,
    pandoc_page,
    relaxed,
    text_of,
    when,
)
from citations import csl  # noqa: E402
from citations.styles import CSL_STYLES, get_style  # noqa: E402
from citations.styles.citeproc_input import DATE_VARIABLES as _DATES  # noqa: E402
from citations.styles.citeproc_input import curly_quotes  # noqa: E402
from citations.styles.processor import Cited  # noqa: E402

FORMS = ("cite", "narrative", "bibliography")


def pandoc_forms(items, csl_file):
    """{key: {form: text}} from one Pandoc run over ``items`` (keys ``k0``, ``k1``…)."""
    keys = [item["id"] for item in items]
    body = "\n\n".join(f"C{index} [@{key}, p. 33].\n\nN{index} @{key}." for index, key in enumerate(keys))
    page = pandoc_page(body, items, csl_file)
    cites = [" ".join(span.get_text().split()) for span in page.select("p > span.citation")]
    forms = {
        key: {"cite": cites[2 * index], "narrative": cites[2 * index + 1]} for index, key in enumerate(keys)
    }
    for entry in page.select("div.csl-entry"):
        key = entry.get("id", "").removeprefix("ref-")
        if key in forms:
            forms[key]["bibliography"] = " ".join(entry.get_text().split())
    return forms


def our_forms(items, style):
    """{key: {form: text}}, the citations and reference list of all ``items`` made together as one
    post's are (as Pandoc makes them: year suffixes run across the list)."""
    data = {item["id"]: csl.as_text({k: v for k, v in item.items() if k != "id"}) for item in items}
    citations = []
    for key in data:
        citations += [(Cited(key, value="33"),), (Cited(key, narrative=True),)]
    cites = style.cite(citations, data)
    entries = style.reference_entries(data)
    return {
        key: {
            "cite": text_of(cites[2 * i]),
            "narrative": text_of(cites[2 * i + 1]),
            "bibliography": text_of(entries[key]),
        }
        for i, key in enumerate(data)
    }


def unnumbered(text):
    """An entry without a numeric style's label (the site lists each record alone, Pandoc all together)."""
    return re.sub(r"^\[?\d+[.\]]\s*", "", text)


def compare(items, name):
    """Rows ``(type, form, key, ours, pandoc)`` for every record and form, in the style ``name``."""
    numbered = [{**item, "id": f"k{index}"} for index, item in enumerate(items)]
    style = get_style(name)
    theirs = pandoc_forms(numbered, style.path)
    ours = our_forms(numbered, style)
    return [
        (
            item.get("type", ""),
            form,
            item["id"],
            *(unnumbered(forms[item["id"]].get(form, "")) for forms in (ours, theirs)),
        )
        for item in numbered
        for form in FORMS
    ]


def _inverted(entry):
    """Whether an entry opens with NLM's inverted, initialled name: "Olson HA." (casefolded or not)."""
    return bool(re.match(r"^(?:[a-z]+ )*[\w'’-]+ [A-Z]+[.,] ", entry, re.IGNORECASE))


def _from_title(text, item):
    """An entry from its title on, casefolded, its editors and punctuation left out: what is left
    when the names differ."""
    text = text.casefold()
    title = curly_quotes(re.sub(r"<[^>]+>", "", str(item.get("title") or ""))).casefold()[:12]
    start = text.find(title) if title else -1
    text = text[start:] if start >= 0 else text
    for editor in item.get("editor") or []:  # Pandoc's "In, editorLawrence Wenner.", "., editorsEmma Editrix"
        family, given = str(editor.get("family", "")).casefold(), str(editor.get("given", "")).casefold()
        text = text.replace(f"{given} {family}".strip(), "")
        text = re.sub(rf"\b{re.escape(family)} [a-z]+\b", "", text)
    return " ".join(re.sub(r"[^\w\s]+|\beditors?\b|\bin\b", " ", text).split())


_REVIEWS = ("review", "review-book")
_ENTRIES = ("entry", "entry-dictionary", "entry-encyclopedia")


def _signed_as_unsigned(ours, pandoc, item, form):
    """Pandoc 2.17's text of a signed review or reference entry as the style gives a signed one: a
    review's volume unlabelled before its month (“Lingua Franca 9 (April)”), an entry “In” its work
    and cited without its title."""
    if item.get("type") in _REVIEWS or item.get("reviewed-author") or item.get("reviewed-title"):
        pandoc = re.sub(r" ([A-Z][a-z]+(?: \d{1,2})?), Vol\. (\S+?):", r" \2 (\1):", pandoc)
        pandoc = re.sub(r" Vol\. (\S+) \(", r" \1 (", pandoc)
    elif item.get("type") in _ENTRIES:
        ours = re.sub(r"([.”]) In ", r"\1 ", ours, count=1)
        pandoc = re.sub(r", “[^”]*”\)$", ")", pandoc) if form == "narrative" else pandoc
    return ours, pandoc


_SEASONS = "(?:Spring|Summer|Autumn|Winter)"
SEASON = re.compile(rf"\b{_SEASONS} (?=\d{{4}})|,? ?\b{_SEASONS}(?:–{_SEASONS})?\b(?! \d{{4}})")
# Each known cause of a difference: what it is, whose, and a change to both texts that takes it away.
# Causes are tried in order, each on the texts the ones before left: a difference is put down to the
# first after which the two agree (NLM's names last, as they leave no more than the words).
CAUSES = [
    (
        "short DOI printed whole: Pandoc drops its “10/” (ours resolves)",
        "Pandoc",
        ours_only(lambda text: text.replace("doi.org/10/", "doi.org/").replace("doi:10/", "doi:")),
    ),
    (
        "page range abbreviated as the style's chicago-16 page-range-format says; Pandoc 2.17 prints it"
        " whole",
        "Pandoc",
        both(expanded_ranges),
    ),
    (
        "a value's spaces at its ends left out, “… listed first,” (a record's title that ends in a"
        " space); Pandoc prints them before the punctuation that follows, “… listed first ,”",
        "Pandoc",
        both(lambda text: re.sub(r" +(?=[,.;:”’)])", "", text)),
    ),
    (
        "“AD” spaced after the year (“11 AD”); Pandoc 2.17 runs them together",
        "Pandoc",
        pandoc_only(lambda text: re.sub(r"(\d)(AD|BC)\b", r"\1 \2", text)),
    ),
    (
        "“Tran.” for one translator: Pandoc 2.17's locale; APA 7 writes “Trans.” (10.2, a translated book:"
        " “(E. Grossman, Trans.)”)",
        "Pandoc",
        pandoc_only(lambda text: text.replace(", Tran.)", ", Trans.)")),
    ),
    (
        "a group printed for a branch's fixed text though the variable beside it is empty (APA's"
        " “(Publication)” for a thesis without a number): citeproc-py judges a group by every branch of a"
        " ``choose``",
        "citeproc-py",
        ours_only(lambda text: text.replace(" (Publication)", "")),
    ),
    (
        "a title's medium kept inside a narrative citation's parentheses (“Title ([DVD], 2003)”): the site"
        " splits off only what stands in the author's place",
        "site",
        ours_only(lambda text: re.sub(r" \((\[[^\]]+\]), ", r" \1 (", text)),
    ),
    (
        "the locale's newer terms (“No. 77”, “no.: 77”, “Original work published”, “Review of”, a"
        " contributor's “with”); Pandoc 2.17's locale has none (and writes “Unsigned” for a review)",
        "Pandoc",
        both(
            lambda text: re.sub(
                r"\b(?:Original work published |[Nn]o\.:? |Review of |Unsigned |with (?=[A-Z]))", "", text
            )
        ),
    ),
    (
        "a signed review or reference entry taken for unsigned: Pandoc 2.17 counts the author, printed in"
        " the style's ``<substitute>`` for a composer, absent in the style's later tests, so dates a review"
        " before a capitalised “Vol.”, drops an entry's “In” and cites the entry by its title; the style"
        " keeps those for unsigned works (CMOS 18 14.102, 13.130)",
        "Pandoc",
        when(lambda item, form, ours, pandoc: bool(item.get("author")), _signed_as_unsigned),
    ),
    (
        "a chapter's volume printed again where its page would go (“vol. 7, 7.”): Pandoc 2.17 takes the"
        ' style\'s test for a cited page (``locator="page"``) as true in the reference list, which gives no'
        " chapter's pages",
        "Pandoc",
        pandoc_only(lambda text: re.sub(r"\b(vol\. (\w+)), \2\.", r"\1.", text)),
    ),
    (
        "the style's own months (“June”, “July”, “Sept.”: MLA Handbook 9, appendix 1) written as"
        " Pandoc 2.17's locale abbreviates them (“Jun.”)",
        "Pandoc",
        pandoc_only(
            lambda text: re.sub(
                r"\b(Jun|Jul|Sep)\.", lambda m: {"Jun": "June", "Jul": "July"}.get(m[1], "Sept."), text
            )
        ),
    ),
    (
        "a case's name not set apart from its year in a narrative citation: “White v. State (1966)”, as APA 7"
        " Table 11.1 gives it; Pandoc 2.17 prints the parenthetical “(White v. State, 1966)”",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: form == "narrative" and item.get("type") == "legal_case",
            pandoc_only(lambda text: re.sub(r"^\((.*?),? (\d{4}\w?)\)$", r"\1 (\2)", text)),
        ),
    ),
    (
        "a record's impossible months (2017-14, 2017-99) printed as written by Pandoc 2.17; the year kept",
        "Pandoc",
        pandoc_only(
            lambda text: re.sub(
                r"[\[(]\d{4}-\d\d/\d{4}-\d\d[\])] ?", "", re.sub(r"\d{4}-\d\d/\d{4}-\d\d/", "", text)
            )
        ),
    ),
    (
        "no “p.” after a book's number of pages (“248 p.”): citeproc-py prints no label for it",
        "citeproc-py",
        pandoc_only(lambda text: re.sub(r"(\d) p\.", r"\1.", text)),
    ),
    (
        "no year suffix (2019a, 2019b): citeproc-py does not disambiguate",
        "citeproc-py",
        pandoc_only(lambda text: re.sub(r"\b(\d{4}–?)[a-z]\b", r"\1", text)),
    ),
    (
        "no initials added to tell same-surname authors apart (“A. A. Author”): citeproc-py does not"
        " disambiguate",
        "citeproc-py",
        pandoc_only(lambda text: re.sub(r"(^|\()((?:\w\. )+)(?=\w)", r"\1", text)),
    ),
    (
        "no season (“1985 Spring”): citeproc-py fails on seasons where a style's month is numeric, so"
        " none is given",
        "citeproc-py",
        pandoc_only(
            lambda text: SEASON.sub("", re.sub(r"(”) (?:Spring|Summer|Autumn|Winter)\.$", r"\1", text))
        ),
    ),
    (
        "open date range (“2014–”) printed as its start: citeproc-py reads none",
        "citeproc-py",
        pandoc_only(lambda text: re.sub(r"(\d{4})–(?!\d)", r"\1", text)),
    ),
    (
        "a substituted title or editor repeated later in the entry: citeproc-py does not suppress substituted"
        " variables",
        "citeproc-py",
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography" and not item.get("author") and len(ours) > len(pandoc)
            ),
            lambda ours, pandoc, item, form: ("", ""),
        ),
    ),
    (
        "no “———” for the author of the entry before (``subsequent-author-substitute``): citeproc-py"
        " has none",
        "citeproc-py",
        when(
            lambda item, form, ours, pandoc: pandoc.startswith("———"),
            lambda ours, pandoc, item, form: (ours, pandoc.replace("———", ours.split(". ", 1)[0], 1)),
        ),
    ),
    (
        "capitalisation: citeproc-py's title case (hyphenated words, after quotes, particles, “v.”) or"
        " Pandoc's (“Black-Ish”)",
        "citeproc-py",
        both(str.casefold),
    ),
    (
        "a date range within one year written with a comma before its dash (“January 1,–December 31, 1800”):"
        " citeproc-py keeps the day's suffix",
        "citeproc-py",
        ours_only(lambda text: text.replace(",–", "–")),
    ),
    (
        "NLM's names inverted and initialled (“Olson HA”, “In: Wenner L, editor.”); Pandoc 2.17 writes"
        " “Hope A. Olson” and “In, editorLawrence Wenner.”",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography"
                and (
                    "In, editor" in pandoc or _inverted(ours) and not pandoc.startswith(ours.split(" ", 1)[0])
                )
            ),
            lambda ours, pandoc, item, form: (_from_title(ours, item), _from_title(pandoc, item)),
        ),
    ),
]

_NEWER_TERMS = re.compile(
    "|".join(
        (
            r"\bpersonal communication, ",
            r", pers\. comm\.(?=[,)])",
            r" \(pers\. comm\.\)$",
            r"\bArticle (?=\w*\d)",
            r" \[(?:Broadcast|Dataset)\]",
            r", (?:Narr|Chair)\.?(?=\))",
            r"\bChapter (?=\d)",
            r"\bChap\. (?=\d)",
            r"\breview of (?=(?-i:[A-Z]))",
            r"\b(?:narrated|edited|produced|written|performed) by ",
            r"\b(?:Special issue|Supplement|Preprint), ",
        )
    ),
    re.IGNORECASE,
)
# A first author's initials, which an earlier cause may have taken from Pandoc's text only.
_INITIALS = re.compile(r"(^|\()((?:\w\. )+)(?=\w)")
_LAWS = ("bill", "hearing", "legislation", "regulation", "treaty")
_UNCERTAIN = re.compile(r"\[([^\[\]]*?)\?\]|\b(?:ca\.|c\.|circa) (?=\d)", re.IGNORECASE)


def _uncertain(item):
    """Whether a record's dates, as the site reads them (from its note too), are marked uncertain or
    approximate in EDTF ("1772?", "1318/1325?", "1850~")."""
    text = csl.as_text({name: value for name, value in item.items() if name != "id"})
    return any(isinstance(text.get(name), str) and text[name][-1:] in "?~%" for name in _DATES)


def _without_contributors(text, item):
    """An entry without its parenthesised contributors, “ (with Burnett, V., & Long, B.)” (or without
    the “with” an earlier cause took)."""
    family = re.escape(str(item["contributor"][0].get("family") or item["contributor"][0].get("literal", "")))
    text = re.sub(rf"\.? \((?:with )?{family}\b[^()]*\)\.", ".", text, count=1, flags=re.IGNORECASE)
    return re.sub(rf"\bWith (?=[^.,]*{family})", "", text, count=1, flags=re.IGNORECASE)  # MLA, Chicago


def _archive_as_pandoc(ours, pandoc, item, form):
    """Ours without the collection and place Pandoc 2.17 does not read, the location after the archive
    as the style gives it where there is no collection: "Newberry Library (MS 228)"."""
    text = csl.as_text({name: value for name, value in item.items() if name != "id"})
    values = {
        "archive": text.get("archive", ""),
        "location": text.get("archive_location", ""),
        "collection": text.get("archive_collection", ""),
        "place": text.get("archive-place", ""),
    }
    for old, new in _ARCHIVES_AS_PANDOC:
        names = [name for _, name, _, _ in Formatter().parse(old) if name]
        if not all(values[name] for name in names):
            continue
        old, new = old.format(**values), new.format(**values)
        if ours == ours.casefold():  # as capitalisation's cause left it
            old, new = old.casefold(), new.casefold()
        if old in ours:
            return ours.replace(old, new), pandoc
        if _words(old) in ours:  # as NLM's names left it (``_from_title``)
            return ours.replace(_words(old), _words(new)), pandoc
    return ours, pandoc


# Each style's archive, as ours prints it with a collection or place, and as Pandoc 2.17 without them.
_ARCHIVES_AS_PANDOC = (
    ("{archive}, {place}, {collection}, {location}", "{archive}, {location}"),  # MLA
    ("{archive}, {collection}, {location}", "{archive}, {location}"),
    ("{archive}, {place}, {collection}", "{archive}"),
    ("{archive}, {collection}", "{archive}"),
    ("{collection} ({location}), {archive}, {place}", "{archive} ({location})"),  # APA
    ("{collection} ({location}), {archive}", "{archive} ({location})"),
    ("{collection}, {location}, {archive}", "{archive}"),
    ("{collection}, {archive}, {place}", "{archive}"),
    ("{collection}, {archive}", "{archive}"),
    ("{location}. {collection}. {archive}, {place}", "{location}. {archive}"),  # Chicago author-date
    ("{collection}. {archive}, {place}", "{archive}"),
    ("{collection}. {archive}", "{archive}"),
    ("{archive}, {place}", "{archive}"),
)


def _words(text):
    """Text as ``_from_title`` leaves it: casefolded words without punctuation."""
    return " ".join(re.sub(r"[^\w\s]+", " ", text.casefold()).split())


def _journal_as_pandoc(ours, pandoc, item, form):
    """Pandoc's text with the journal's abbreviation where it printed the article's short title."""
    text = csl.as_text({name: value for name, value in item.items() if name != "id"})
    short, journal = text.get("title-short", ""), text.get("container-title-short", "")
    for found, meant in ((short, journal), (_words(short), _words(journal))):
        pandoc = re.sub(rf"(?<=\. ){re.escape(found)}(?=\. )", meant, pandoc, flags=re.IGNORECASE)
        pandoc = re.sub(rf"(?<= ){re.escape(found)}(?= \d)", meant, pandoc, flags=re.IGNORECASE)
    return ours, pandoc


CAUSES += [
    (
        "a law's, bill's, hearing's or treaty's name set apart from its year in a narrative citation:"
        " “Americans With Disabilities Act (1990)”, as APA 7 11.5 gives a statute (11.6 a bill or"
        " hearing, 11.7 an executive order, 11.10 a treaty); Pandoc 2.17 prints the parenthetical"
        " “(Americans With Disabilities Act, 1990)”",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: form == "narrative" and item.get("type") in _LAWS,
            pandoc_only(lambda text: re.sub(r"^\((.*?),? (\d{4}\w?|n\.d\.)\)$", r"\1 (\2)", text)),
        ),
    ),
    (
        "a date the record marks uncertain (“issued: 1772?” in its note) printed as the style prints"
        " one, CSL's ``is-uncertain-date`` (“[1772?]”, CMOS 18 14.44; APA's “ca. 1772”); Pandoc 2.17"
        " drops the “?”",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: _uncertain(item),
            ours_only(lambda text: _UNCERTAIN.sub(lambda m: m[1] or "", text)),
        ),
    ),
    (
        "CSL 1.0.2's terms: “personal communication” (APA 7 8.9: “(E. Robinson, personal communication,"
        " January 4, 2019)”; Chicago's “pers. comm.”), “Article” before an article number (APA 7 10.1:"
        " “Article e0209899”), a"
        " type's name for a work without a genre (“[Dataset]”, APA 7 10.9), a narrator's “Narr.”, a"
        " chair's “Chair”, “Chapter 5”, MLA's “review of”, Chicago's “Narrated by”, a series editor's"
        " “edited by”, “Chap. 5”, “Produced by”, “written by”, “performed by”, “Special issue”,"
        " “Supplement”, “Preprint”; Pandoc 2.17's locale has none",
        "Pandoc",
        both(lambda text: _INITIALS.sub(r"\1", _NEWER_TERMS.sub("", text))),
    ),
    (
        "a book's contributors (“Angle, P. M., & Bryan, M. L. M. (with Burnett, V., & Long, B.)”)"
        " left out by Pandoc 2.17",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: bool(item.get("contributor")) and form == "bibliography",
            lambda ours, pandoc, item, form: (_without_contributors(ours, item), pandoc),
        ),
    ),
    (
        "CSL 1.0.2's ``archive_collection`` and ``archive-place`` (a record's note gives them) not read"
        " by Pandoc 2.17: “Newberry Library (MS 228)” for “Ayer Collection (MS 228), Newberry Library,"
        " Chicago”",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography"
                and bool(
                    set(csl.note_variables(str(item.get("note") or ""))[0])
                    & {"archive_collection", "archive-place"}
                )
            ),
            _archive_as_pandoc,
        ),
    ),
    (
        "“p.” before a range of roman page numbers (“p. xv–xvii”; APA 7 10.3: “pp.”): citeproc-py takes it"
        " for one page",
        "citeproc-py",
        ours_only(lambda text: re.sub(r"\bp\. ([ivxlc]+–[ivxlc]+)\b", r"pp. \1", text)),
    ),
    (
        "“Ed. & Tran.” for one editor and translator: Pandoc 2.17's locale (APA 7 10.2: “Trans.”)",
        "Pandoc",
        pandoc_only(lambda text: text.replace(" & Tran.)", " & Trans.)")),
    ),
    (
        "a multivolume work's “(Vols. 1–3)” (APA 7 10.2) left out: citeproc-py knows no CSL 1.0.2"
        " ``page-range-delimiter`` term, so prints nothing of the group; Pandoc 2.17 prints “(1–3)”, its"
        " locale lacking “Vols.”",
        "citeproc-py",
        when(
            lambda item, form, ours, pandoc: bool(item.get("number-of-volumes")) and form == "bibliography",
            pandoc_only(lambda text: re.sub(r"(?:; | \()1–\d+(?=\))", "", text).replace(" ()", "")),
        ),
    ),
    (
        "a journal's abbreviation (``container-title-short``, “Crit Inq”; NLM's journal titles): Pandoc"
        " 2.17 prints the article's own short title in its place (“Big earths of china”)",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography" and bool(item.get("title-short") or item.get("shortTitle"))
            ),
            _journal_as_pandoc,
        ),
    ),
]


def _without_names(ours, pandoc, item, form):
    """Both texts as casefolded words without those of the record's names (family names, given names,
    initials: “olson”, “hope”, “ha”) and without “et al.”: what is left when only the names differ."""
    text = csl.as_text({name: value for name, value in item.items() if name != "id"})
    words = set()
    for value in text.values():
        for name in value if isinstance(value, list) else []:
            given = _words(str(name.get("given", ""))).split()
            words.update(_words(" ".join(str(part) for part in name.values())).split())
            words.update(("".join(word[0] for word in given), *(word[0] for word in given)))
    words.discard("")

    def kept(entry):
        return " ".join(word for word in _words(entry).replace("et al", " ").split() if word not in words)

    return kept(ours), kept(pandoc)


CAUSES.append(
    (
        "an encyclopedia's or dictionary's entry named in a narrative citation as in the parenthetical"
        " one, “Oxford English Dictionary (2025, “hootenanny, n.”)” (an entry “under” its heading, CMOS 18"
        " 14.130); Pandoc 2.17 drops it with the work standing in the author's place",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: form == "narrative" and item.get("type") in _ENTRIES,
            ours_only(lambda text: re.sub(r",? (?:under )?“[^“”]*”(?=\))| \(“[^“”]*”\)$", "", text)),
        ),
    )
)
CAUSES.append(
    (
        "NLM's names inverted and initialled, and cut after six with “et al.” (“Sanders B.”, a"
        " record without a title; “Ahmad T, Bhat IM, …, et al.”); Pandoc 2.17 writes “Bernie Sanders”"
        " and every name",
        "Pandoc",
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography" and (_inverted(ours) or ours == _words(ours))
            ),
            _without_names,
        ),
    )
)


def causes(rows, items):
    """{cause: count} of the differences in ``rows``, and the rows of no known cause."""
    return explained(rows, items, CAUSES)


def table(rows):
    """Per form: (exact matches, relaxed matches, records)."""
    counts = defaultdict(lambda: [0, 0, 0])
    for _kind, form, _key, ours, pandoc in rows:
        count = counts[form]
        count[0] += ours == pandoc
        count[1] += relaxed(ours) == relaxed(pandoc)
        count[2] += 1
    return dict(counts)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument(
        "--style",
        action="append",
        help="an offered style's name or a .csl file in citations/styles/csl/ (default: every offered style)",
    )
    parser.add_argument("--show", type=int, default=5, help="differences to print for each style")
    parser.add_argument("--causes", action="store_true", help="count the differences by cause")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install -y pandoc)", file=sys.stderr)
        return 2
    items = []
    for path in args.files or DEFAULT_FILES:
        items += json.loads(path.read_text(encoding="utf-8"))
    print(f"citeproc-py against Pandoc, {len(items)} records: exact / relaxed matches")
    print(f"{'style':<22} " + " ".join(f"{form:>16}" for form in FORMS))
    differences = []
    for name in args.style or sorted(CSL_STYLES):
        rows = compare(items, name)
        counts = table(rows)
        cells = (f"{counts[form][0]:>4} / {counts[form][1]:>3} of {counts[form][2]:<3}" for form in FORMS)
        print(f"{name:<22} " + " ".join(cells))
        if args.causes:
            counted, unknown = causes(rows, items)
            whose = {label: owner for label, owner, _change in CAUSES}
            for label, count in sorted(counted.items(), key=lambda pair: -pair[1]):
                print(f"    {count:>3}  [{whose[label]}] {label}")
            print(f"    {len(unknown):>3}  of no known cause")
            differences += [(name, *row) for row in unknown][: args.show]
        else:
            differences += [(name, *row) for row in rows if relaxed(row[3]) != relaxed(row[4])][: args.show]
    for name, kind, form, key, ours, pandoc in differences:
        print(f"\n{name} {key} {kind} {form}\n  ours:   {ours}\n  pandoc: {pandoc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
