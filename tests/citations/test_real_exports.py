"""Whole real exports imported as a user imports them, with ``manage.py import_sources``: every
entry is imported but those the report names, each with its line and why, and importing the file
again changes nothing. The files are Better BibTeX's test fixtures (bench/data/README.md)."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from citations.models import Source
from citations.services import import_file

BENCH = Path(__file__).parents[2] / "bench" / "data"
# A Mendeley Desktop export of 512 entries: its own entry types, keyless entries, keys given twice.
MENDELEY = BENCH / "mendeley-export.bib"
# A Zotero library of 1,241 records exported by Better BibTeX (biblatex).
ZOTERO = BENCH / "zotero-better-bibtex-export.bib"
ENTRY = re.compile(r"^@(\w+)\s*\{", re.M)
REPORTED_LINE = re.compile(r"^(?:Line (\d+)|Entry \d+ \(line (\d+)\))")

# Mendeley's keys given to two records: (line, key, line of the first record with the key).
MENDELEY_KEYS_USED_TWICE = [
    *((1741, "Scales2015", 35), (1751, "Campbell2017", 241), (1866, "Chen2008", 1494)),
    *((2114, "Literat2019", 327), (3182, "Scales2015", 35), (3190, "Shapiro2018", 132)),
    *((3217, "Thomas2016", 23), (3603, "Nodelman1992", 2530), (4310, "Ahmed2007", 2773)),
    *((4354, "Campbell2018", 1279), (4515, "Johnson2017", 2566), (4646, "Brooks2009", 3880)),
    *((4697, "Brooks2018", 4661), (4768, "Radway2016", 4614), (4813, "Myers2014", 4804)),
    *((4888, "Matias2016", 4873), (4897, "Matias2014", 515), (4939, "Matias2016", 4873)),
    *((4965, "Matias2014", 515), (4980, "Mabbott2017", 3724), (5446, "Taxel1997", 5335)),
    (5493, "Doyle2011", 5479),
]
# Mendeley's records given again alike: (line, key, line of the first).
MENDELEY_REPEATS = [(500, "Milazzo2017", 406), (575, "Milazzo2017", 406), (2522, "Woolf1939", 1858)]


def entry_lines(path):
    """The line of each entry in a file (these files have no @string, @comment or @preamble)."""
    text = path.read_text()
    return [text.count("\n", 0, match.start()) + 1 for match in ENTRY.finditer(text)]


def reported_line(message):
    match = REPORTED_LINE.match(message)
    return int(match.group(1) or match.group(2))


def import_command(path):
    """What ``manage.py import_sources FILE`` prints, line by line."""
    out = StringIO()
    call_command("import_sources", str(path), stdout=out)
    return out.getvalue().splitlines()


def stored():
    return sorted(Source.objects.values_list("key", "updated", "csl"))


def assert_imported_but_the_reported(path, report):
    """Each entry of the file is imported, refused (named by its line) or noted as the same record
    as one imported: no entry is lost without a word."""
    lines = entry_lines(path)
    refused = [reported_line(message) for message in report.skipped]
    repeated = [reported_line(note) for note in report.notes if "the same record as" in note]
    assert set(refused + repeated) <= set(lines)
    assert len(report.created) == len(lines) - len(refused) - len(repeated)
    assert Source.objects.count() == len(report.created)


@pytest.mark.django_db
def test_a_mendeley_export_imports_whole():
    """Mendeley's 512 entries: 509 imported (Mendeley's @book_section, @web_page, @film… as
    their types; keyless ones under keys made from their records); the 22 entries whose key an
    earlier entry has for another work (Mendeley makes "Scales2015" for two) are imported under
    keys of their own, "Scales2015a", each named by its line and the first's; the 3 that repeat an
    earlier record are noted. Nothing is refused, and a second import changes nothing."""
    report = import_file(MENDELEY.read_bytes(), "bibtex")
    assert len(entry_lines(MENDELEY)) == 512
    assert (len(report.created), len(report.skipped), report.mapped_types) == (509, 0, 34)
    used_twice = [note for note in report.notes if "is used twice" in note]
    assert [
        (reported_line(note), re.search(r"\((\S+)\): the key", note).group(1), int(first))
        for note in used_twice
        for first in re.findall(r"first by entry \d+ \(line (\d+)\) for another record", note)
    ] == MENDELEY_KEYS_USED_TWICE
    assert used_twice[0] == (
        "Line 1741 (Scales2015): the key 'Scales2015' is used twice in this file, first by entry 4 "
        "(line 35) for another record (differing in title, author, ISSN …); this one is imported as "
        "'Scales2015a'."
    )
    assert used_twice[4].endswith("this one is imported as 'Scales2015b'.")
    assert Source.objects.get(key="Scales2015b").csl["id"] == "Scales2015b"
    assert [note for note in report.notes if "the same record as" in note] == [
        f"Line {line} ({key}): the same record as entry {number} (line {first}); not imported again."
        for (line, key, first), number in zip(MENDELEY_REPEATS, (40, 40, 173), strict=True)
    ]
    assert_imported_but_the_reported(MENDELEY, report)
    assert sum("it has no key; it is imported as" in note for note in report.notes) == 37
    records = Source.objects.filter(key__in=["Mills2010", "Cecire2020", "Bruenig2017"])
    assert {source.key: source.csl["type"] for source in records} == {
        "Mills2010": "chapter",
        "Cecire2020": "article-magazine",
        "Bruenig2017": "article-newspaper",
    }
    before = stored()
    lines = import_command(MENDELEY)
    assert lines[0] == (
        "mendeley-export.bib: 0 created, 0 updated, 509 skipped (unchanged); 34 with a type mapped to "
        "the nearest supported one."
    )
    assert stored() == before


@pytest.mark.django_db
def test_a_zotero_library_exported_by_better_bibtex_imports_whole():
    """A real Zotero library of 1,241 records, as Better BibTeX exports it: every one imported, none
    refused; the notes are only of values the fields cannot hold as given (kept in the record). A
    second import changes nothing."""
    lines = import_command(ZOTERO)
    assert lines[0] == (
        "zotero-better-bibtex-export.bib: 1241 created, 0 updated, 0 skipped (unchanged); "
        "184 with a type mapped to the nearest supported one."
    )
    assert len(entry_lines(ZOTERO)) == Source.objects.count() == 1241
    before = stored()
    report = import_file(ZOTERO.read_bytes(), "bibtex")
    assert (report.created, report.updated, len(report.unchanged), report.skipped) == ([], [], 1241, [])
    assert stored() == before
    assert len(report.notes) == 59
    assert all(re.search(r": (isbn shortened to 50 characters|url '.*' read as )", n) for n in report.notes)
