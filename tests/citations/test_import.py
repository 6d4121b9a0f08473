"""Importing a file by key: each good record imported, each bad one skipped and named (or, strictly,
all or nothing); the report says what it did; commands import and export."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from citations.models import Source
from citations.services import ImportFailed, import_file
from tests.factories import make_source

SEED = [
    {
        "id": "hinshaw2013",
        "type": "article-newspaper",
        "title": "Defenders Outgunned By Islamists In Desert",
        "container-title": "The Wall Street Journal",
        "author": [{"given": "Drew", "family": "Hinshaw"}, {"given": "Margaret", "family": "Coker"}],
        "issued": {"date-parts": [[2013, 2, 22]]},
    },
    {"id": "mill1859", "type": "book", "title": "On Liberty", "issued": {"date-parts": [[1859]]}},
]


def as_json(records):
    return json.dumps(records).encode()


@pytest.mark.django_db
def test_records_are_created_then_skipped_when_unchanged():
    """A second import of the same file changes nothing and says so."""
    first = import_file(as_json(SEED), "csl-json")
    stamps = dict(Source.objects.values_list("key", "updated"))
    second = import_file(as_json(SEED), "csl-json")
    assert (first.created, first.updated, first.unchanged) == (["hinshaw2013", "mill1859"], [], [])
    assert (second.created, second.updated, second.unchanged) == ([], [], ["hinshaw2013", "mill1859"])
    assert dict(Source.objects.values_list("key", "updated")) == stamps
    assert str(second) == "0 created, 0 updated, 2 skipped (unchanged)"


@pytest.mark.django_db
def test_a_changed_record_updates_the_source_with_its_key():
    """A record whose key exists replaces that source's bibliographic fields."""
    make_source(key="mill1859", title="Old title", annotation="")
    report = import_file(as_json(SEED), "csl-json")
    assert (report.created, report.updated) == (["hinshaw2013"], ["mill1859"])
    mill = Source.objects.get(key="mill1859")
    assert (mill.title, mill.type, mill.issued_year, mill.authors) == ("On Liberty", "book", 1859, [])


@pytest.mark.django_db
def test_imported_sources_are_searchable_by_name_and_format_the_seed_note():
    """Bulk-created sources get their names text and the exact seed note."""
    import_file(as_json(SEED), "csl-json")
    source = Source.objects.get(names_text__icontains="Coker")
    assert source.note(linked=False) == (
        "Drew Hinshaw and Margaret Coker, “Defenders Outgunned By Islamists In Desert,” "
        "<i>The Wall Street Journal</i>, February 22, 2013."
    )


@pytest.mark.django_db
def test_bad_records_are_skipped_and_named_with_their_position():
    """Each good record is imported; each bad one is reported with its position, key and reason."""
    records = [SEED[0], {"type": "book", "title": "No key"}, {**SEED[1], "id": "bad key!"}, SEED[1]]
    report = import_file(as_json(records), "csl-json")
    assert report.created == ["hinshaw2013", "mill1859"]
    assert report.skipped == [
        "Record 2: the record has no id (citation key).",
        "Record 3 (bad key!): key: A key has no spaces, braces, commas or control characters. "
        "A key that starts with a letter, digit or underscore and has only letters, digits and single "
        "punctuation marks (: . # $ % & - + ? < > ~ /) between them is cited as it is, as in "
        "[@hinshaw2013]; any other is cited in braces, as in [@{O'Hara_1999}].",
    ]
    assert str(report).endswith("; 2 not imported (bad records)")


@pytest.mark.django_db
def test_a_key_used_twice_keeps_the_first_record_and_gives_the_second_a_key_of_its_own():
    """Reference managers that make keys alike (Mendeley's "Thomas2016") leave two works under one
    key: the first keeps it, posts citing it cite what they did; the second is imported, not lost,
    under the first free "mill1859a", "mill1859b"… (as BibTeX styles tell apart a year's works),
    named in the report; importing the file again updates the same two sources."""
    data = as_json([SEED[1], {**SEED[1], "title": "Another"}, {"id": "mill1859a", "title": "Third"}])
    report = import_file(data, "csl-json")
    assert report.skipped == []
    assert report.created == ["mill1859", "mill1859b", "mill1859a"]
    assert report.notes == [
        "Record 2 (mill1859): the key 'mill1859' is used twice in this file, first by record 1 for another "
        "record (differing in title); this one is imported as 'mill1859b'."
    ]
    assert Source.objects.get(key="mill1859").title == "On Liberty"
    assert Source.objects.get(key="mill1859b").title == "Another"
    assert Source.objects.get(key="mill1859b").csl["id"] == "mill1859b"
    again = import_file(data, "csl-json")
    assert (again.created, again.updated, again.skipped) == ([], [], [])


@pytest.mark.django_db
def test_a_key_of_its_own_is_never_one_another_source_holds():
    """The key made for a second record passes over one an earlier import gave another work."""
    import_file(as_json([{"id": "mill1859a", "type": "book", "title": "Elsewhere"}]), "csl-json")
    import_file(as_json([SEED[1], {**SEED[1], "title": "Another"}]), "csl-json")
    assert Source.objects.get(key="mill1859a").title == "Elsewhere"
    assert Source.objects.get(key="mill1859b").title == "Another"


@pytest.mark.django_db
def test_a_key_whose_first_record_cannot_be_imported_is_taken_by_the_next():
    """A record that is not imported leaves its key to the next record with it: a file's
    commented-out or broken copy of an entry does not stand in the way of the good one."""
    report = import_file(b"@misc{a,\n  note = {}\n}\n@book{a, title = {The Good One}}\n", "bibtex")
    assert report.created == ["a"]
    assert report.skipped == [
        "Entry 1 (line 1) (a): the record has nothing to cite it by: no title, name, container or "
        "description."
    ]
    assert Source.objects.get(key="a").title == "The Good One"


@pytest.mark.django_db
def test_a_record_given_again_alike_is_noted_not_refused():
    """A second entry with a key that is the same record as the first (Mendeley repeats some) is
    named with the line of the first and not imported again; it is no bad record."""
    entry = b"@book{mill1859, title = {On Liberty}, year = 1859}\n"
    report = import_file(entry + b"\n" + entry, "bibtex")
    assert (report.created, report.skipped) == (["mill1859"], [])
    assert report.notes == ["Line 3 (mill1859): the same record as entry 1 (line 1); not imported again."]


@pytest.mark.django_db
def test_spaces_in_one_web_address_are_escaped_and_the_first_of_several_is_taken():
    """A URL with spaces (Mendeley keeps them) is one address, its spaces "%20"; a field holding
    several addresses, space apart, links the first. The record keeps what the file gave."""
    records = [
        {**SEED[0], "URL": "https://www.participations.org/Volume 9/Issue 2/7 Berenstein.pdf"},
        {**SEED[1], "URL": "http://10.0.9.3/1341787 http://ezproxy.example.edu/login?url=x"},
    ]
    import_file(as_json(records), "csl-json")
    urls = dict(Source.objects.values_list("key", "url"))
    assert urls == {
        "hinshaw2013": "https://www.participations.org/Volume%209/Issue%202/7%20Berenstein.pdf",
        "mill1859": "http://10.0.9.3/1341787",
    }


@pytest.mark.django_db
def test_values_the_fields_cannot_hold_are_kept_in_the_record_with_a_note():
    """An over-long title is shortened in the field but kept whole; a URL without a scheme gets https."""
    long_title = "A title " * 70
    records = [{**SEED[1], "title": long_title, "URL": "www.gutenberg.org/ebooks/34901"}]
    report = import_file(as_json(records), "csl-json")
    source = Source.objects.get(key="mill1859")
    assert len(source.title) == 500 and source.title.endswith("…")
    assert source.url == "https://www.gutenberg.org/ebooks/34901"
    assert source.as_csl()["title"] == long_title
    assert source.as_csl()["URL"] == "www.gutenberg.org/ebooks/34901"
    assert len(report.notes) == 2 and report.notes[0].startswith("Record 1 (mill1859): title shortened")


@pytest.mark.django_db
def test_mapped_types_are_counted():
    """Records whose type was mapped to a supported one are counted in the report."""
    report = import_file(as_json([{"id": "t", "type": "thesis", "title": "T"}]), "csl-json")
    assert report.mapped_types == 1
    assert "1 with a type mapped" in str(report)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([SEED[0], {"type": "book", "title": "No key"}], "Record 2: the record has no id"),
        ([SEED[0], {"id": "x", "type": "book"}], "Record 2 (x): the record has nothing to cite it by"),
        (
            [SEED[0], {**SEED[1], "issued": {"date-parts": [[1859, 2, 30]]}}],
            "Record 2 (mill1859): issued: February",
        ),
        ([SEED[0], {**SEED[1], "id": "bad key!"}], "Record 2 (bad key!): key:"),
        ([SEED[0], {**SEED[1], "id": "k" * 101}], "key: Ensure this value has at most 100"),
        (
            [SEED[0], {**SEED[0], "page": "1"}, {"id": "x", "type": "book"}],
            "Record 3 (x): the record has nothing to cite it by",
        ),
    ],
)
def test_strictly_one_bad_record_means_nothing_is_imported(records, message):
    """With ``strict``, a bad record is reported with its position, and no record of the file is written."""
    with pytest.raises(ImportFailed) as failure:
        import_file(as_json(records), "csl-json", strict=True)
    assert any(message in error for error in failure.value.errors), failure.value.errors
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_every_bad_record_is_reported_up_to_a_limit():
    """Each bad record is named, and a long list is cut short."""
    with pytest.raises(ImportFailed) as failure:
        import_file(as_json([{"id": f"k{n}"} for n in range(30)]), "csl-json", strict=True)
    assert len(failure.value.errors) == 21
    assert failure.value.errors[-1] == "… and 10 more."


BROKEN_BIBTEX = b"@book{good, title = {Good}, year = 2000}\n\n@book{bad, title = {Bad}\n@book{c, title={C}}\n"


@pytest.mark.django_db
def test_a_bibtex_file_with_a_broken_entry_imports_the_others():
    """A BibTeX syntax error is reported with its line; the entries around it are imported."""
    report = import_file(BROKEN_BIBTEX, "bibtex")
    assert report.created == ["good", "c"]
    assert report.skipped == [
        "Line 3 (bad): the entry is not closed before the entry at line 4: its closing brace is missing."
    ]


@pytest.mark.django_db
def test_strictly_a_bibtex_file_with_a_broken_entry_imports_nothing():
    """With ``strict``, a BibTeX syntax error is reported with its line and nothing is imported."""
    with pytest.raises(ImportFailed, match="Line 3"):
        import_file(BROKEN_BIBTEX, "bibtex", strict=True)
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_import_sources_command_reports_counts(tmp_path):
    """``import_sources`` picks the format from the extension and reports the counts."""
    path = tmp_path / "library.bib"
    path.write_text("@book{darwin1859, author = {Darwin, Charles}, title = {Origin}, year = 1859}\n")
    out = StringIO()
    call_command("import_sources", str(path), stdout=out)
    assert out.getvalue().strip() == "library.bib: 1 created, 0 updated, 0 skipped (unchanged)."
    assert Source.objects.get(key="darwin1859").authors == [{"family": "Darwin", "given": "Charles"}]


@pytest.mark.django_db
def test_import_sources_command_lists_the_records_it_skipped(tmp_path):
    """``import_sources`` names each bad record; ``--strict`` imports nothing and fails."""
    path = tmp_path / "library.bib"
    path.write_bytes(BROKEN_BIBTEX)
    out = StringIO()
    call_command("import_sources", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert (
        lines[0] == "library.bib: 2 created, 0 updated, 0 skipped (unchanged); 1 not imported (bad records)."
    )
    assert lines[1] == (
        "  Not imported: Line 3 (bad): the entry is not closed before the entry at line 4: "
        "its closing brace is missing."
    )
    Source.objects.all().delete()
    with pytest.raises(CommandError, match="nothing was imported: Line 3"):
        call_command("import_sources", str(path), strict=True)
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_import_sources_command_fails_cleanly_on_a_bad_file(tmp_path):
    """A bad file ends the command with the errors and imports nothing."""
    path = tmp_path / "library.txt"
    path.write_text("[{]")
    with pytest.raises(CommandError, match="Cannot tell the format"):
        call_command("import_sources", str(path))
    with pytest.raises(CommandError, match="Not valid JSON"):
        call_command("import_sources", str(path), format="csl-json")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_sources", str(tmp_path / "missing.json"))


@pytest.mark.django_db
def test_export_sources_command_writes_the_chosen_sources():
    """``export_sources --keys`` writes just those sources, in the order asked for."""
    make_source(key="a")
    make_source(key="b")
    make_source(key="c")
    out = StringIO()
    call_command("export_sources", keys=["c", "a"], stdout=out)
    assert [item["id"] for item in json.loads(out.getvalue())] == ["c", "a"]
    out = StringIO()
    call_command("export_sources", format="bibtex", stdout=out)
    assert out.getvalue().count("@book{") + out.getvalue().count("@article{") == 3
    with pytest.raises(CommandError, match="No source with the key: zzz"):
        call_command("export_sources", keys=["a", "zzz"])


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csl-json", "bibtex"])
def test_an_exported_library_reimports_as_unchanged(fmt, tmp_path):
    """Exporting the library and importing the file again skips every source."""
    import_file(as_json(SEED), "csl-json")
    path = tmp_path / "library.out"
    call_command("export_sources", format=fmt, output=str(path))
    report = import_file(path.read_bytes(), fmt)
    assert (report.created, report.updated) == ([], [])
    assert len(report.unchanged) == 2
