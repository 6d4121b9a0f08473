"""Real-world records (``data/``, origins in its README): imported whole, bad ones named,
and exported again without loss — identical through CSL-JSON, and through BibTeX for
every variable BibTeX has a field for."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse

from citations import dates, formats
from citations.exports import export_sources
from citations.models import Source
from citations.services import import_file

DATA = Path(__file__).parent / "data"
ZOTERO = (DATA / "zotero-library.json").read_bytes()
# A Zotero group library of the Manual's 18th-edition examples (bench/data/README.md).
CMOS18_LIBRARY = (Path(__file__).parents[2] / "bench" / "data" / "cmos18-examples.json").read_bytes()
BIBTEX = (DATA / "real-world.bib").read_bytes()

# The CSL variables BibTeX (biblatex) has a field for; dates compare by meaning.
BIBTEX_VARIABLES = [
    *("type", "title", "container-title", "author", "editor", "translator", "publisher"),
    *("publisher-place", "volume", "issue", "page", "edition", "collection-title", "number"),
    *("genre", "language", "abstract", "note", "URL", "DOI", "ISBN", "ISSN", "archive_location"),
    *("archive", "number-of-pages", "status", "collection-number", "chapter-number", "version"),
    *("title-short", "container-title-short", "event-title", "event-place", "container-author"),
    *("number-of-volumes", "original-title", "original-publisher", "original-publisher-place"),
    *("director", "compiler", "organizer"),
]
BIBTEX_DATES = ["issued", "original-date", "event-date", "accessed"]
# Zotero's spellings of CSL variables, read back under CSL's names.
SPELLINGS = {"title-short": "shortTitle", "container-title-short": "journalAbbreviation"}
NOCASE = re.compile(r'<span class="nocase">(.*?)</span>')


def held(variable, item):
    """What BibTeX holds of a variable, for comparing a record before and after it. Forms BibTeX
    cannot tell apart compare by meaning, each for its reason:

    - a name's empty part ("given": "") is no part: a BibTeX name has only the parts it spells;
    - a given name ending in lower-case words ("Felix von") comes back with them as a dropping
      particle: "Weingartner, Felix von" is how BibTeX spells both, and a particle is what
      pandoc and this library read there;
    - a title's case-protecting span is braces, and so are its capitals: both read as text;
      small caps have one spelling in LaTeX;
    - a value's spaces are LaTeX's: runs of them one space, none at the ends.
    """
    value = item.get(variable) or item.get(SPELLINGS.get(variable, ""))
    if isinstance(value, list) and all(isinstance(name, dict) for name in value):
        return [without_particle({part: text for part, text in name.items() if text}) for name in value]
    if variable in ("title", "title-short") and isinstance(value, str):
        value = NOCASE.sub(r"\1", value).replace('<span style="font-variant:small-caps;">', "<sc>")
        value = value.replace("Iss</span>", "Iss</sc>")  # the Zotero library's one small-caps span
    return value.strip() if isinstance(value, str) else value


def without_particle(name):
    if "dropping-particle" in name:
        name["given"] = " ".join(filter(None, [name.get("given"), name.pop("dropping-particle")]))
    return name


def exported(fmt):
    return export_sources(Source.objects.order_by("key"), fmt)


def by_key(items):
    return {str(item["id"]): item for item in items}


@pytest.mark.django_db
def test_a_zotero_export_imports_whole_and_exports_identical():
    """Every record of a real Zotero CSL-JSON export is imported and exported unchanged
    (key order aside): types, translators, editions, seasons, literal dates, markup, numeric ids."""
    report = import_file(ZOTERO, "csl-json")
    assert (len(report.created), report.skipped) == (14, [])
    assert by_key(json.loads(exported("csl-json"))) == by_key(json.loads(ZOTERO))


@pytest.mark.django_db
def test_a_library_of_the_manual_s_examples_imports_whole_untitled_works_too():
    """403 records, 51 of them untitled as the Manual cites them (letters, comments, interviews,
    wills, a magazine's department, statutes): all imported, all exported unchanged."""
    report = import_file(CMOS18_LIBRARY, "csl-json")
    assert (len(report.created), report.skipped) == (403, [])
    assert by_key(json.loads(exported("csl-json"))) == by_key(json.loads(CMOS18_LIBRARY))


@pytest.mark.django_db
def test_an_edited_field_is_exported_over_the_full_record(admin_client):
    """A title changed in the admin is exported; the variables the admin does not show stay."""
    import_file(ZOTERO, "csl-json")
    source = Source.objects.get(key="lahiri2016")
    source.title = "In Other Words (Bilingual Edition)"
    source.issued_year, source.issued_month, source.issued_day = 2017, None, None
    source.save()
    [item] = json.loads(export_sources([Source.objects.get(key="lahiri2016")], "csl-json"))
    original = by_key(json.loads(ZOTERO))["lahiri2016"]
    assert item == {
        **original,
        "title": "In Other Words (Bilingual Edition)",
        "issued": {"date-parts": [[2017]]},
    }


def through_bibtex(library, count):
    """The library imported, exported as BibTeX, wiped, imported from that BibTeX and exported
    as CSL-JSON: before and after, by key."""
    import_file(library, "csl-json")
    bibtex = exported("bibtex")
    Source.objects.all().delete()
    report = import_file(bibtex.encode(), "bibtex")
    assert (len(report.created), report.skipped) == (count, [])
    return by_key(json.loads(library)), by_key(json.loads(exported("csl-json")))


def assert_bibtex_holds(before, after):
    for key, item in before.items():
        for variable in BIBTEX_VARIABLES:
            assert held(variable, after[key]) == held(variable, item), (key, variable)
        for variable in BIBTEX_DATES:
            if isinstance(item.get(variable), dict) and "date-parts" in item[variable]:
                again = dates.read_date(after[key].get(variable))
                assert again == dates.read_date(item[variable]), (key, variable)


@pytest.mark.django_db
def test_a_zotero_export_survives_bibtex_with_everything_bibtex_holds():
    """CSL-JSON → BibTeX → CSL-JSON keeps every variable BibTeX has a field for, dates by meaning."""
    assert_bibtex_holds(*through_bibtex(ZOTERO, 14))


@pytest.mark.django_db
def test_the_manual_s_examples_survive_bibtex_with_everything_bibtex_holds():
    """The 403 records of the Manual's examples through BibTeX and back keep every variable
    BibTeX has a field for: each of their 32 CSL types (biblatex's own entry type where pandoc
    reads it as that type, @letter, @artwork, @dataset, @unpublished; else its kin's, with the
    type in ``entrysubtype``), given names holding commas (14.22's "Martin Luther, Jr.", 14.110's
    "Karen, [Karen Lee Orzolek]"), non-breaking spaces (14.159's "C.~M.") and the numbers of
    a broadcast's episode (14.165), a data set (14.157) and a working paper (14.116)."""
    before, after = through_bibtex(CMOS18_LIBRARY, 403)
    assert len({item["type"] for item in before.values()}) == 32
    assert_bibtex_holds(before, after)


def test_bibtex_export_braces_capitals_a_publisher_s_and_and_marks_blog_posts():
    """Capitals in titles are braced, "and" in a publisher too, and a blog post is @online with
    ``entrysubtype = {blog}`` (so tools that lower-case titles or split lists keep them)."""
    from citations import formats

    items = [
        {"id": "a", "type": "book", "title": "Jerusalem and the Crusades", "publisher": "Simon and Schuster"},
        {"id": "b", "type": "post-weblog", "title": "Why I Blog", "container-title": "Modern Humanist"},
    ]
    text = formats.write(items, "bibtex")
    assert "title = {{Jerusalem} and the {Crusades}}" in text
    assert "publisher = {{Simon and Schuster}}" in text
    assert "@online{b,\n\tentrysubtype = {blog}," in text
    assert [record.item for record in formats.read(text, "bibtex")] == items


# What BibTeX would lose but for how it is written: a type biblatex has no entry type for, a
# given name holding a comma or "and", a non-breaking space, a broadcast's and a paper's number,
# a director beside an editor, a book's author.
HARD_TO_HOLD = [
    {
        "id": "interview",
        "type": "interview",
        "title": "Interview",
        "author": [{"family": "King", "given": "Martin Luther, Jr."}],
        "number": "season 2, episode 15",
    },
    {
        "id": "letter",
        "type": "personal_communication",
        "author": [{"family": "Sperberg-McQueen", "given": "C.\xa0M."}],
        "genre": "Letter to\xa0the editor",
    },
    {
        "id": "film",
        "type": "motion_picture",
        "title": "Film",
        "editor": [{"family": "Roe", "given": "Ann"}],
        "director": [
            {"family": "Maasi", "given": "Mfundishi, (cofounder, Black Community Defense and Development)"}
        ],
    },
    {
        "id": "paper",
        "type": "article",
        "title": "Working Paper",
        "number": "2022-120",
        "container-author": [{"family": "Doe", "given": "Jane"}],
    },
]


def test_bibtex_export_keeps_types_names_and_numbers_bibtex_would_lose():
    """A type without a biblatex entry type is its kin's, its own in ``entrysubtype``; a given
    name's commas and "and" are braced, so BibTeX reads one name in two parts, and so is its
    non-breaking space ("~" elsewhere, as LaTeX writes it); every type writes its number; a
    director beside an editor is biblatex's ``editora`` of type director. All read back as written."""
    text = formats.write(HARD_TO_HOLD, "bibtex")
    assert (
        "@video{interview,\n\tentrysubtype = {interview},\n\tauthor = {King, Martin Luther{,} Jr.}," in text
    )
    assert "number = {season 2, episode 15}" in text
    assert "@letter{letter,\n\tauthor = {Sperberg-McQueen, C.{~}M.},\n\ttype = {Letter to~the editor}" in text
    assert "editora = {Maasi, Mfundishi{,} (cofounder{,} Black Community Defense {and} Development)}" in text
    assert "editoratype = {director}" in text
    assert "@online{paper,\n\tentrysubtype = {article},\n\tbookauthor = {Doe, Jane}," in text
    assert [record.item for record in formats.read(text, "bibtex")] == HARD_TO_HOLD


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
def test_pandoc_reads_what_bibtex_export_keeps_as_its_nearest():
    """pandoc reads the same export as the nearest types it knows, the names' commas as it reads
    a given name's ", Jr." (a suffix), the non-breaking space and the numbers as written."""
    theirs = pandoc_reading(formats.write(HARD_TO_HOLD, "bibtex"))
    types = {key: item["type"] for key, item in theirs.items()}
    assert types == {
        "interview": "motion_picture",
        "letter": "personal_communication",
        "film": "motion_picture",
        "paper": "webpage",
    }
    assert theirs["interview"]["author"] == [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]
    assert theirs["interview"]["number"] == "season 2, episode 15"
    assert theirs["letter"]["author"] == [{"family": "Sperberg-McQueen", "given": "C.\xa0M."}]
    assert theirs["paper"]["number"] == "2022-120"
    assert theirs["paper"]["container-author"] == [{"family": "Doe", "given": "Jane"}]


@pytest.mark.django_db
def test_a_real_bibtex_file_imports_whole_but_its_bad_entries():
    """Parenthesised entries, undefined macros, free-text years, seasons, ranges, n.d., a URL
    without a scheme and a non-ASCII key are read; the second work under a key is imported under a
    key of its own, the broken entry named with its line and the field whose brace is left open,
    and the entry after the broken one is imported."""
    report = import_file(BIBTEX, "bibtex")
    assert len(report.created) == 12
    assert report.skipped == [
        "Line 93 (broken): the entry is not closed before the entry at line 96: a brace opened in its "
        "title field (line 94) is not closed.",
    ]
    assert (
        "Line 55 (Warren:78): the key 'Warren:78' is used twice in this file, first by entry 6 (line 46) "
        "for another record (differing in title, collection-number, collection-title …); this one is "
        "imported as 'Warren:78a'."
    ) in report.notes
    sources = Source.objects.in_bulk(field_name="key")
    assert sources["Warren:78"].title == "Semantic Patterns of Noun-Noun Compounds"
    assert sources["Warren:78a"].title != sources["Warren:78"].title
    assert (sources["Woods:78"].issued_year, sources["Woods:78"].issued_month) == (1978, 1)
    assert sources["staiger1985"].url == "https://www.jstor.org/stable/1225428"
    # The 18th's order of a book's elements, the edition before the translator (18th 14.2, 14.15).
    assert sources["SStraße2001"].note(linked=False) == (
        "Günter Straße, <i>Die Gründe der Stadt</i>, 3rd ed., trans. Ann Goldstein "
        "(Simon and Schuster, 1998–2001)."
    )
    assert sources["undated"].note(linked=False) == "<i>A Pamphlet Without a Date</i> (n.d.)."
    assert "after-broken" in sources


@pytest.mark.django_db
def test_title_markup_shows_as_formatting_on_the_source_page(client):
    """A Zotero title's <i>, <sub> and small caps are formatting on the page, never tags as text."""
    import_file(ZOTERO, "csl-json")
    page = client.get(reverse("citations:source_detail", kwargs={"key": "gerhard2005"})).content.decode()
    assert "<h1>Review of <i>Sex and the City</i> and Its Feminist Critics</h1>" in page
    assert "<title>Review of Sex and the City and Its Feminist Critics · Sources" in page
    assert "“Review of <i>Sex and the City</i> and Its Feminist Critics,”" in page
    assert "&lt;i&gt;" not in page
    page = client.get(
        reverse("citations:source_detail", kwargs={"key": "müller-höfling1999"})
    ).content.decode()
    assert 'H<sub>2</sub>O and <span class="small-caps">Nasa</span>' in page
    assert "&lt;" not in page.split("<main", 1)[-1]


@pytest.mark.django_db
def test_title_markup_in_a_post_s_note_passes_the_allowlist_as_formatting(client):
    """A note citing a title with markup shows it as formatting on the post, through the one allowlist."""
    from tests.factories import make_post

    import_file(ZOTERO, "csl-json")
    post = make_post(body="A claim.[@gerhard2005, 40] And another.[@müller-höfling1999]")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Review of <i>Sex and the City</i> and Its Feminist Critics" in page
    assert 'H<sub>2</sub>O and <span class="small-caps">Nasa</span>' in page
    assert "&lt;i&gt;" not in page and "&lt;sub&gt;" not in page


@pytest.mark.django_db
def test_a_record_changed_only_beyond_the_fields_is_updated():
    """Re-importing a record that gains a variable the admin does not show (a translator) updates it."""
    import_file(ZOTERO, "csl-json")
    items = json.loads(ZOTERO)
    items[1]["translator"] = [{"family": "Roe", "given": "Ann"}]
    report = import_file(json.dumps(items).encode(), "csl-json")
    assert (report.updated, len(report.unchanged)) == (["gerring2012"], 13)
    assert "trans. Ann Roe" in Source.objects.get(key="gerring2012").note(linked=False)


BETTER_BIBTEX_IMPORT = Path(__file__).parents[2] / "bench" / "data" / "better-bibtex-import.bib"
# The variables compared with pandoc's reading; titles by their letters (pandoc sentence-cases
# them), pages with either dash.
PANDOC_VARIABLES = [
    *("type", "title", "container-title", "author", "editor", "translator", "director", "issued"),
    *("original-date", "page", "publisher", "publisher-place", "edition", "collection-title"),
    *("URL", "DOI", "volume", "chapter-number"),
]


# Where this library reads otherwise, and why: @video is a broadcast, as it is written back
# (pandoc: a motion picture); Mendeley's @generic, a type neither knows, is a web page when it
# has a URL (pandoc: no type).
READ_DIFFERENTLY = {"formanOneFlewCuckoo1975": {"type"}, "Callahan2011": {"type"}}


def pandoc_reading(text):
    """pandoc's CSL-JSON for a biblatex file, by key."""
    result = subprocess.run(
        ["pandoc", "-f", "biblatex", "-t", "csljson"], input=text, capture_output=True, text=True, check=True
    )
    return by_key(json.loads(result.stdout))


def comparable(variable, value):
    if variable in ("title", "container-title", "collection-title") and isinstance(value, str):
        # pandoc writes inline math as TeX ("Cu_2O"), this library as CSL's rich text ("Cu<sub>2</sub>O").
        value = re.sub(r"<sub>(.*?)</sub>", r"_\1", value)
        return value.casefold().replace("’", "'")
    if variable == "page" and isinstance(value, str):
        return value.replace("–", "-")
    return value


@pytest.mark.django_db
def test_better_bibtex_s_import_fixtures_import_whole_but_their_bad_records():
    """44 entries from real .bib files (bench/data/README.md): cross-references, a field given
    twice, keyless Mendeley entries, a parenthesised entry, "#" joins, EndNote's and a clipboard's
    broken entries. Each record not imported is named by its line and why; what reading left
    out or made up is noted, how to cite a key Pandoc reads only in braces ("Other-"), and a record
    given twice alike."""
    report = import_file(BETTER_BIBTEX_IMPORT.read_bytes(), "bibtex")
    assert report.skipped == [
        "Entry 30 (line 431) (emptyreference): the record has nothing to cite it by: no title, name, "
        "container or description.",
        "Line 560: Expected comma after entry key, but found =; the entry may have no key.",
        "Line 577: Expected a `=` after entry key, but found `,`.",
    ]
    assert len(report.created) == 39
    assert report.notes == [
        "Entry 6 (line 66) (Bogadottir2012): it cross-references 'Hornborg2012', which is not in this file.",
        "Entry 16 (line 175) (garberayers1998b): the title field is given twice; the first is read, "
        "as BibTeX does.",
        "Entry 24 (line 365) (Dobrovol'skii_1963): its key needs braces in a post: cite it as "
        "[@{Dobrovol'skii_1963}].",
        "Entry 29 (line 422) (Other-): its key needs braces in a post: cite it as [@{Other-}].",
        "Line 448 (schiffer2005a): the same record as entry 31 (line 436); not imported again.",
        "Line 496 (Thomas2016): the key 'Thomas2016' is used twice in this file, first by entry 34 "
        "(line 483) for another record (differing in title, abstract, author …); this one is imported "
        "as 'Thomas2016a'.",
        "Entry 35 (line 510) (McDermott:72): the author field uses the string 'MCDERMOTT', which this "
        "file does not define; its name is read instead.",
        "Entry 38 (line 536) (roditakis2017reviewers): it has no key; it is imported as "
        "'roditakis2017reviewers'.",
        "Entry 39 (line 547) (bareketbojmel2013blog): it has no key; it is imported as "
        "'bareketbojmel2013blog'.",
    ]
    sources = Source.objects.in_bulk(field_name="key")
    assert sources["garberayers1998b"].title == "The Cambridge History of Seventeenth-Century Philosophy"
    assert sources["McDermott:72"].csl["author"][0] == {"family": "MCDERMOTT"}
    assert sources["Andrievskii_1953"].title == ""  # a physics journal's reference, cited untitled
    assert sources["GAP4.13dev"].url == "https://www.gap-system.org"  # from \\href in howpublished
    assert sources["Harriot2020"].title == (
        "Books in Blackface: Barnes & Noble Celebrates Black History Month by Showcasing White Books"
    )


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed")
@pytest.mark.parametrize(
    "key",
    [
        "incollection",  # its book's title, editors, publisher and year, by crossref
        "Hauck_2011",  # the same, from a BibDesk library
        "Roy.O:2017a",  # a biblatex subtitle, translator and original date
        "Bisht_2010",  # an arXiv e-print as its URL; "month = may"
        "Callahan2011",  # Mendeley's bare "&"
        "Chen_2010",  # JabRef's "Fang, J.J.": initials spaced
        "Madelung_1998_LB_10681727_56",  # "and others"; a series
        "key",  # a journal joined with "#" from an @string
        "garberayers1998b",  # a title given twice: BibTeX's first and pandoc's last agree here
        "formanOneFlewCuckoo1975",  # editortype = {director}; @video (see READ_DIFFERENTLY)
        "sasson_increasing_2013",  # a long author list, "month = {mar}"
    ],
)
def test_a_real_bibtex_record_reads_as_pandoc_reads_it(key):
    """Each variable pandoc and this library both read from a real Better BibTeX fixture entry
    is the same (titles by their letters, as pandoc sentence-cases them)."""
    text = BETTER_BIBTEX_IMPORT.read_text(encoding="utf-8").split("% Records pandoc cannot read")[0]
    ours = {record.item["id"]: record.item for record in formats.read(text, "bibtex") if not record.error}
    ours = ours[key]
    theirs = pandoc_reading(text)[key]
    for variable in PANDOC_VARIABLES:
        if variable in READ_DIFFERENTLY.get(key, ()):
            continue
        assert comparable(variable, ours.get(variable)) == comparable(variable, theirs.get(variable)), (
            key,
            variable,
        )
