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
        ({"id": "a"}, "nothing to cite it by"),
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
    ("title", "text"),
    [
        (
            r"Response to ``{C}omment on `{S}ome considerations' ''",
            "Response to “Comment on ‘Some considerations’ ”",
        ),
        (r"It's `quoted' and `opened", "It's ‘quoted’ and ‘opened"),
        (r"\`a la carte, ?`Qu\'e?", "à la carte, ¿Qué?"),
        ("Growth of 50% in a year, %\n   reported", "Growth of 50% in a year, reported"),
    ],
)
def test_latex_quotation_marks_and_percent_signs_are_read_as_written(title, text):
    """LaTeX's single quotation marks, `so', are ‘so’, as pandoc reads them (an apostrophe stays as
    written); a "%" that ends a line of a value joins it to the next, as LaTeX reads it, and any
    other "%" is a percent sign: BibTeX and biber pass it on (JabRef's abstracts hold them)."""
    record = read_one("@article{a, title = {" + title + "}}", "bibtex")
    assert record.item["title"] == text
    assert read_one(formats.write([record.item], "bibtex"), "bibtex").item["title"] == text


def test_a_backtick_in_text_is_written_to_read_back_as_one():
    """Text holding "`" (no quotation mark) is written so that it reads back unchanged."""
    item = {"id": "a", "type": "book", "title": "The ` key and `` two and ?` one"}
    assert read_one(formats.write([item], "bibtex"), "bibtex").item["title"] == item["title"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "@book{a, title = {T}\n@book{b, title = {U}}\n",
            "the entry is not closed before the entry at line 2: its closing brace is missing",
        ),
        (
            "@book{a,\n title = {T {x},\n year = 2000}\n\n@book{b, title = {U}}\n",
            "the entry is not closed before the entry at line 5: a brace opened in its title field "
            "(line 2) is not closed",
        ),
        (
            '@book{a,\n title = "T,\n year = 2000}\n@book{b, title = {U}}\n',
            "the entry is not closed before the entry at line 4: a quotation mark opened in its title "
            "field (line 2) is not closed",
        ),
    ],
)
def test_an_entry_not_closed_is_named_with_its_line_and_the_field_left_open(text, message):
    """An entry whose brace or quotation mark is not closed runs on to the next entry: it is
    named by its line and key, and the field where the brace or quotation mark was opened (the one
    whose value runs over the line of another field); the next entry is read."""
    records = formats.read(text, "bibtex")
    bad = [(record.where, record.item, record.error) for record in records if record.error]
    assert bad == [("line 1", {"id": "a"}, message)]
    assert [record.item["title"] for record in records if not record.error] == ["U"]


def test_an_entry_with_a_key_used_before_is_read_and_named_by_its_line():
    """The second entry with a key is read, named by its line only: the import takes the first
    good record with a key (``citations.services``)."""
    records = formats.read("@book{a, title = {T}}\n@book{a, title = {U}}\n", "bibtex")
    assert [(record.where, record.item["id"], record.item["title"]) for record in records] == [
        ("entry 1 (line 1)", "a", "T"),
        ("line 2", "a", "U"),
    ]


PERCENT_COMMENTS = """% Exported 2024; a comment line @book{fake, title = {Fake}}
%@ARTICLE{10.1:18,
%  TITLE = {Commented out},
%}
@ARTICLE{10.1:18,
  % AUTHOR = {Commented, Out},
  AUTHOR = {Doe, Jane}, % after a field
  TITLE  = {Real: 50% of {it} % is text},
  JOURNAL = "Quoted % text",
  YEAR   = 2019 % a bare value's comment
}
@book{after, title = {After}}
"""


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("@comment{jabref-meta: 50% done}\n@book{a, title = {T}}\n", "T"),
        ("@book(a,\n  % title = {Old},\n  title = {T (2nd)}\n)\n", "T (2nd)"),
        ('@string{pc = "50%"}\n@book{a, title = pc # " of " # {T}}\n', "50% of T"),
        ("@book{a%b,\n  title = {T}\n}\n", "T"),
    ],
)
def test_a_percent_sign_in_a_comment_block_a_string_or_a_key_is_text(text, title):
    """A ``%`` is a comment only where a field may stand: in an @comment, a @string's value and
    a key it is what the file says; a parenthesised entry's fields take comments as braced ones."""
    (record,) = formats.read(text, "bibtex")
    assert (record.error, record.item["title"]) == ("", title)


def test_a_percent_sign_outside_values_starts_a_comment_as_in_pandoc():
    """``%`` to the end of the line is a comment outside entries and between fields, as pandoc and
    biber read it; inside a braced or quoted value it is text, as BibTeX reads it. Lines are counted
    as written."""
    records = formats.read(PERCENT_COMMENTS, "bibtex")
    assert [(record.where, record.error) for record in records] == [
        ("entry 1 (line 5)", ""),
        ("entry 2 (line 12)", ""),
    ]
    item = records[0].item
    assert (item["id"], item["author"], item["issued"]) == (
        "10.1:18",
        [{"family": "Doe", "given": "Jane"}],
        {"date-parts": [[2019]]},
    )
    assert (item["title"], item["container-title"]) == ("Real: 50% of it % is text", "Quoted % text")


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


def bibtex_items(text):
    return {record.item["id"]: record.item for record in formats.read(text, "bibtex")}


def test_a_cross_referenced_book_gives_its_chapters_what_they_lack():
    """A chapter with ``crossref`` takes the book's title as its container, and its editors,
    publisher and year, not its author (biblatex's rules, as pandoc reads them); its own fields win."""
    items = bibtex_items(
        "@incollection{ch, author = {El-Husseini, Hashem}, crossref = {book}, title = {Lebanon}, "
        "pages = {227--32}}\n"
        "@book{book, editor = {Salamon, Lester M.}, author = {Someone, Else}, title = {Global Civil "
        "Society}, subtitle = {Dimensions of the Nonprofit Sector}, publisher = {Kumarian Press}, "
        "year = {2004}, pages = {400}}"
    )
    chapter = items["ch"]
    assert chapter["container-title"] == "Global Civil Society: Dimensions of the Nonprofit Sector"
    assert (chapter["title"], chapter["page"], chapter["publisher"]) == (
        "Lebanon",
        "227–32",
        "Kumarian Press",
    )
    assert chapter["author"] == [{"family": "El-Husseini", "given": "Hashem"}]
    assert chapter["editor"] == [{"family": "Salamon", "given": "Lester M."}]
    assert chapter["issued"] == {"date-parts": [[2004]]}


def test_a_field_given_twice_is_read_first_and_noted_not_refused():
    """BibDesk's and Web of Science's repeated fields: the first is read, as BibTeX reads it."""
    (record,) = formats.read(
        "@book{a, title = {The {Cambridge} History}, file = {x.pdf}, "
        "file = {y.pdf}, title = {The Cambridge History}}",
        "bibtex",
    )
    assert (record.error, record.item["title"]) == ("", "The Cambridge History")
    assert record.notes == ("the title field is given twice; the first is read, as BibTeX does",)


def test_mendeley_s_keyless_entries_are_given_keys_made_from_their_records():
    """ "@article{," (Mendeley, no key generated): each is imported under a key made from the
    first author, year and title, told apart from every other key in the file."""
    records = formats.read(
        "@article{, author = {Thomas, Ebony}, title = {The Stories}, year = {2016}}\n"
        "@article{, author = {Thomas, Ebony}, title = {Stories Still Matter}, year = {2016}}\n"
        "@article{thomas2016stories, author = {Other}, title = {T}, year = {2016}}",
        "bibtex",
    )
    assert [(record.item["id"], record.error) for record in records] == [
        ("thomas2016storiesa", ""),
        ("thomas2016storiesb", ""),
        ("thomas2016stories", ""),
    ]
    assert records[0].notes == ("it has no key; it is imported as 'thomas2016storiesa'",)


def test_values_joined_with_hash_are_joined_and_undefined_strings_named():
    """``journal = j # "and this"`` joins an @string, ``month`` macros read as months, and an
    undefined string (a file of @strings not given) is read as its name, and noted."""
    (record,) = formats.read(
        '@string{j = {a space between this }}\n@techreport(M72, author = MCDERMOTT # " and Gerald '
        'Sussman", title = "Part " # jan # {, 2}, journal = j # "and this", year = 1972)',
        "bibtex",
    )
    assert record.item["container-title"] == "a space between this and this"
    assert record.item["title"] == "Part January, 2"
    assert record.item["author"] == [{"family": "MCDERMOTT"}, {"family": "Sussman", "given": "Gerald"}]
    assert record.notes == (
        "the author field uses the string 'MCDERMOTT', which this file does not define; "
        "its name is read instead",
    )


@pytest.mark.parametrize(
    ("fields", "variable", "expected"),
    [
        ("publisher = {John Wiley & Sons, Inc}", "publisher", "John Wiley & Sons, Inc"),  # Mendeley
        (
            "howpublished = {\\href {https://www.gap-system.org} {\\texttt{GAP}}}",
            "URL",
            "https://www.gap-system.org",
        ),
        ("howpublished = {\\url{https://x.org/~a}}", "URL", "https://x.org/~a"),
        ("archiveprefix = {arXiv}, eprint = {0911.1838}", "URL", "https://arxiv.org/abs/0911.1838"),  # JabRef
        ("eprinttype = {jstor}, eprint = {1225428}", "URL", "https://www.jstor.org/stable/1225428"),
        (
            "DOI = {{10.1016/j.buildenv.2018.07.033}}",
            "DOI",
            "10.1016/j.buildenv.2018.07.033",
        ),  # Web of Science
        ("year = {{2018}}, month = {{OCT 1}}", "issued", {"date-parts": [[2018, 10, 1]]}),  # Web of Science
        ("year = {2013}, month = {31}", "issued", {"date-parts": [[2013]]}),  # Mendeley: not a month
        ("year = {1994}, month = {September 22 - 26}", "issued", {"date-parts": [[1994, 9]]}),  # pandoc: 1994
        ("subtitle = {(nicht nur) für Informatiker}", "title", "T: (nicht nur) für Informatiker"),
        ("title = {Fleece: {I}mperial pre\\-{C}olumbian}", "title", "Fleece: Imperial preColumbian"),
        ("title = {Blah \\emph{emph} and \\enquote{enquote}}", "title", "Blah <i>emph</i> and “enquote”"),
        (
            "title = {Cuprous oxide ({Cu$_2$O}) at 100 $\\mu$J}",
            "title",
            "Cuprous oxide (Cu<sub>2</sub>O) at 100 μJ",
        ),
        ("title = {See \\href{https://a.org}}", "title", "See https://a.org"),  # no text: not a crash
        (
            "author = {Fang, J.J. and Roux, J.-P.}",
            "author",
            [{"family": "Fang", "given": "J. J."}, {"family": "Roux", "given": "J.-P."}],
        ),
        (
            "author = {Madelung, O. and others}",
            "author",
            [{"family": "Madelung", "given": "O."}, {"literal": "others"}],
        ),
        (
            "editor = {Forman, Miloš}, editortype = {director}",
            "director",
            [{"family": "Forman", "given": "Miloš"}],
        ),
        # biblatex's own forms (its manual's examples, pandoc's tests of them)
        (
            "author = {family=Goethe, given=Johann Wolfgang, prefix=von, useprefix=false and "
            "given=Antonie, prefix=van, family=Leeuwenhoek, useprefix=true}",
            "author",
            [
                {"family": "Goethe", "given": "Johann Wolfgang", "dropping-particle": "von"},
                {"family": "Leeuwenhoek", "given": "Antonie", "non-dropping-particle": "van"},
            ],
        ),
        ("type = {resreport}", "genre", "research report"),
        ("type = {patentus}", "genre", "U.S. patent"),
        ("series = {newseries}", "collection-title", "new series"),
        ("title = {Methodology\\hyphen independent}", "title", "Methodology-independent"),
        ("origyear = 1959", "original-date", {"date-parts": [[1959]]}),
        ("langid = {american}", "language", "en-US"),  # English: titles take headline style
        ("langid = {ngerman}", "language", "de-DE"),
    ],
)
def test_real_bibtex_forms_read_as_pandoc_reads_them(fields, variable, expected):
    """Forms found in real .bib files (Better BibTeX's import fixtures) read as pandoc reads them,
    or better: math as rich text, not TeX; a Web of Science DOI without its braces."""
    item = read_one(f"@book{{a, {fields}, title = {{T}}}}", "bibtex").item
    assert item.get(variable) == expected


def test_a_thesis_s_publisher_is_its_university_not_its_database():
    """``school`` before ``publisher`` ("ProQuest Dissertations and Theses Global"): Chicago cites
    a dissertation by its university (CMOS 14.224)."""
    item = read_one(
        "@phdthesis{a, title = {T}, school = {University of Wisconsin-Madison}, "
        "publisher = {ProQuest Dissertations and Theses Global}, year = {2016}}",
        "bibtex",
    ).item
    assert item["publisher"] == "University of Wisconsin-Madison"


def test_an_endnote_entry_without_a_key_is_named_with_a_hint():
    """EndNote's "@article{ author = …" cannot be parsed; the reason says what is likely wrong."""
    (record,) = formats.read("@article{\n author = {Huang, Y.},\n title = {T}\n}", "bibtex")
    assert record.error.endswith("; the entry may have no key")


def test_a_part_of_a_book_by_one_author_takes_the_book_s_author():
    """biblatex's inheritance: an @inbook without an author is by the author of its @book."""
    items = bibtex_items(
        "@inbook{hamlet, crossref = {works}, title = {Hamlet}}\n"
        "@book{works, author = {Shakespeare, William}, title = {Collected Works}, year = {1623}}"
    )
    assert items["hamlet"]["author"] == [{"family": "Shakespeare", "given": "William"}]
    assert items["hamlet"]["container-title"] == "Collected Works"


# Entries as Windy City's windycity.bib (a biblatex style of the 17th edition, LPPL 1.3c) writes them.
WINDY_CITY_COMMENTS = """% @book{hidden, title = {A Commented-Out Entry}}
@Book{morrison2004a,% see also 14.110
  author = {Morrison, Toni},
  title = {Beloved},
  address = {New York},
  publisher = {Vintage International},
  year = {2004}
}
@Book{barzun1994,
  author = {Barzun, Jacques},
  title = {Simple and Direct},
%  edition = {rev. ed.},% alternative to below:
  edition = {revised},
  url = "https://example.org/a%20b",
  note = {50\\% {of} it},
  year = {1994} % after a bare value
}
@Book{oring,
  editor = {Oring, James},
  title = {Seven Trips beyond the Asteroid Belt},
%  year = {forthcoming}% alternative to below:
  pubstate = {forthcoming}
}
"""


def test_percent_comments_are_left_out_as_biber_and_pandoc_read_them():
    """A "%" outside an entry or between its fields comments out the rest of its line: the field after
    "@Book{morrison2004a,% see also 14.110" is still the author, a commented-out field or entry is
    not read; a "%" in a value ("a%20b", "50\\%") is text. Lines keep their numbers."""
    records = formats.read(WINDY_CITY_COMMENTS, "bibtex")
    assert [record.where for record in records] == [
        "entry 1 (line 2)",
        "entry 2 (line 9)",
        "entry 3 (line 18)",
    ]
    items = {record.item["id"]: record.item for record in records}
    assert items["morrison2004a"]["author"] == [{"family": "Morrison", "given": "Toni"}]
    barzun = items["barzun1994"]
    assert (barzun["edition"], barzun["URL"], barzun["note"]) == (
        "revised",
        "https://example.org/a%20b",
        "50% of it",
    )
    assert barzun["issued"] == {"date-parts": [[1994]]}
    assert items["oring"]["issued"] == {"literal": "forthcoming"}


@pytest.mark.parametrize(
    ("year", "issued"),
    [
        ("1962–64", {"date-parts": [[1962], [1964]]}),
        ("1853--54", {"date-parts": [[1853], [1854]]}),
        ("1992–", {"date-parts": [[1992], [0]]}),
        ("1999–01", {"date-parts": [[1999]]}),
    ],
)
def test_a_range_of_years_as_chicago_writes_it_is_read_whole(year, issued):
    """Windy City's multivolume works (CMOS 17 14.116, 14.118) give ``year = {1962–64}``, its end
    shortened as Chicago shortens it (9.64), or ``{1992–}`` for one still appearing: the range is
    read, not its first year alone."""
    assert (
        read_one(f"@collection{{james1962, title = {{T}}, year = {{{year}}}}}", "bibtex").item["issued"]
        == issued
    )


def test_latex_s_single_quotation_marks_are_read_as_curly_ones():
    """``title = {`Crossing Brooklyn Ferry'}`` (Windy City's coffman1954, CMOS 17 14.57): LaTeX's "`"
    opens a single quotation, which a note nests inside its double ones."""
    item = read_one("@article{coffman1954, title = {`Crossing Brooklyn Ferry'}}", "bibtex").item
    assert item["title"] == "‘Crossing Brooklyn Ferry’"


def test_formatting_in_a_publisher_is_read_as_its_text():
    """``organization = {\\emph{Merriam-Webster}}`` (Windy City's merriam2016, CMOS 17 14.233): the
    styles print a publisher as plain text, so its LaTeX italics are not kept as ``<i>`` tags, which
    would show as written; a title keeps them."""
    item = read_one(
        "@reference{merriam2016, organization = {\\emph{Merriam-Webster}}, title = {app \\emph{(n.)}}}",
        "bibtex",
    ).item
    assert (item["publisher"], item["title"]) == ("Merriam-Webster", "app <i>(n.)</i>")


def test_a_letter_cross_referencing_a_book_is_printed_in_it():
    """Windy City's adams1867 (CMOS 17 14.111): a ``@letter`` whose ``crossref`` is the collection
    printing it takes the collection's title as its container and the collection's author as its own."""
    items = bibtex_items(
        "@Letter{adams1867, title = {Adams to Charles Milnes Gaskell, Baden, September 22, 1867},"
        " crossref = {adams1930}}\n"
        "@Collection{adams1930, author = {Adams, Henry}, editor = {Ford, Worthington Chauncey},"
        " title = {Letters of Henry Adams, 1858–1891}, address = {Boston}, publisher = {Houghton Mifflin},"
        " year = {1930}}"
    )
    letter = items["adams1867"]
    assert (letter["title"], letter["container-title"]) == (
        "Adams to Charles Milnes Gaskell, Baden, September 22, 1867",
        "Letters of Henry Adams, 1858–1891",
    )
    assert letter["author"] == [{"family": "Adams", "given": "Henry"}]


def test_a_volume_s_multivolume_work_is_read_from_maintitle_as_pandoc_reads_it():
    """Windy City's farwell1997 and lach1977 (CMOS 17 14.121): biblatex's ``maintitle`` is the work a
    volume belongs to, the CSL title, and the volume's own title its ``volume-title``; in a part of a
    volume, the work is the container. ``part`` ("bk. 3") is the part's number."""
    items = bibtex_items(
        "@Book{lach1977, author = {Lach, Donald}, title = {The Scholarly Disciplines}, volume = {2},"
        " part = {bk. 3}, maintitle = {Asia in the Making of Europe}, year = {1977}}\n"
        "@InCollection{chen2010, author = {Chen Jian}, title = {China and the Cold War after Mao},"
        " booktitle = {Endings}, maintitle = {The Cambridge History of the Cold War}, volume = {3}}"
    )
    lach = items["lach1977"]
    assert (lach["title"], lach["volume-title"], lach["volume"], lach["part-number"]) == (
        "Asia in the Making of Europe",
        "The Scholarly Disciplines",
        "2",
        "bk. 3",
    )
    chen = items["chen2010"]
    assert (chen["title"], chen["container-title"], chen["volume-title"]) == (
        "China and the Cold War after Mao",
        "The Cambridge History of the Cold War",
        "Endings",
    )


def test_a_biblatex_standard_is_read_as_a_standard():
    """Windy City's iso1997 (CMOS 17 14.259, "International Organization for Standardization,
    <i>Information and Documentation …</i>, ISO 4 (Paris: ISO, 1997)"): ``@standard`` is CSL's
    ``standard``, which the styles cite by its organisation and number, not a statute's form that
    leaves them out (pandoc reads it as ``legislation``)."""
    item = read_one(
        "@Standard{iso1997, author = {{International Organization for Standardization}},"
        " title = {Information and Documentation}, number = {ISO 4}, address = {Paris},"
        " publisher = {ISO}, year = {1997}}",
        "bibtex",
    ).item
    assert (item["type"], item["number"], item["author"]) == (
        "standard",
        "ISO 4",
        [{"literal": "International Organization for Standardization"}],
    )


REVIEWS = """@Review{ratliff1999, author = {Ratliff, Ben}, journal = {Lingua Franca}, volume = {9},
  date = {1999-04}, pages = {B13–B14}, crossref = {vianna1999}}
@Review{kamp2006, author = {Kamp, David}, title = {Deconstructing Dinner}, journal = {New York Times},
  date = {2006-04-23}, crossref = {pollan2006}}
@Book{vianna1999, author = {Vianna, Hermano}, title = {The Mystery of Samba},
  subtitle = {Popular Music and National Identity in Brazil}, translator = {Chasteen, John Charles},
  address = {Chapel Hill}, publisher = {University of North Carolina Press}, year = {1999}}
@Book{pollan2006, author = {Pollan, Michael}, title = {The Omnivore's Dilemma}, year = {2006}}
"""


def test_a_review_cross_references_the_work_it_reviews():
    """Windy City's ratliff1999 and kamp2006 (CMOS 17 14.202): a ``@review`` is CSL's review, and the
    entry its ``crossref`` names is the work reviewed, its title and author the reviewed ones, not
    the review's own publisher, translator or year; an untitled review holds the work's title as its
    own, as Zotero holds it ("Ben Ratliff, review of <i>The Mystery of Samba …</i>, by Hermano
    Vianna")."""
    items = bibtex_items(REVIEWS)
    ratliff, kamp = items["ratliff1999"], items["kamp2006"]
    assert ratliff["type"] == kamp["type"] == "review"
    assert ratliff["title"] == "The Mystery of Samba: Popular Music and National Identity in Brazil"
    assert ratliff["reviewed-author"] == [{"family": "Vianna", "given": "Hermano"}]
    assert not {"publisher", "translator", "reviewed-title"} & set(ratliff)
    assert ratliff["issued"] == {"date-parts": [[1999, 4]]}
    assert (kamp["title"], kamp["reviewed-title"]) == ("Deconstructing Dinner", "The Omnivore's Dilemma")
