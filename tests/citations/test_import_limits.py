"""Hostile CSL-JSON and BibTeX: linear parsing within named limits, and a clear error.

Property tests build nested, long and repetitive shapes; whatever the shape, reading a
file either gives records (each good, or with its error) or raises ``FormatError``, and
importing raises only ``ImportFailed`` — never RecursionError, never a 500. A limit of
the file (its size, its records, the nesting the JSON decoder sees) refuses the file; a
limit of one record (a value's length or nesting, its names) skips that record.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pylatexenc import latexwalker
from pylatexenc.latex2text import LatexNodes2Text

from citations import formats
from citations.formats.latex import latex_to_text
from citations.models import Source
from citations.services import ImportFailed, import_file
from tests.imports.pages import finished_page

IMPORT = reverse("admin:citations_source_import")
DEPTH, NAMES = "CITATIONS_IMPORT_MAX_DEPTH", "CITATIONS_IMPORT_MAX_NAMES"
RECORDS = "CITATIONS_IMPORT_MAX_RECORDS"
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def entry(fields: str) -> str:
    return "@book{key, title = {T}, " + fields + "}\n"


def limit_error(text, fmt):
    """The message of the file's ``FormatError``, or else of its first record's error."""
    try:
        records = formats.read(text, fmt)
    except formats.FormatError as error:
        return str(error)
    return next(record.error for record in records if record.error)


def read_or_format_error(text, fmt):
    """Read ``text``; only ``FormatError`` may come out of it."""
    try:
        return formats.read(text, fmt)
    except formats.FormatError as error:
        assert str(error)
        return None


# Shapes that cost parsers dear: nesting, repetition, long runs.
json_shapes = st.one_of(
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),
    st.integers(1, 3000).map(
        lambda n: '[{"id": "a", "title": "T", "note": ' + '{"a": ' * n + "1" + "}" * n + "}]"
    ),
    st.integers(1, 3000).map(lambda n: "[" * n),
    st.integers(1, 3000).map(
        lambda n: '[{"id": "a", "title": "T", "author": [' + ",".join(['{"family": "F"}'] * n) + "]}]"
    ),
    st.integers(1, 50_000).map(lambda n: '[{"id": "a", "title": "' + "x" * n + '"}]'),
    st.integers(1, 20).map(lambda n: json.dumps([{"id": f"k{i}", "title": "T"} for i in range(n)])[: n * 7]),
    st.text(alphabet='[]{}",:0a\\ ', max_size=300),
)

latex_pieces = st.sampled_from(
    ["{", "}", "\\", "\\'", "\\'{", "\\begin{a}", "\\end{a}", "\\(", "\\)", "\\[", "\\]", "$", "~",
     "%", "#", "&", "_", "^", "--", "``", "a", "é", " ", ",", "\\textbf", "\\foo[", "\\verb|", "\\\\"]
)  # fmt: skip
name_pieces = st.sampled_from(
    [
        " and ",
        "and",
        ",",
        ", ",
        "{",
        "}",
        "\\",
        "van ",
        "de ",
        "Jr",
        "Ann",
        "b",
        " ",
        "~",
        "\\'e",
        "{\\'e}",
        "-",
    ]
)


def repeated(pieces, max_size):
    return st.lists(pieces, max_size=max_size).map("".join) | st.tuples(pieces, st.integers(1, 4000)).map(
        lambda args: args[0] * args[1]
    )


@pytest.mark.django_db
@PROPERTY
@given(json_shapes)
def test_hostile_csl_json_gives_records_or_a_format_error(text):
    """Nested, long, repeated or truncated CSL-JSON is read or refused with FormatError, imports whole."""
    read_or_format_error(text, "csl-json")
    try:
        import_file(text.encode(), "csl-json")
    except ImportFailed as failure:
        assert failure.errors


@PROPERTY
@given(repeated(latex_pieces, 200))
def test_hostile_latex_in_a_bibtex_field_gives_records_or_a_format_error(value):
    """Any run of braces, macros, environments and math in a BibTeX value is decoded or refused clearly."""
    read_or_format_error(entry("note = {" + value + "}"), "bibtex")
    read_or_format_error(entry('note = "' + value + '"'), "bibtex")


@PROPERTY
@given(repeated(name_pieces, 200))
def test_hostile_bibtex_names_give_names_or_a_format_error(value):
    """Thousands of "and"s, commas, braces or particles in a name list are split or refused clearly."""
    read_or_format_error(entry('author = "' + value + '"'), "bibtex")
    read_or_format_error(entry("editor = {" + value + "}"), "bibtex")


@PROPERTY
@given(
    repeated(
        st.sampled_from(["@", "@a{", "@book{k,", "{", "}", "=", ",", '"', "\n", "@string{s = ", "(", ")"]),
        300,
    )
)
def test_hostile_bibtex_files_give_records_or_a_format_error(text):
    """Runs of entry starts, braces, quotes and separators are read or refused with FormatError."""
    read_or_format_error(text, "bibtex")


@pytest.mark.parametrize(
    ("fmt", "text", "setting"),
    [
        ("csl-json", "[" * 5000 + "]" * 5000, "CITATIONS_IMPORT_MAX_DEPTH"),
        ("csl-json", '[{"id": "a", "title": "T", "x": ' + "[" * 30 + "]" * 30 + "}]", DEPTH),
        ("bibtex", entry("note = {" + "{" * 5000 + "}" * 5000 + "}"), "CITATIONS_IMPORT_MAX_DEPTH"),
        ("bibtex", entry("note = {" + "\\begin{x}" * 100 + "}"), "CITATIONS_IMPORT_MAX_DEPTH"),
        ("bibtex", entry("note = {" + "x" * 30_000 + "}"), "CITATIONS_IMPORT_MAX_FIELD_LENGTH"),
        ("csl-json", json.dumps([{"id": "a", "title": "x" * 30_000}]), "CITATIONS_IMPORT_MAX_FIELD_LENGTH"),
        ("bibtex", entry("author = {" + " and ".join(["Ann Bo"] * 600) + "}"), "CITATIONS_IMPORT_MAX_NAMES"),
        ("csl-json", json.dumps([{"id": "a", "title": "T", "author": [{"family": "F"}] * 600}]), NAMES),
        ("bibtex", "@a{" * 20_000, "CITATIONS_IMPORT_MAX_RECORDS"),
        ("csl-json", json.dumps([{"id": f"k{i}", "title": "T"} for i in range(10_001)]), RECORDS),
    ],
)  # fmt: skip
def test_each_limit_is_named_in_its_error(fmt, text, setting):
    """A file or record beyond a limit is refused with a message naming the setting that holds the limit."""
    assert setting in limit_error(text, fmt)


def test_the_limits_are_settings(settings):
    """Lowering a limit in the settings applies it at once."""
    settings.CITATIONS_IMPORT_MAX_DEPTH = 2
    assert "deeper than 2 levels" in limit_error(entry("note = {{{{x}}}}"), "bibtex")
    settings.CITATIONS_IMPORT_MAX_NAMES = 1
    assert "2 names; the limit is 1" in limit_error(entry("author = {Ann Bo and Cy Do}"), "bibtex")
    settings.CITATIONS_IMPORT_MAX_BYTES = 10
    with pytest.raises(formats.FormatError, match="CITATIONS_IMPORT_MAX_BYTES"):
        formats.read(entry(""), "bibtex")


def test_unmatched_closing_braces_in_a_name_are_dropped():
    """A name with thousands of unmatched "}" is read (without them) in linear time."""
    [record] = formats.read(entry('author = "Darwin' + "}" * 5000 + ', Charles"'), "bibtex")
    assert record.item["author"] == [{"family": "Darwin", "given": "Charles"}]


def test_many_lowercase_given_names_are_a_dropping_particle():
    """Lower-case words after a given name stay the dropping particle, however many."""
    [record] = formats.read(entry("author = {Tocqueville, Alexis" + " de" * 3000 + "}"), "bibtex")
    assert record.item["author"][0]["dropping-particle"] == " ".join(["de"] * 3000)


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("csl-json", '[{"id": "a", "title": "T"}, {"id": "b", "ti', "may be truncated"),
        ("bibtex", "@book{a, title = {T}}\n@book{b, title = {Half", "not closed by the end of the file"),
    ],
)
def test_a_truncated_file_is_a_clear_error(fmt, text, message):
    """A file cut off part-way is refused (JSON) or its last entry is (BibTeX), saying so."""
    assert message in limit_error(text, fmt)


@pytest.mark.django_db
def test_a_deeply_nested_upload_fails_its_import_naming_the_limit(admin_client):
    """A nested file fails its import, the page naming the limit; nothing is imported."""
    upload = SimpleUploadedFile("library.json", b"[" * 100_000 + b"]" * 100_000)
    page = finished_page(admin_client, admin_client.post(IMPORT, {"file": upload}))
    assert "CITATIONS_IMPORT_MAX_DEPTH" in page
    assert not Source.objects.exists()


@pytest.mark.django_db
def test_a_nested_bibtex_file_ends_the_command_with_one_line(tmp_path):
    """``import_sources --strict`` reports a record's limit as a one-line CommandError and imports nothing."""
    path = tmp_path / "deep.bib"
    path.write_text(
        entry("good = {x}") + entry("note = {" + "{" * 3000 + "}" * 3000 + "}").replace("key", "k2")
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_sources", str(path), strict=True)
    assert "\n" not in str(raised.value)
    assert "CITATIONS_IMPORT_MAX_DEPTH" in str(raised.value)
    assert not Source.objects.exists()


accent_pieces = st.sampled_from(
    ["\\'", "\\`", '\\"', "\\^", "\\~", "\\=", "\\.", "{", "}", "e", "E", "n", " ", "-", "'"]
)


@PROPERTY
@given(st.lists(accent_pieces, max_size=30).map("".join))
def test_the_quick_reading_of_accents_agrees_with_pylatexenc(value):
    """Simple accents and braces, read without pylatexenc, give what pylatexenc gives."""
    nodes = latexwalker.LatexWalker(value, tolerant_parsing=True).get_latex_nodes()[0]
    expected = LatexNodes2Text(math_mode="verbatim", strict_latex_spaces=True).nodelist_to_text(nodes)
    assert latex_to_text(value) == " ".join(expected.split())


def test_a_broken_file_does_not_fill_the_log(caplog, capfd):
    """bibtexparser's and pylatexenc's per-block warnings stay out of the site's log and stderr."""
    text = "@a" * 500 + "@misc{k, title={\\unknownmacro " * 50
    with caplog.at_level("DEBUG"):
        assert all(record.error for record in formats.read(text, "bibtex"))
    assert [r for r in caplog.records if r.name.startswith(("bibtexparser", "pylatexenc"))] == []
    assert capfd.readouterr().err == ""
