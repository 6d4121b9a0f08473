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
and the example source. Exits 2 when pandoc is missing.
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
from citations.styles import get_style  # noqa: E402
from citations.styles.capitals import ARTICLES, CONJUNCTIONS, PREPOSITIONS  # noqa: E402
from citations.styles.text import date_text, pages  # noqa: E402

CSL_DIR = ROOT / "citations" / "styles" / "csl"
CSL_FILES = {18: "chicago-notes-bibliography.csl", 17: "chicago-notes-bibliography-17th-edition.csl"}
DEFAULT_FILES = [
    ROOT / "tests/citations/data/zotero-library.json",
    Path("/work/shared/examples/sources.json"),
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
    """A short note whose title is the first words of Pandoc's whole one (an initial article left out)."""
    if form != "short" or ", vol. " in pandoc:
        return ours, pandoc
    mine, theirs = _title_words(ours), _title_words(pandoc)
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
        {17: "14.277 (unchecked)", 18: "17th 14.277 (unchecked)"},
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
        "a season as the record's “Fall”; Pandoc's en-US locale writes “Autumn”",
        "unsettled",
        {17: "none found", 18: "none found"},
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
        "short note's title shortened to its key words, four or fewer, without an initial article;"
        " Pandoc gives the whole title",
        "choice",
        {17: "14.33", 18: "17th 14.33"},
        _shortened_title,
    ),
    Cause(
        "an organisation's web page cited by its title, the organisation after the site, as the quick"
        " guide's “Privacy Policy,” Privacy & Terms, Google, and named once where it is the site;"
        " Pandoc puts the organisation first and repeats it",
        "Pandoc",
        {17: "14.206", 18: "14.104"},
        when(_of_kind("webpage"), _organisation_first),
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
