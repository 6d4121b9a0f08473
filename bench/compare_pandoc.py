"""Compare the Chicago style with Pandoc's citeproc and the official Chicago CSL style, record by record.

Usage: ``.venv/bin/python bench/compare_pandoc.py [FILE.json ...] [--edition 17|18] [--show N] [--causes]``

For each CSL-JSON record it asks Pandoc (Debian's ``pandoc``, 2.11 or later)
for the full note (the first citation), the short note (a later one, with
other citations in between so that no "Ibid." appears) and the bibliography
entry, using the style kept in ``citations/styles/csl/`` for the edition, and
compares them, as text, with what ``citations.styles`` prints. It prints a
table of matches per type and form, exact and "relaxed" (case, quotes and
spaces ignored), then up to ``--show`` differences; with ``--causes``, every
difference counted by its known cause (``CAUSES``: the Chicago Manual's
section for each edition, and whose form it is), then those of no known
cause. Without files it reads
the repository's real-world records (``tests/citations/data/zotero-library.json``)
and the example post's source (``example-sources.json`` beside it). Exits 2 when pandoc is missing.
"""

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from bs4 import BeautifulSoup  # noqa: E402

from citations import csl  # noqa: E402
from citations.styles import cases, get_style  # noqa: E402
from citations.styles.capitals import ARTICLES, CONJUNCTIONS, PARTICLES, PREPOSITIONS  # noqa: E402
from citations.styles.text import date_text, pages  # noqa: E402

CSL_DIR = ROOT / "citations" / "styles" / "csl"
CSL_FILES = {18: "chicago-notes-bibliography.csl", 17: "chicago-notes-bibliography-17th-edition.csl"}
DEFAULT_FILES = [
    ROOT / "tests/citations/data/zotero-library.json",
    ROOT / "tests/citations/data/example-sources.json",
]
FORMS = ("full", "short", "bibliography")


def text_of(html):
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def relaxed(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    for straight, curly in (('"', "“”"), ("'", "‘’")):
        for mark in curly:
            text = text.replace(mark, straight)
    return " ".join(text.replace(" ,", ",").split())


def pandoc_page(body, items, csl_file):
    """Pandoc's HTML of the Markdown ``body`` citing CSL-JSON ``items`` in the style ``csl_file``, parsed."""
    with tempfile.TemporaryDirectory() as directory:
        bibliography = Path(directory) / "items.json"
        bibliography.write_text(json.dumps(items), encoding="utf-8")
        html = subprocess.run(
            ["pandoc", "--citeproc", f"--csl={csl_file}", f"--bibliography={bibliography}", "-t", "html"],
            input=body,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return BeautifulSoup(html, "html.parser")


def pandoc_forms(items, csl_file):
    """{key: {form: text}} from one Pandoc run over ``items`` (keys ``k0``, ``k1``…)."""
    keys = [item["id"] for item in items]
    body = "\n\n".join(f"First {key}[@{key}]." for key in keys)
    body += "\n\n" + "\n\n".join(f"Again {key}[@{key}]." for key in keys)
    page = pandoc_page(body, items, csl_file)
    notes = page.select("section.footnotes li, section#footnotes li")
    for back in page.select(".footnote-back"):
        back.decompose()
    texts = [" ".join(note.get_text().split()) for note in notes]
    forms = {key: {"full": texts[index], "short": texts[len(keys) + index]} for index, key in enumerate(keys)}
    for entry in page.select("div.csl-entry"):
        key = entry.get("id", "").removeprefix("ref-")
        if key in forms:
            forms[key]["bibliography"] = " ".join(entry.get_text().split())
    return forms


def our_forms(item, style):
    item = csl.as_text(item)
    return {
        "full": text_of(style.note(item)),
        "short": text_of(style.note(item, short=True)),
        "bibliography": text_of(style.bibliography(item)),
    }


def compare(items, edition):
    """Rows ``(type, form, key, ours, pandoc)`` for every record and form."""
    numbered = [{**item, "id": f"k{index}"} for index, item in enumerate(items)]
    theirs = pandoc_forms(numbered, CSL_DIR / CSL_FILES[edition])
    style = get_style(f"chicago-{edition}")
    rows = []
    for item in numbered:
        ours = our_forms(item, style)
        for form in FORMS:
            pandoc = theirs[item["id"]].get(form, "")
            rows.append((item.get("type", ""), form, item["id"], ours[form], pandoc))
    return rows


def table(rows):
    """Per type and form: (exact matches, relaxed matches, records)."""
    counts = defaultdict(lambda: [0, 0, 0])
    for kind, form, _key, ours, pandoc in rows:
        count = counts[(kind, form)]
        count[0] += ours == pandoc
        count[1] += relaxed(ours) == relaxed(pandoc)
        count[2] += 1
    return dict(sorted(counts.items()))


# What the causes of differences are made of, here and in compare_csl: each is a change to both texts,
# ``change(ours, pandoc, item, form) -> (ours, pandoc)``, that takes one known difference away.


def expanded_ranges(text):
    """ "429–52" as "429–452", so that abbreviated and whole page ranges compare equal."""

    def whole(match):
        first, last = match.group(1), match.group(2)
        return f"{first}–{first[: len(first) - len(last)]}{last}" if len(last) < len(first) else match.group()

    return re.sub(r"\b(\d+)–(\d+)\b", whole, text)


def both(change):
    return lambda ours, pandoc, item, form: (change(ours), change(pandoc))


def pandoc_only(change):
    return lambda ours, pandoc, item, form: (ours, change(pandoc))


def ours_only(change):
    return lambda ours, pandoc, item, form: (change(ours), pandoc)


def when(test, then):
    """``then`` where ``test(item, form, ours, pandoc)`` holds, else nothing changed."""
    return lambda ours, pandoc, item, form: (
        then(ours, pandoc, item, form) if test(item, form, ours, pandoc) else (ours, pandoc)
    )


def explained(rows, items, causes):
    """{cause's label: count} of the differences in ``rows``, and the rows of no known cause.

    ``causes`` are tuples whose first element is the label and last the change. They are tried in
    order, each on the texts the ones before left: a difference is put down to the first after
    which the two agree.
    """
    by_key = {f"k{index}": item for index, item in enumerate(items)}
    counts, unknown = defaultdict(int), []
    for row in rows:
        _kind, form, key, ours, pandoc = row
        if ours == pandoc:
            continue
        for cause in causes:
            ours, pandoc = cause[-1](ours, pandoc, by_key[key], form)
            if ours == pandoc:
                counts[cause[0]] += 1
                break
        else:
            unknown.append(row)
    return dict(counts), unknown


class Cause(NamedTuple):
    """A known cause of differences: what it is, the Manual's sections for it, whose form is which.

    ``sections`` maps an edition to its section numbers; a cause with no entry for an edition is
    not tried for it. A section "17th …" given for the 18th is the 17th's number, where the 18th's
    was not checked; "(unchecked)" marks a number taken from the project's code, not confirmed.
    ``whose``: "Pandoc" where Pandoc or the CSL style departs from the Manual, "choice" where the
    Manual allows both and the site takes the form named, "site" where the site departs from the
    Manual for a reason of its own, "unsettled" where no section was found to decide.
    """

    label: str
    whose: str
    sections: dict
    change: object

    def section(self, edition):
        return self.sections.get(edition, "")


def _words_case_from_ours(minor):
    """Where a word differs only in case and is, lowercased, one of ``minor``, Pandoc's takes ours."""

    def change(ours, pandoc, item, form):
        mine = [re.sub(r"\W", "", word) for word in ours.split(" ")]
        theirs = pandoc.split(" ")
        cores = [re.sub(r"\W", "", word) for word in theirs]
        matcher = difflib.SequenceMatcher(a=[w.casefold() for w in mine], b=[w.casefold() for w in cores])
        for tag, first, last, start, _end in matcher.get_opcodes():
            if tag != "equal":
                continue
            for offset in range(last - first):
                word, index = mine[first + offset], start + offset
                if word != cores[index] and word.casefold() in minor:
                    theirs[index] = theirs[index].replace(cores[index], word)
        return ours, " ".join(theirs)

    return change


_MINOR_17 = ARTICLES | CONJUNCTIONS | PREPOSITIONS
_MINOR_18 = ARTICLES | CONJUNCTIONS | {word for word in PREPOSITIONS if len(word) < 5}


def _title_words(text):
    return [word.strip("“”‘’.,:;?!") for word in text.split()]


def _shortened_title(ours, pandoc, item, form):
    """A short note whose title is the first words of Pandoc's whole one (an initial article left out),
    before the same volume: "Lach, Asia, vol. 2, bk. 3." / "Lach, Asia in the Making of Europe, vol. 2…"."""
    if form != "short":
        return ours, pandoc
    head, volume, tail = pandoc.partition(", vol. ")
    if volume and not ours.endswith(volume + tail):
        return ours, pandoc
    mine = _title_words(ours.removesuffix(volume + tail) if volume else ours)
    theirs = _title_words(head if volume else pandoc)
    whole = len(theirs)
    for index, word in enumerate(theirs[: len(mine) + 1]):
        if word in ("The", "A", "An") and (index >= len(mine) or mine[index] != word):
            theirs = theirs[:index] + theirs[index + 1 :]
            break
    shorter = len(mine) < whole
    return (pandoc, pandoc) if shorter and theirs[: len(mine)] == mine else (ours, pandoc)


def _of_kind(*kinds, form=None):
    return lambda item, form_, ours, pandoc: item.get("type") in kinds and form in (None, form_)


def _date_after_comma(ours, pandoc, item, form):
    """ "Site. 2019." (ours) as "Site, 2019." (Pandoc)."""
    when = date_text(item)
    return (ours.replace(f". {when[:1].upper()}{when[1:]}.", f", {when}.") if when else ours), pandoc


def _blog_genre_left_out(ours, pandoc, item, form):
    """Pandoc's "Blog. Modern Humanist, …" (the record's genre) as ours, "Modern Humanist (blog), …"."""
    genre, container = str(item.get("genre") or ""), str(item.get("container-title") or "")
    if genre and container:
        pattern = rf"\b{re.escape(genre)}[.,] ({re.escape(container)})"
        pandoc = re.sub(pattern, r"\1 (blog)", pandoc, flags=re.IGNORECASE)
    return _date_after_comma(ours, pandoc, item, form)


def _chapter_pages_left_out(ours, pandoc, item, form):
    """Ours without the chapter's page range, abbreviated or (by the cause before) whole."""
    span = pages(item.get("page", ""))
    for written in (span, expanded_ranges(span)) if span else ():
        ours = ours.replace(f", {written}.", ".", 1)
    return ours, pandoc


def _database_after_number(ours, pandoc, item, form):
    """Pandoc's "3513418, ProQuest" (or ". ") as ours, "ProQuest (3513418)"."""
    archive, location = str(item.get("archive") or ""), str(item.get("archive_location") or "")
    if archive and location:
        pandoc = re.sub(rf"{re.escape(location)}[.,] {re.escape(archive)}", f"{archive} ({location})", pandoc)
    return ours, pandoc


def _circa_bracketed(ours, pandoc, item, form):
    """Ours' "ca. May 2011" as the CSL styles' "[May 2011?]", which they set after a title's closing
    quotation mark without a comma."""
    ours = re.sub(r"\b[Cc]a\. ([^.()]*\d(?:–(?=[).]))?)", r"[\1?]", ours)
    return ours, re.sub(r"([^,.?!])” \[", r"\1,” [", pandoc)


def _issue_month_left_out(ours, pandoc, item, form):
    """ "no. 4 (June 2016)" as the 18th's CSL style prints it, "no. 4 (2016)"."""
    return re.sub(r"(nos?\. [^()]+ )\((?:[A-Z][a-z]+ )(\d{4})\)", r"\1(\2)", ours), pandoc


def _same_case(ours, pandoc, item, form):
    """A case's short note by its first party, as both begin: "White, 223 A.2d 259." / "White v. State."."""
    first = pandoc.split(" v. ", 1)[0]
    return (pandoc, pandoc) if form == "short" and first and ours.startswith(first + ",") else (ours, pandoc)


def _as_ours(ours, pandoc, item, form):
    """Pandoc's whole form as ours, for a record whose every form the cause accounts for."""
    return ours, ours


def _in_left_out(ours, pandoc, item, form):
    """Ours without the “in” before a reference work: "“Frithuswith,” in <i>Oxford…</i>"."""
    return ours.replace(",” in ", ",” ", 1).replace(".” In ", ".” ", 1), pandoc


def _quotes_left_out(ours, pandoc, item, form):
    return ours.replace("“", "").replace("”", ""), pandoc


def _particle_inverted(ours, pandoc, item, form):
    """Pandoc's "Mare, Walter de la" as ours, "de la Mare, Walter"."""
    for name in item.get("author") or []:
        family, given = str(name.get("family") or ""), str(name.get("given") or "")
        *particle, last = family.split(" ")
        if particle and family[:1].islower():
            pandoc = pandoc.replace(f"{last}, {given} {' '.join(particle)}", f"{family}, {given}")
    return ours, pandoc


def _original_date_left_out(ours, pandoc, item, form):
    """Pandoc's "Spring 2015–Summer 2016, Fall–Winter 2017" as ours, the date of publication alone."""
    original = date_text(item, "original-date")
    return ours, pandoc.replace(f"{original}, ", "", 1) if original else pandoc


def _dated_as_an_issue(ours, pandoc, item, form):
    """Pandoc's "<i>Journal</i>, December 28, 2022, fqac083" as ours, "(December 2022): fqac083"."""
    full, month = date_text(item), date_text(item, month_only=True)
    return ours, pandoc.replace(f", {full}, ", f" ({month}): ", 1) if full else pandoc


def _review_as_ours(ours, pandoc, item, form):
    """Pandoc's "Kamp, Deconstructing Dinner, unsigned The Omnivore’s Dilemma" as ours, "Kamp,
    “Deconstructing Dinner,” review of The Omnivore’s Dilemma"; its short note by the reviewed work's
    title as ours, by the review's own or "review of" it; its bibliography's "Section. Date" as "Section,
    Date"."""
    if form == "short":
        return ours, ours
    pandoc = pandoc.replace(", unsigned ", ", review of ").replace(". Unsigned ", ". Review of ")
    ours = re.sub(r"“([^“”]*?)([,.])” ((?:review|Review) of )", r"\1\2 \3", ours)
    section = str(item.get("section") or "")
    if section:
        pandoc = pandoc.replace(f"{section}. ", f"{section}, ")
    return ours, pandoc


def _journal_volume_before_date(ours, pandoc, item, form):
    """Pandoc's "Lingua Franca April 1999, vol. 9: B13–B14" as ours, "Lingua Franca 9 (April 1999):
    B13–B14"."""
    return ours, re.sub(r" ((?:[A-Z][a-z]+ )?\d{4}), vol\. (\w+):", r" \2 (\1):", pandoc)


def _editor_before_edition(ours, pandoc, item, form):
    """Pandoc's "Rev. ed., ed. Nathan Broder (" and "Rev. ed. Edited by Nathan Broder." as ours, the
    editor first."""
    edition = re.escape(str(item.get("edition") or ""))
    if edition:
        pandoc = re.sub(rf", {edition}, (ed\. [^(]*?) \(", rf", \1, {item['edition']} (", pandoc)
        pandoc = re.sub(rf"\. {edition} (Edited by [^.]*)\. ", rf". \1. {item['edition']} ", pandoc)
    return ours, pandoc


def _series_after_editors(ours, pandoc, item, form):
    """Pandoc's "A Report, working paper 77, ed. Emma Editrix" (and, in the bibliography, "Working Paper
    77. Edited by …") as ours, the editors first and the genre in sentence case."""
    genre, number = str(item.get("genre") or ""), str(item.get("number") or "")
    if not (genre and number and item.get("editor")):
        return ours, pandoc
    numbered = re.escape(f"{genre} {number}")
    pandoc = re.sub(rf", ({numbered}), (ed\. [^(]*?) \(", r", \2, \1 (", pandoc, flags=re.IGNORECASE)
    return ours, re.sub(
        rf"\. ({numbered})\. (Edited by [^.]*)\. ",
        lambda match: f". {match[2]}. {match[1][:1].upper()}{match[1][1:].lower()}. ",
        pandoc,
        flags=re.IGNORECASE,
    )


def _series_numbered(ours, pandoc, item, form):
    """Pandoc's "Working paper w12345, NBER Working Paper" as ours, "NBER Working Paper w12345": the
    number after the series, the genre left out."""
    genre, number = str(item.get("genre") or ""), str(item.get("number") or "")
    series = str(item.get("collection-title") or "")
    if genre and number and series:
        pattern = rf"{re.escape(genre)} {re.escape(number)}([,.]) {re.escape(series)}"
        pandoc = re.sub(pattern, rf"{series} {number}", pandoc, flags=re.IGNORECASE)
    return ours, pandoc


def _month_left_out(ours, pandoc, item, form):
    """Ours' "June 2006" as the CSL styles' year alone, "2006"."""
    month, year = date_text(item, month_only=True), date_text(item, year_only=True)
    return (ours.replace(month, year) if month and month != year else ours), pandoc


def _scheme_left_out(ours, pandoc, item, form):
    """Ours' "https://www.nber.org/…" as the record holds it, "www.nber.org/…"."""
    url = str(item.get("URL") or "")
    return (ours.replace(f"https://{url}", url) if url and "://" not in url else ours), pandoc


def _call_number_left_out(ours, pandoc, item, form):
    """Pandoc's "…, 行政院環保署環境檢驗所, December 22, 2000, W531.51C, https://…" as ours, the
    publisher and date in parentheses and no call number."""
    call_number, publisher = str(item.get("archive_location") or ""), str(item.get("publisher") or "")
    if call_number:
        pandoc = re.sub(rf"[,.] {re.escape(call_number)}(?=[,.] )", "", pandoc)
    when = date_text(item)
    if form == "full" and publisher and when:
        pandoc = pandoc.replace(f", {publisher}, {when},", f" ({publisher}, {when}),", 1)
    return ours, pandoc


def _database_as_author(ours, pandoc, item, form):
    """Pandoc's "“Object,” in NASA/IPAC Extragalactic Database, n.d., accessed …" as ours, without "in"
    and "n.d.", and its bibliography entry, under the title, as ours, under the database."""
    database = str(item.get("container-title") or "")
    pandoc = pandoc.replace(f",” in {database}, n.d., ", f",” {database}, ")
    return ours, re.sub(rf"^(“[^”]*”) In {re.escape(database)}\. n\.d\. ", rf"{database}. \1 ", pandoc)


def _film_not_aired(ours, pandoc, item, form):
    """Pandoc's "Kubrick, aired 1964." and "Aired 1964." as ours, "Kubrick (1964)." and "1964."."""
    year = date_text(item)
    return ours, pandoc.replace(f", aired {year}.", f" ({year}).").replace(f". Aired {year}.", f". {year}.")


def _undated_manuscript(ours, pandoc, item, form):
    """An unpublished manuscript outside a depository whose record holds several dates: Pandoc adds
    "unpublished manuscript" and every date the record holds, and prints no bibliography entry."""
    return ours, ours


def _organisation_first(ours, pandoc, item, form):
    """Ours' note “Title,” Site, Owner as Pandoc's Owner, “Title,” Site; an owner that is the site,
    named once in ours, named again as the site in Pandoc's note and entry."""
    owners = [str(author.get("literal") or "") for author in item.get("author") or []]
    if not owners or not all(owners):
        return ours, pandoc
    owner = ", ".join(owners)
    if form == "bibliography":
        named_again = owner == item.get("container-title")
        return (ours.replace(".” ", f".” {owner}, ", 1) if named_again else ours), pandoc
    return f"{owner}, " + ours.replace(f", {owner},", ",", 1), pandoc


# Causes for recordings, interviews, talks, artworks, maps, patents, films and legal documents.
MEDIA_TYPES = ("song", "interview", "speech", "graphic", "map", "patent", "motion_picture", "broadcast")
LEGAL_TYPES = ("legal_case", "legislation", "bill", "hearing")


def _url_after_period(ours, pandoc, item, form):
    """Ours' "(2010), https://…" as the CSL styles' "(2010). https://…"."""
    url = str(item.get("URL") or "")
    return (ours.replace(f", {url}", f". {url}", 1) if url else ours), pandoc


def _case_named_whole(ours, pandoc, item, form):
    """Pandoc's short note by the case's whole name or short title, "United States v. Christmas.",
    "Eaton.", as ours, "Christmas, 222 F.3d 145."."""
    named = pandoc.removesuffix(".")
    names = (str(item.get("title") or ""), str(item.get("title-short") or item.get("shortTitle") or ""))
    short = cases.short_name({**item, "title-short": item.get("title-short") or item.get("shortTitle")})
    return (ours, ours) if named in names and ours.startswith(f"{short}, ") else (ours, pandoc)


def _verbs_left_out(ours, pandoc, item, form):
    """Ours without the verbs Pandoc's locale lacks: "track 1 on", "read by", "produced by", "chaired by"."""
    ours = re.sub(r"\b([Tt]rack \S+) on ", r"\1 ", ours)
    return re.sub(r"\b(?:[Rr]ead|[Pp]roduced|[Cc]haired) by ", "", ours), pandoc


def _talk_place_left_out(ours, pandoc, item, form):
    """Ours without a recorded talk's place, "TED Talk, Vancouver, BC, April 2022" as "TED Talk, April
    2022", "recorded March 2, 1920, in New York" as "recorded March 2, 1920"."""
    item = csl.as_text(item)
    place = str(item.get("event-place") or item.get("publisher-place") or "")
    if not place or place in pandoc:
        return ours, pandoc
    for written, left in ((f", in {place}", ""), (f", {place}", ""), (f". {place}, ", ". ")):
        if written in ours:
            return ours.replace(written, left, 1), pandoc
    return ours, pandoc


def _collection_left_out(ours, pandoc, item, form):
    """Ours without an archive's collection and place, as Pandoc prints the depository alone: "Senn Oral
    History Collection, National Library of Medicine, Bethesda, MD" as "National Library of Medicine"."""
    item = csl.as_text(item)
    archive, location = str(item.get("archive") or ""), str(item.get("archive_location") or "")
    if archive and location:  # the depository after the number, as a manuscript's (not a database's)
        pandoc = pandoc.replace(f"{archive} ({location})", f"{location}, {archive}")
    for name in ("archive_collection", "archive-place"):
        value = str(item.get(name) or "")
        if value and value not in pandoc:
            ours = ours.replace(f"{value}, ", "", 1).replace(f", {value}", "", 1)
    return ours, pandoc


def _season_left_out(ours, pandoc, item, form):
    """Ours' "Spring 1942" as Pandoc's year alone."""
    season, year = date_text(item), date_text(item, year_only=True)
    return (ours.replace(season, year) if season and season != year else ours), pandoc


def _volume_bare(ours, pandoc, item, form):
    """A recording's note: ours' "…, vol. 1, Golden Record" and Pandoc's "…, 1958, 1, 33⅓ rpm", both
    without the volume."""
    volume = str(item.get("volume") or "")
    if not volume:
        return ours, pandoc
    return ours.replace(f", vol. {volume}", "", 1), re.sub(
        rf"(\d{{4}}), {re.escape(volume)}, ", r"\1, ", pandoc
    )


def _note_unread_after(item):
    """Whether a record's note holds a variable after a line naming none ("IMDb ID: tt1454468"), which
    Pandoc's citeproc stops reading at."""
    lines = str(item.get("note") or "").splitlines()
    read = [bool(csl.note_variables(line)[0]) for line in lines]
    return any(read[index + 1 :] and any(read[index + 1 :]) for index, known in enumerate(read) if not known)


def _filmed_at(ours, pandoc, item, form):
    """Ours' "filmed April 2022 at TED Talk, Vancouver, BC" (its place perhaps taken away by the cause
    before) as the CSL styles' "TED Talk, April 2022"."""
    item = csl.as_text(item)
    event = str(item.get("event-title") or "")
    place = str(item.get("event-place") or item.get("publisher-place") or "")
    when = date_text(item, "event-date") or date_text(item)
    for at in (f"{event}, {place}", event):
        ours = ours.replace(f"filmed {when} at {at}", f"{event}, {when}")
        ours = ours.replace(f"Filmed {when} at {at}", f"{event[:1].upper()}{event[1:]}, {when}")
    return ours, pandoc


def _heard(item):
    """Whether a talk's record names no recording of it (no URL, medium or running time)."""
    read = csl.as_text(item)
    return item.get("type") == "speech" and not (
        read.get("URL") or read.get("medium") or read.get("dimensions")
    )


def _staged(item):
    """Whether a talk's record says in its note that it is a staged performance."""
    return item.get("type") == "speech" and "type: performance" in str(item.get("note") or "").lower()


def _medium_types(*kinds, form=None):
    return lambda item, form_, ours, pandoc: item.get("type") in kinds and form in (None, form_)


# The known causes of differences from Pandoc in the Chicago styles, for the common types, each with
# the Manual's sections for the editions it applies to. A plain list: append new causes at the end.
CAUSES = [
    Cause(
        "short DOI kept as it resolves, https://doi.org/10/fqd6hj; Pandoc drops its “10/” and prints a"
        " link that does not",
        "Pandoc",
        {17: "14.8", 18: "17th 14.8"},
        ours_only(lambda text: text.replace("doi.org/10/", "doi.org/")),
    ),
    Cause(
        "page range abbreviated, 429–52; Pandoc 2.17 has no chicago-16 page-range-format and prints 429–452",
        "Pandoc",
        {17: "9.61", 18: "9.63"},
        both(expanded_ranges),
    ),
    Cause(
        "prepositions lowercase whatever their length (“upon”, “between”, “according to”); Pandoc"
        " capitalises those of four letters or more",
        "Pandoc",
        {17: "8.159–8.160"},
        _words_case_from_ours(_MINOR_17),
    ),
    Cause(
        "prepositions of fewer than five letters lowercase (“upon”, “by”, “in”); Pandoc capitalises some",
        "Pandoc",
        {18: "8.160"},
        _words_case_from_ours(_MINOR_18),
    ),
    Cause(
        "period and comma inside the closing single quotation mark too, “‘… Guys.’”; Pandoc sets them"
        " between the single and the double",
        "Pandoc",
        {17: "6.9", 18: "17th 6.9"},
        pandoc_only(lambda text: text.replace("’.”", ".’”").replace("’,”", ",’”")),
    ),
    Cause(
        "thesis as the Manual abbreviates it, “PhD diss.”; Pandoc prints the record's genre"
        " (“PhD dissertation”)",
        "Pandoc",
        {17: "14.211", 18: "14.113"},
        pandoc_only(lambda text: re.sub(r"\b(PhD|Ph\.D\.) dissertation\b", r"\1 diss.", text)),
    ),
    Cause(
        "database named before its number, “ProQuest Dissertations & Theses (3513418)”, as the quick"
        " guide's “ProQuest (13865986)”; Pandoc prints the number first",
        "Pandoc",
        {17: "14.175, 14.211", 18: "14.113"},
        _database_after_number,
    ),
    Cause(
        "a forthcoming article, “Journal of Examples (forthcoming)”; Pandoc prints the status twice"
        " (“forthcoming forthcoming”)",
        "Pandoc",
        {17: "14.176 (unchecked)", 18: "14.75"},
        pandoc_only(lambda text: re.sub(r", [Ff]orthcoming forthcoming", " (forthcoming)", text)),
    ),
    Cause(
        "a blog post's blog as “Modern Humanist (blog)”, a period after it in the bibliography; Pandoc"
        " prints the record's genre (“Blog. Modern Humanist, …”)",
        "Pandoc",
        {17: "14.208", 18: "14.105"},
        when(_of_kind("post-weblog"), _blog_genre_left_out),
    ),
    Cause(
        "a web page's date after a period in the bibliography, “TIME. 2019.”, as the Manual's entries"
        " close the site with one (“Privacy & Terms. Last modified April 17, 2017.”); Pandoc writes"
        " “TIME, 2019.”",
        "choice",
        {17: "14.206", 18: "14.104"},
        when(_of_kind("webpage", form="bibliography"), _date_after_comma),
    ),
    Cause(
        "an unsigned web page's short note by its title alone, as the quick guide's “Yale Facts.”;"
        " Pandoc puts the site before it",
        "choice",
        {17: "14.206", 18: "14.104"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "webpage" and form == "short" and not item.get("author")
            ),
            pandoc_only(lambda text: re.sub(r"^[^“]+, (?=“)", "", text)),
        ),
    ),
    Cause(
        "a chapter's page range in the bibliography and, without a locator, the note, as the quick"
        " guide's “edited by John D. Kelly …, 67–83”; the 17th's CSL style drops it from a book's volume",
        "Pandoc",
        {17: "quick guide"},
        when(
            lambda item, form, ours, pandoc: item.get("type") == "chapter" and item.get("volume"),
            _chapter_pages_left_out,
        ),
    ),
    Cause(
        "each bibliography entry names its author, where the 17th's list repeats “———” for the author of"
        " the entry before: the site prints each source's entry alone",
        "site",
        {17: "3-em dash (unchecked)"},
        when(
            lambda item, form, ours, pandoc: form == "bibliography" and pandoc.startswith("———"),
            lambda ours, pandoc, item, form: (ours, ours.split(". ", 1)[0] + pandoc.removeprefix("———")),
        ),
    ),
    Cause(
        "a case's short form by its first party and the report, “White, 223 A.2d 259”, as the Manual's"
        " “Christmas, 222 F.3d at 145”; Pandoc prints the case's name",
        "choice",
        {17: "14.277 (unchecked)", 18: "14.177"},
        when(_of_kind("legal_case", form="short"), _same_case),
    ),
    Cause(
        "an approximate date as “ca. 1651” (Chicago's abbreviation of circa); the CSL styles write it as a"
        " guessed-at one, “[1651?]” (the 18th's CSL style cites 14.44)",
        "unsettled",
        {17: "10.43 (ca.)", 18: "10.43 (ca.); 14.44"},
        _circa_bracketed,
    ),
    Cause(
        "the third season as “Fall”, the American word; Pandoc's en-US locale writes “Autumn”. The 18th's"
        " examples print both, each as its journal names the issue (Grey Room “Fall”, Wisconsin Magazine"
        " of History “Autumn”)",
        "choice",
        {17: "none found", 18: "14.70 (“Fall”), 14.79 (“Autumn”)"},
        pandoc_only(lambda text: text.replace("Autumn", "Fall")),
    ),
    Cause(
        "a record's impossible months (2017-14/2017-99) printed as written by Pandoc; the site keeps"
        " the year",
        "Pandoc",
        {17: "none (data)", 18: "none (data)"},
        pandoc_only(lambda text: re.sub(r"\d{4}-\d\d/\d{4}-\d\d, ", "", text)),
    ),
    Cause(
        "a journal issue's month or season kept, “no. 4 (June 2016)”, as the Manual's “no. 2 (April"
        " 2016)”; the 18th's CSL style gives the year alone",
        "choice",
        {18: "14.74; 17th 14.171"},
        when(_of_kind("article-journal"), _issue_month_left_out),
    ),
    Cause(
        "a chapter's page range kept (the 18th no longer requires it); the 18th's CSL style leaves it out",
        "choice",
        {18: "14.8"},
        when(_of_kind("chapter"), _chapter_pages_left_out),
    ),
    Cause(
        "a title whose record gives no language, capitalised as English by both, keeps the particles of"
        " names lowercase (“Die Anfänge des Neolithikums”); Pandoc capitalises them (“Des”). In German it"
        " would keep its own capitals, which neither can tell",
        "unsettled",
        {17: "8.159; chap. 11 (record without language)", 18: "8.160; chap. 11 (record without language)"},
        _words_case_from_ours(PARTICLES),
    ),
    Cause(
        "short note's title shortened to its key words, four or fewer, without an initial article;"
        " Pandoc gives the whole title",
        "choice",
        {17: "14.33", 18: "13.33"},
        _shortened_title,
    ),
    Cause(
        "a signed entry in a reference work cited as a contribution to an edited book, “in Oxford"
        " Dictionary of National Biography, ed. …”, as the 18th's library guides show; the CSL styles"
        " leave out “in”",
        "Pandoc",
        {17: "14.233 (unchecked)", 18: "14.132"},
        when(_of_kind("entry-encyclopedia", "entry-dictionary"), _in_left_out),
    ),
    Cause(
        "a bibliography entry for a record with no container (only an editor; a conference paper with"
        " no proceedings); Pandoc prints no entry for it",
        "Pandoc",
        {17: "none (data)", 18: "none (data)"},
        when(
            lambda item, form, ours, pandoc: (
                form == "bibliography"
                and not pandoc
                and not item.get("container-title")
                and item.get("type")
                in ("chapter", "entry-encyclopedia", "entry-dictionary", "paper-conference")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "an article whose record names no journal keeps its title in quotation marks, “Title,” 2017; the"
        " CSL styles print it as a book's, in italics",
        "site",
        {17: "none (data)", 18: "none (data)"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "article-journal" and not item.get("container-title")
            ),
            _quotes_left_out,
        ),
    ),
    Cause(
        "a family name's lowercase particle kept in front in the bibliography, “de la Mare, Walter”;"
        " Pandoc inverts it, “Mare, Walter de la”",
        "Pandoc",
        {17: "8.5, 14.21", 18: "17th 8.5, 14.21"},
        when(lambda item, form, ours, pandoc: form == "bibliography", _particle_inverted),
    ),
    Cause(
        "a book whose record has an event date but no date of publication is undated, “n.d.”; the CSL"
        " styles print the event date, and its year as the book's",
        "Pandoc",
        {17: "14.145", 18: "14.44"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "book" and item.get("event-date") and not item.get("issued")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a year before 1000 printed as the record gives it, “Spring 11”; Pandoc appends “AD” with no"
        " space, where Chicago sets the era before the year (“AD 11”)",
        "Pandoc",
        {17: "9.35 (unchecked)", 18: "17th 9.35 (unchecked)"},
        pandoc_only(lambda text: re.sub(r"\b(\d{1,3})AD\b", r"\1", text)),
    ),
    Cause(
        "a web page dated once, by its publication or last revision; the CSL styles print the record's"
        " original date before it",
        "choice",
        {17: "14.206", 18: "14.104"},
        when(_of_kind("webpage"), _original_date_left_out),
    ),
    Cause(
        "a journal article with neither volume nor issue dated as an issue is, “(December 2022):"
        " fqac083”; the CSL styles date it as a magazine's, “December 28, 2022, fqac083”",
        "choice",
        {17: "14.171", 18: "14.74"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "article-journal" and not (item.get("volume") or item.get("issue"))
            ),
            _dated_as_an_issue,
        ),
    ),
    Cause(
        "a later edition named after the title and before the series, “2nd ed., Strategies for Social"
        " Inquiry”, without the first's date; the CSL styles set it as a reprint, “(2001; 2nd ed., …)”,"
        " the Manual's form for reprints and modern editions of older works",
        "Pandoc",
        {17: "14.113–14.114", 18: "14.15–14.16"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "book" and item.get("edition") and item.get("original-date")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a record typed a journal article that also names a reviewed work is cited as an article, its own"
        " title saying what it reviews; Pandoc prints “unsigned Sex and the City, by Darren Star”"
        " and gives the short note the reviewed work's title",
        "site",
        {17: "14.215", 18: "14.102"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "article-journal" and item.get("reviewed-title")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a book review as “Title,” review of Book, by Author, the review's own title quoted, its short"
        " note by its own title (“Kamp, “Deconstructing Dinner.””) or, untitled, “review of” the book's"
        " (“Ratliff, review of Mystery of Samba”); Pandoc prints “unsigned” for “review of”, leaves the"
        " review's title unquoted, and shortens to the book's title",
        "Pandoc",
        {17: "14.215", 18: "14.102"},
        when(_of_kind("review-book"), _review_as_ours),
    ),
    Cause(
        "a reviewed work's journal by volume, then the date in parentheses, “Lingua Franca 9 (April"
        " 1999): B13–B14”; Pandoc writes “Lingua Franca April 1999, vol. 9”",
        "Pandoc",
        {17: "14.171", 18: "14.74"},
        when(_of_kind("review-book"), _journal_volume_before_date),
    ),
    Cause(
        "a score's editor before its edition, “ed. Nathan Broder, Rev. ed.”, in the order of a book's"
        " elements and of the Manual's own entry for this score (“… by Nathan Broder. Rev. ed. Bryn"
        " Mawr, PA: Theodore Presser, 1960”); Pandoc puts the edition first",
        "Pandoc",
        {
            17: "14.263 (unchecked); 16th 14.269's example",
            18: "14.155; 16th 14.269's example",
        },
        when(_of_kind("musical_score"), _editor_before_edition),
    ),
    Cause(
        "a report's series and number after its editors, as a book's series follows the editors,"
        " “ed. Emma Editrix and Ed Editor, working paper 77”, in sentence case; Pandoc puts “working paper"
        " 77” before the editors and title-cases it in the bibliography",
        "Pandoc",
        {17: "14.123", 18: "14.116–14.117; 17th 14.123"},
        when(_of_kind("report"), _series_after_editors),
    ),
    Cause(
        "a report's number after its series, “NBER Working Paper w12345”, as a series' number follows"
        " it; Pandoc prints the genre with the number, then the series, “Working paper w12345, NBER"
        " Working Paper”",
        "Pandoc",
        {17: "14.123", 18: "14.116–14.117; 17th 14.123"},
        when(_of_kind("report"), _series_numbered),
    ),
    Cause(
        "a report dated by the month its record gives, “June 2006”, as a dated publication is; the CSL"
        " styles give the year alone",
        "choice",
        {17: "14.171 (unchecked for reports)", 18: "14.74 (unchecked for reports)"},
        when(_of_kind("report"), _month_left_out),
    ),
    Cause(
        "a URL recorded without its scheme, “www.nber.org/…”, printed with “https://” so that it is a"
        " link; Pandoc prints it as recorded",
        "site",
        {17: "14.7", 18: "17th 14.7"},
        _scheme_left_out,
    ),
    Cause(
        "a standard cited as a book is, its publisher and date in the note's parentheses and no call"
        " number (the Q&A's answer on standards); Pandoc prints the record's call number “W531.51C” and"
        " drops the parentheses",
        "Pandoc",
        {17: "Q&A faq0134", 18: "Q&A faq0134; 14.159"},
        when(_of_kind("standard"), _call_number_left_out),
    ),
    Cause(
        "an undated entry in a database listed under the database, “NASA/IPAC Extragalactic Database."
        " “Object Name …” Accessed …”, with the access date alone; Pandoc adds “in” and “n.d.”",
        "Pandoc",
        {17: "14.205–14.206 (16th 14.272's example)", 18: "14.157 (16th 14.272's example)"},
        when(_of_kind("dataset"), _database_as_author),
    ),
    Cause(
        "a film (a record typed broadcast with no series) dated by its release, “(1964)”; Pandoc says"
        " “aired 1964”, a broadcast episode's word",
        "Pandoc",
        {17: "14.265", 18: "14.165"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "broadcast" and not item.get("container-title")
            ),
            _film_not_aired,
        ),
    ),
    Cause(
        "an episode cited as the Manual's “Breaking Bad, season 5, episode 14, “Ozymandias,” directed by"
        " …, aired …, on AMC”: its number before its quoted title, lowercase mid-note, “on” before the"
        " network, no bare volume number, the short note by the episode's title; Pandoc leaves the title"
        " unquoted and after the series or before it, drops “on”, prints the record's volume (“3”) bare"
        " and lists the writers with the director (no section found on an episode's writers)",
        "Pandoc",
        {17: "14.265; 8.185", 18: "14.165; 17th 8.185"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") in ("broadcast", "motion_picture") and item.get("container-title")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a film consulted on a recording has no genre, “Citizen Kane (RKO Radio Pictures, 1941), DVD”;"
        " Pandoc prints the record's “Feature film”",
        "Pandoc",
        {17: "14.265", 18: "14.165"},
        when(
            _of_kind("motion_picture"),
            lambda ours, pandoc, item, form: (
                ours,
                re.sub(rf"([,.]) {re.escape(str(item.get('genre') or '-'))}(?= \(|\. )", "", pandoc, count=1),
            ),
        ),
    ),
    Cause(
        "a record of the type “video”, which CSL 1.0.2 does not define, cited as a film (title, director,"
        " facts of release, medium); Pandoc's styles fall back to a generic form, the director first and"
        " the record's “Episode 3”",
        "site",
        {17: "14.265", 18: "14.165"},
        when(_of_kind("video"), _as_ours),
    ),
    Cause(
        "an unpublished manuscript outside a depository dated once, “(2014–2015)”; Pandoc adds"
        " “unpublished manuscript” and every date the record holds (event, original, issued), and prints"
        " no bibliography entry. The 18th's CSL style cites 14.114 for “unpublished manuscript” where the"
        " record has no genre and for leaving inaccessible manuscripts out of the bibliography",
        "unsettled",
        {17: "14.225 (unchecked)", 18: "14.114"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "manuscript" and not item.get("archive") and form != "short"
            ),
            _undated_manuscript,
        ),
    ),
    Cause(
        "an organisation's web page cited by its title, the organisation after the site, as the quick"
        " guide's “Privacy Policy,” Privacy & Terms, Google, and named once where it is the site;"
        " Pandoc puts the organisation first and repeats it",
        "Pandoc",
        {17: "14.206", 18: "14.104"},
        when(_of_kind("webpage"), _organisation_first),
    ),
    Cause(
        "a legal document's bibliography entry as its full note, the URL after a comma, “(2010),"
        " https://…”; the CSL styles close the citation with a period before it",
        "unsettled",
        {17: "14.269 (unchecked)", 18: "14.170 (unchecked)"},
        when(_medium_types(*LEGAL_TYPES, form="bibliography"), _url_after_period),
    ),
    Cause(
        "a public law as “Pub. L. No. 111-148”, the Bluebook's form the Manual takes; the CSL styles'"
        " term prints “Pub. L. 111-148”",
        "Pandoc",
        {17: "14.289", 18: "14.183"},
        when(
            _medium_types("legislation"),
            pandoc_only(lambda text: re.sub(r"\bPub\. L\. (?=\d)", "Pub. L. No. ", text)),
        ),
    ),
    Cause(
        "a case's short form by its first private party (or the record's short title) and the report,"
        " “Christmas, 222 F.3d 145”, as the Manual's “Christmas, 222 F.3d at 145”; Pandoc prints the"
        " case's whole name, “United States v. Christmas”, or the short title alone",
        "Pandoc",
        {17: "14.277 (unchecked)", 18: "14.177"},
        when(_medium_types("legal_case", form="short"), _case_named_whole),
    ),
    Cause(
        "a debate in the record of Congress by its Congress and session, the page after them, “Cong."
        " Globe, 34th Cong., 3d Sess. 149 (1856)”; Pandoc writes “34th Cong. 3d Sess., 149”",
        "Pandoc",
        {17: "14.292 (unchecked)", 18: "14.188"},
        when(
            _medium_types("bill"),
            pandoc_only(lambda text: re.sub(r"(\d+\w* Cong\.) (\S+ Sess\.), (\d+)", r"\1, \2 \3", text)),
        ),
    ),
    Cause(
        "a witness at a hearing as “(statement of David Walker, Comptroller General …)”; Pandoc prints"
        " the name without “statement of”",
        "Pandoc",
        {17: "14.293", 18: "14.185"},
        when(_medium_types("hearing"), ours_only(lambda text: text.replace(" (statement of ", " ("))),
    ),
    Cause(
        "a patent as “US Patent 4,586,960”; Pandoc prints the country and the number, “US 4,586,960”",
        "Pandoc",
        {17: "14.157", 18: "14.158"},
        when(_medium_types("patent"), ours_only(lambda text: text.replace(" Patent ", " ", 1))),
    ),
    Cause(
        "an interview's short note by the person interviewed and what it is, “Sanders, interview.”, as"
        " the 18th's quick guide (“Buolamwini, interview.”), or, for an unnamed person, by its"
        " description; Pandoc shortens the title or prints the medium or genre",
        "Pandoc",
        {18: "14.110; quick guide"},
        when(_medium_types("interview", form="short"), _as_ours),
    ),
    Cause(
        "every interview cited has a bibliography entry, the unnamed person's and the knowledge keeper's"
        " too (“Interview with health-care worker. June 15, 2024.”); Pandoc prints none for them",
        "site",
        {17: "14.218–14.220 (unchecked)", 18: "14.109, 14.137 (unchecked)"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "interview" and form == "bibliography" and not pandoc
            ),
            _as_ours,
        ),
    ),
    Cause(
        "an interview in a journal dated by the issue's season, “no. 212 (Spring 2015)”, as a journal"
        " article is; the CSL styles give the year alone",
        "choice",
        {17: "14.171", 18: "14.74"},
        when(_medium_types("interview"), _issue_month_left_out),
    ),
    Cause(
        "an archived interview's collection and the depository's place, “Senn Oral History Collection,"
        " National Library of Medicine, Bethesda, MD”; Pandoc prints the depository alone",
        "Pandoc",
        {17: "14.219 (unchecked)", 18: "14.108"},
        when(_medium_types("interview"), _collection_left_out),
    ),
    Cause(
        "the verbs before a recording's track, reader and producer and a talk's chair, “track 1 on”,"
        " “read by the author”, “produced by Stephanie Kariuki”, “chaired by …”, which the 18th's CSL"
        " style asks for; Pandoc 2.17's locale lacks them and prints the names bare",
        "Pandoc",
        {17: "14.263–14.264 (unchecked)", 18: "14.163–14.164, 14.168"},
        when(_medium_types("song", "speech", "broadcast"), _verbs_left_out),
    ),
    Cause(
        "a recorded talk's place after its event, “TED Talk, Vancouver, BC, April 2022”, “recorded March"
        " 2, 1920, in New York”, as a talk's place is given (14.115); Pandoc leaves it out where the"
        " record has an event or its date",
        "unsettled",
        {17: "14.217, 14.268", 18: "14.115, 14.167"},
        when(_medium_types("speech"), _talk_place_left_out),
    ),
    Cause(
        "a talk heard, not recorded, as the Manual's “David G. Harper, “The Several Discoveries of the"
        " Ciliary Muscle” (PowerPoint presentation, 25th Anniversary Meeting of the Cogan Ophthalmic"
        " History Society, Bethesda, MD, March 31, 2012)”; Pandoc drops the parentheses and the place,"
        " and the 18th's style the bibliography entry",
        "Pandoc",
        {17: "14.217", 18: "14.115"},
        when(
            lambda item, form, ours, pandoc: _heard(item) and not _staged(item),
            _as_ours,
        ),
    ),
    Cause(
        "a record typed speech whose note says “type: performance” cited as a staged performance, the"
        " director after the title; Pandoc reads the record's type and cites it as a speech by its"
        " director",
        "Pandoc",
        {17: "14.265 (unchecked)", 18: "14.166"},
        when(
            lambda item, form, ours, pandoc: _staged(item),
            _as_ours,
        ),
    ),
    Cause(
        "words of a title Chicago capitalises and Pandoc lowercases: “So” (an adverb) and, in the 18th,"
        " prepositions of five letters or more (“About”)",
        "Pandoc",
        {17: "8.159", 18: "8.160"},
        when(_medium_types(*MEDIA_TYPES), _words_case_from_ours({"so", "about"})),
    ),
    Cause(
        "a recording's volume as “vol. 1” after its title and director; Pandoc prints the bare number"
        " after the date in a note, “1958, 1”",
        "Pandoc",
        {17: "14.263 (unchecked)", 18: "14.163"},
        when(_medium_types("song", form="full"), _volume_bare),
    ),
    Cause(
        "an artwork dated by the season its record gives, “Spring 1942”; Pandoc gives the year alone",
        "unsettled",
        {17: "14.235 (unchecked)", 18: "14.133"},
        when(_medium_types("graphic"), _season_left_out),
    ),
    Cause(
        "a record whose note holds variables after a line naming none (“IMDb ID: tt1454468”,"
        " “translated title: …”): Pandoc's citeproc stops reading the note there and misses the film's"
        " release (“2013;”) or the map's dates",
        "Pandoc",
        {17: "none (data)", 18: "none (data)"},
        when(
            lambda item, form, ours, pandoc: item.get("type") in MEDIA_TYPES and _note_unread_after(item),
            _as_ours,
        ),
    ),
    Cause(
        "a map reproduced in a book cited as a chapter is, the map's date and size first, then “in” the"
        " book, its facts in parentheses and the figure; Pandoc sets the map's date with the book's"
        " (“1612; University of Chicago Press, 2007”) and leaves out the figure",
        "unsettled",
        {17: "14.236 (unchecked)", 18: "14.135"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "map" and csl.as_text(item).get("container-title")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a podcast's episode by its host, its own title first, then the podcast's, as the 17th's “Mike"
        " Duncan, “The Fall of Rome,” The History of Rome”; the 18th's CSL style puts the podcast and"
        " the episode's number first (“serial broadcast prioritizes title”)",
        "unsettled",
        {17: "14.267", 18: "14.168 (unchecked)"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "broadcast"
                and item.get("author")
                and csl.as_text(item).get("container-title")
                and form != "short"
            ),
            _as_ours,
        ),
    ),
    Cause(
        "a talk filmed at an event as the 17th's “filmed November 2016 at TEDxBeaconStreet, Brookline,"
        " MA”; the 17th's CSL style gives the event and the date, “TED Talk, April 2022”, the 18th's form",
        "Pandoc",
        {17: "14.268"},
        when(_medium_types("speech"), _filmed_at),
    ),
    Cause(
        "an untitled interview's short note by the person interviewed and what it is, “Sanders,"
        " interview.”, as the 18th's; Pandoc prints the medium, “Sanders, YouTube.”",
        "Pandoc",
        {17: "14.219 (unchecked)"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") == "interview" and form == "short" and ours.endswith(", interview.")
            ),
            _as_ours,
        ),
    ),
    Cause(
        "an untitled statute's or debate's short note as its citation without the year, “Ohio Rev. Code"
        " Ann. § 2913.44”, as the Bluebook shortens one; Pandoc prints nothing, or the number alone",
        "Pandoc",
        {17: "14.269 (unchecked)", 18: "14.170 (unchecked)"},
        when(
            lambda item, form, ours, pandoc: (
                item.get("type") in ("legislation", "bill") and form == "short" and not item.get("title")
            ),
            _as_ours,
        ),
    ),
]


def causes_for(edition):
    """The causes that apply to ``edition``."""
    return [cause for cause in CAUSES if edition in cause.sections]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--edition", type=int, choices=sorted(CSL_FILES), default=18)
    parser.add_argument("--show", type=int, default=10, help="differences to print")
    parser.add_argument("--causes", action="store_true", help="count the differences by cause")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        print("pandoc is not installed (apt-get install -y pandoc)", file=sys.stderr)
        return 2
    items = []
    for path in args.files or DEFAULT_FILES:
        items += json.loads(path.read_text(encoding="utf-8"))
    rows = compare(items, args.edition)
    csl_file = CSL_FILES[args.edition]
    print(f"Chicago {args.edition}th edition against Pandoc with {csl_file}, {len(items)} records")
    print(f"{'type':<20} {'form':<13} {'exact':>7} {'relaxed':>8} {'of':>4}")
    for (kind, form), (exact, loose, total) in table(rows).items():
        print(f"{kind:<20} {form:<13} {exact:>7} {loose:>8} {total:>4}")
    exact = sum(ours == pandoc for *_rest, ours, pandoc in rows)
    print(f"{'all':<34} {exact:>7} {sum(relaxed(r[3]) == relaxed(r[4]) for r in rows):>8} {len(rows):>4}")
    if args.causes:
        counted, unknown = explained(rows, items, causes_for(args.edition))
        print(f"\nDifferences by cause ({args.edition}th edition's sections)")
        for cause in causes_for(args.edition):
            if counted.get(cause.label):
                section = cause.section(args.edition)
                print(f"{counted[cause.label]:>4}  {section:<14} [{cause.whose}] {cause.label}")
        by_type = defaultdict(int)
        for kind, *_rest in unknown:
            by_type[kind] += 1
        listed = ", ".join(f"{kind} {count}" for kind, count in sorted(by_type.items()))
        print(f"{len(unknown):>4}  of no known cause ({listed})")
        shown = unknown[: args.show]
    else:
        shown = [row for row in rows if relaxed(row[3]) != relaxed(row[4])][: args.show]
    for kind, form, key, ours, pandoc in shown:
        print(f"\n{key} {kind} {form}\n  ours:   {ours}\n  pandoc: {pandoc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
