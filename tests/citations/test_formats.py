"""Reading CSL-JSON and BibTeX as people have them, and writing what reads back unchanged."""

import datetime
import json

import pytest

from citations import formats
from citations.formats.csljson import RecordError, item_to_fields
from citations.models import Source


def read_one(text, fmt):
    (record,) = formats.read(text, fmt)
    return record


def fields_of(item):
    return item_to_fields(item)[0]


def test_zotero_raw_and_literal_dates_are_read():
    """Dates given as raw or literal text are read to their precision."""
    assert fields_of({"id": "a", "title": "T", "issued": {"raw": "2013-02-22"}})["issued_day"] == 22
    literal = fields_of({"id": "a", "title": "T", "issued": {"literal": "February 2013"}})
    assert (literal["issued_year"], literal["issued_month"], literal["issued_day"]) == (2013, 2, None)
    assert fields_of({"id": "a", "title": "T", "issued": {"date-parts": [["1859"]]}})["issued_year"] == 1859


def test_zotero_name_parts_are_kept_and_unknown_ones_dropped():
    """Particles, suffixes and literal names survive; citeproc's flags are dropped."""
    names = [
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van", "parse-names": False},
        {"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr.", "comma-suffix": True},
        {"literal": "World Health Organization"},
    ]
    assert fields_of({"id": "a", "title": "T", "author": names})["authors"] == [
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        {"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "World Health Organization"},
    ]


@pytest.mark.parametrize(
    ("csl_type", "expected"),
    [
        ("paper-conference", "chapter"),
        ("thesis", "report"),
        ("motion_picture", "broadcast"),
        ("bogus", "book"),
    ],
)
def test_unknown_types_map_to_the_nearest_supported_type(csl_type, expected):
    """A type this library does not format becomes its nearest kin, and is counted."""
    fields, mapped, _notes = item_to_fields({"id": "a", "title": "T", "type": csl_type})
    assert (fields["type"], mapped) == (expected, True)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"title": "T"}, "no id"),
        ({"id": "a"}, "no title"),
        ({"id": "a", "title": "T", "issued": {"date-parts": [[2013, 17]]}}, "Month 17"),
        ({"id": "a", "title": "T", "issued": {"date-parts": [[2013, 2, 30]]}}, "no day 30"),
        ({"id": "a", "title": "T", "issued": {"date-parts": [["spring"]]}}, "not a number"),
        ({"id": "a", "title": "T", "author": "Drew Hinshaw"}, "list of objects"),
        (
            {"id": "a", "title": "T", "author": [{"family": "Coker"}, {"suffix": "Jr."}]},
            "Name 2 needs a family",
        ),
        ({"id": "a", "title": "T\x00"}, "NUL"),
    ],
)
def test_a_record_that_cannot_be_stored_is_refused_with_the_reason(item, message):
    """A record without id or title, or with impossible dates or names, is refused, saying why."""
    with pytest.raises(RecordError, match=message):
        item_to_fields(item)


BIBTEX = r"""
@article{satterfield2016,
  author = {Satterfield, Susan},
  title = {Livy and the {Pax Deum}},
  journaltitle = {Classical Philology},
  volume = 111, number = 2, pages = {165--186},
  year = 2016, month = apr,
  doi = {10.1086/685754}
}
@incollection{kelly2010,
  author = {John D. Kelly},
  editor = {Kelly, John D. and Jauregui, Beatrice and {Sean T.} Mitchell},
  title = {Seeing Red},
  booktitle = {Anthropology and Global Counterinsurgency},
  publisher = {University of Chicago Press}, location = {Chicago}, year = {2010}
}
@techreport{who2020, author = {{World Health Organization}}, title = {Report},
  institution = {WHO}, year = 2020}
@misc{page, title = {A page}, url = {https://example.org/~me/a%20b}}
@inproceedings{conf, author = {M{\"u}ller, J{\"o}rg and van der Berg, Anna and King, Jr., Martin Luther},
  title = {{\AE}sthetics \& {E}thics}, booktitle = {Proc.}, year = {1999}, month = {September}}
"""


def test_bibtex_entries_become_csl_items():
    """Entry types, containers, pages, months and DOIs map to their CSL variables."""
    records = formats.read(BIBTEX, "bibtex")
    article = records[0].item
    assert article["type"] == "article-journal"
    assert article["title"] == "Livy and the Pax Deum"
    assert article["container-title"] == "Classical Philology"
    assert article["page"] == "165–186"
    assert fields_of(article)["issued_month"] == 4
    assert article["DOI"] == "10.1086/685754"
    assert records[1].item["type"] == "chapter"
    assert records[1].item["publisher-place"] == "Chicago"
    assert [record.mapped for record in records] == [False, False, False, True, True]


def test_bibtex_names_in_every_form_are_read():
    """ "Family, Given", "Given Family", particles, suffixes and {Organisations} are all understood."""
    records = formats.read(BIBTEX, "bibtex")
    assert records[1].item["author"] == [{"family": "Kelly", "given": "John D."}]
    assert records[1].item["editor"][2] == {"family": "Mitchell", "given": "Sean T."}
    assert records[2].item["author"] == [{"literal": "World Health Organization"}]
    assert records[4].item["author"] == [
        {"family": "Müller", "given": "Jörg"},
        {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
    ]


def test_bibtex_latex_is_decoded_but_urls_are_kept_verbatim():
    """Accents, escapes and braces are decoded; a URL's ~ and % are left alone."""
    records = formats.read(BIBTEX, "bibtex")
    assert records[4].item["title"] == "Æsthetics & Ethics"
    assert records[3].item["URL"] == "https://example.org/~me/a%20b"


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("@book{a, title = {T}}\n@book{a, title = {U}}\n", "line 2", "the key 'a' is used twice"),
        ("@book{a, title = {T}\n@book{b, title = {U}}\n", "line 1", "Unexpected block start"),
    ],
)
def test_malformed_bibtex_is_reported_by_line(text, where, message):
    """A broken entry or a key used twice is a record with its line and the reason, the rest are read."""
    records = formats.read(text, "bibtex")
    bad = [record for record in records if record.error]
    assert [(record.where, message in record.error) for record in bad] == [(where, True)]
    assert [record.item["title"] for record in records if not record.error] == [
        "T" if "a'" in message else "U"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[{"id": "a"', "Not valid JSON"),
        (b'{"id": "a", "title": "T"}\x00', "NUL byte at position 25"),
        (b"\xff\xfe[]", "not UTF-8"),
        (b'"just a string"', "holds a list"),
    ],
)
def test_unreadable_csl_json_files_are_reported(data, message):
    """Broken JSON, binary files and the wrong shape are reported, not raised as crashes."""
    with pytest.raises(formats.FormatError, match=message):
        formats.read(data, "csl-json")


def every_type_with_every_field():
    """One Source of each type with every field set, names of every shape included."""
    names = [
        {"family": "Hinshaw", "given": "Drew"},
        {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
        {"family": "Tocqueville", "given": "Alexis", "dropping-particle": "de"},
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."},
        {"literal": "Smith, Barney & Co."},
    ]
    sources = []
    for number, kind in enumerate(Source.Type.values, 1):
        source = Source(
            key=f"{kind}:{number}",
            type=kind,
            title=f'Title {number}: {{braces}} & "quotes" -- 50% of $5 #1 a_b ~x^2 \\ Müller',
            short_title=f"Short {number}",
            container_title=f"Container {number} & Sons",
            authors=names,
            editors=[{"family": "Peabody", "given": "Elizabeth P."}, {"literal": "The Editors"}],
            publisher="John W. Parker and Son",
            publisher_place="London",
            issued_year=2013,
            issued_month=2,
            issued_day=22,
            url=f"https://example.org/{number}?a=1&b=%20~x",
            archive_url=f"https://web.archive.org/web/2013/https://example.org/{number}",
            accessed=datetime.date(2024, 1, 31),
            volume="111",
            issue="2",
            page="189-211",
            doi=f"10.1000/xyz{number}",
            isbn="978-0-226-10420-1",
            annotation="A private note.\nOn two lines.",
        )
        source.full_clean(validate_unique=False)
        sources.append(source)
    return sources


@pytest.mark.parametrize("fmt", ["csl-json", "bibtex"])
def test_what_is_exported_imports_back_unchanged(fmt):
    """Every field of every type survives a write and a read in both formats."""
    sources = every_type_with_every_field()
    text = formats.write([source.as_csl() for source in sources], fmt)
    records = formats.read(text, fmt)
    assert [record.item["id"] for record in records] == [source.key for source in sources]
    for source, record in zip(sources, records, strict=True):
        fields = fields_of(record.item)
        for name in ["key", *Source.RECORD_FIELDS]:
            assert fields[name] == getattr(source, name), (fmt, source.type, name)


@pytest.mark.parametrize("precision", [(1859, None, None), (1787, 11, None)])
def test_partial_dates_round_trip_in_bibtex(precision):
    """A year alone, or a year and month, come back at the same precision."""
    year, month, day = precision
    source = Source(key="k", type="book", title="T", issued_year=year, issued_month=month, issued_day=day)
    record = read_one(formats.write([source.as_csl()], "bibtex"), "bibtex")
    fields = fields_of(record.item)
    assert (fields["issued_year"], fields["issued_month"], fields["issued_day"]) == precision


def test_csl_json_export_is_plain_utf8_json():
    """The CSL-JSON export is a JSON list that keeps non-ASCII text readable."""
    text = formats.write([{"id": "a", "type": "book", "title": "Müller"}], "csl-json")
    assert json.loads(text) == [{"id": "a", "type": "book", "title": "Müller"}]
    assert "Müller" in text
