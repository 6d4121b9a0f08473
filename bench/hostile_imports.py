"""Hostile shapes for every imported-file parser, for ``bench/hostile.py`` to time at growing sizes.

``CASES`` is a list of ``(parser_name, shape_name, build, run)``: ``build(n)``
returns an input of about ``n`` bytes, ``run(input)`` parses or converts it the
way an import does, without touching the database. An input beyond one of the
import limits ends in the parser's own clear error (``FormatError``,
``LimitError``, ``WXRError``), which ``run`` expects and swallows: the time to
refuse counts like the time to read. Any other exception propagates.

Parsers: ``csl-json`` and ``bibtex`` (``citations.formats.read``),
``bibtex-names`` (the name splitter, through ``read``), ``csl-record`` (a
read record into model fields, dates and URLs included), ``csl-dates`` (a
date's text: EDTF, seasons, circa, ranges, literals), ``title-markup``
(CSL rich text in titles to HTML and to LaTeX), ``title-capitals`` (a
title in headline style), ``wxr`` (reading an
export), ``wordpress-html`` (a post's HTML to the dialect, shortcodes and
footnotes included), ``wordpress-comment`` (a reader comment's HTML).
"""

import contextlib
import io
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The limits are Django settings; the test settings need no secrets or services.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from citations import dates, formats, markup  # noqa: E402
from citations.formats.csljson import RecordError, item_to_fields  # noqa: E402
from citations.formats.latex import title_to_latex  # noqa: E402
from citations.styles.capitals import headline  # noqa: E402
from importing.htmltree import LimitError  # noqa: E402
from wordpress import wxr  # noqa: E402
from wordpress.convert import convert_post  # noqa: E402


def _swallowing(parse, *expected):
    def run(data):
        with contextlib.suppress(*expected):
            parse(data)

    return run


def _repeat(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


# Citations ------------------------------------------------------------------------------

read_json = _swallowing(lambda text: formats.read(text, "csl-json"), formats.FormatError)
read_bibtex = _swallowing(lambda text: formats.read(text, "bibtex"), formats.FormatError)


def _json_records(n):
    record = {"id": "k", "title": "Défenders Outgunned", "author": [{"family": "Hinshaw", "given": "Drew"}]}
    count = max(1, n // len(json.dumps(record)))
    return json.dumps([{**record, "id": f"k{index}"} for index in range(count)])


def _bib_entries(n, body):
    """Entries of about ``len(body)`` characters each, with distinct keys, ``n`` characters in all."""
    count = max(1, n // (len(body) + 30))
    return "".join(f"@book{{k{index}, title = {{T}}, {body}}}\n" for index in range(count))


def _record(item):
    with contextlib.suppress(RecordError):
        item_to_fields(item)


def _dates(text):
    with contextlib.suppress(ValueError):
        dates.read_text(text)
    with contextlib.suppress(ValueError):
        dates.read_date({"date-parts": [[2019, 21], [2019, 22]], "literal": text, "season": 1, "circa": True})


def _markup(text):
    markup.to_html(text)
    markup.balance(text)
    title_to_latex(text)


CITATIONS = [
    ("csl-json", "records", _json_records, read_json),
    ("csl-json", "deep-arrays", lambda n: "[" * (n // 2) + "]" * (n // 2), read_json),
    ("csl-json", "deep-objects", lambda n: _repeat('{"a":', n) + "1" + "}" * (n // 5), read_json),
    ("csl-json", "truncated", lambda n: _json_records(n)[: n - 7], read_json),
    ("csl-json", "long-title", lambda n: json.dumps([{"id": "a", "title": "x" * n}]), read_json),
    (
        "csl-json",
        "escape-run",
        lambda n: '[{"id": "a", "title": "' + _repeat("\\u00e9", n) + '"}]',
        read_json,
    ),
    (
        "csl-json",
        "many-names",
        lambda n: json.dumps([{"id": "a", "title": "T", "author": [{"family": "F"}] * (n // 16)}]),
        read_json,
    ),
    (
        "bibtex",
        "entries",
        lambda n: _bib_entries(n, "author = {M{\\\"u}ller, J{\\'e}r{\\^o}me}, year = 2013"),
        read_bibtex,
    ),
    (
        "bibtex",
        "accent-fields",
        lambda n: _bib_entries(n, "note = {" + _repeat("\\'e", 15_000) + "}"),
        read_bibtex,
    ),
    (
        "bibtex",
        "macro-fields",
        lambda n: _bib_entries(n, "note = {" + _repeat("\\foo ", 15_000) + "}"),
        read_bibtex,
    ),
    (
        "bibtex",
        "nested-groups",
        lambda n: _bib_entries(n, "note = {" + ("{\\'" * 18 + "e" + "}" * 18) * 300 + "}"),
        read_bibtex,
    ),
    (
        "bibtex",
        "brace-run",
        lambda n: "@book{k, note = {" + "{" * (n // 2) + "}" * (n // 2) + "}}",
        read_bibtex,
    ),
    ("bibtex", "at-run", lambda n: _repeat("@a{", n), read_bibtex),
    ("bibtex", "comment-of-commas", lambda n: "@comment{" + "," * n + "}", read_bibtex),
    ("bibtex", "marks-outside-entries", lambda n: _repeat("=,\n", n), read_bibtex),
    ("bibtex", "long-field", lambda n: "@book{k, title = {T}, note = {" + "x" * n + "}}", read_bibtex),
    ("bibtex", "truncated", lambda n: _bib_entries(n, "year = 2013")[: n - 5], read_bibtex),
    (
        "bibtex",
        "free-text-years",
        lambda n: _bib_entries(n, "year = {ca. January " + "1998--" * 500 + "}, date = {2019-21/..~}"),
        read_bibtex,
    ),
    (
        "bibtex",
        "duplicate-keys",
        lambda n: "@book{k, title = {T}}\n" * max(1, n // 22),
        read_bibtex,
    ),
    (
        "csl-record",
        "long-url",
        lambda n: {"id": "a", "title": "T", "URL": "www.x" + "a/" * (n // 2)},
        _record,
    ),
    (
        "csl-record",
        "over-long-fields",
        lambda n: {"id": "a", "title": "T" * n, "issue": "9" * n, "DOI": "https://doi.org/" + "x" * n},
        _record,
    ),
    ("csl-dates", "digit-run", lambda n: "1" * n, _dates),
    ("csl-dates", "circa-run", lambda n: _repeat("ca. ", n) + "1850", _dates),
    ("csl-dates", "qualifier-run", lambda n: "2019" + "~" * n, _dates),
    ("csl-dates", "range-run", lambda n: _repeat("1998--", n) + "2001", _dates),
    ("csl-dates", "words", lambda n: _repeat("Spring ", n) + "2019", _dates),
    ("csl-dates", "slashes", lambda n: "2019/" + _repeat("03/", n), _dates),
    ("title-markup", "unclosed-tags", lambda n: _repeat("<i>", n), _markup),
    (
        "title-markup",
        "unmatched-closers",
        lambda n: _repeat("<b>", n // 2) + _repeat("</sup>", n // 2),
        _markup,
    ),
    (
        "title-markup",
        "nested-pairs",
        lambda n: _repeat("<i><b>", n // 2) + _repeat("</b></i>", n // 2),
        _markup,
    ),
    ("title-markup", "spans", lambda n: _repeat('<span class="nocase">A</span>', n), _markup),
    ("title-markup", "lt-run", lambda n: "<" * n, _markup),
    ("title-capitals", "words", lambda n: _repeat("the war of a-b-c: ", n), headline),
    ("title-capitals", "hyphen-run", lambda n: "a" + "-" * n + "b", headline),
    ("title-capitals", "nocase-spans", lambda n: _repeat('x <span class="nocase">a</span>', n), headline),
    ("title-capitals", "unclosed-nocase", lambda n: _repeat('<span class="nocase">a ', n), headline),
    (
        "bibtex-names",
        "and-run",
        lambda n: _bib_entries(n, "author = {" + " and ".join(["Ann Bo"] * 450) + "}"),
        read_bibtex,
    ),
    (
        "bibtex-names",
        "too-many-and",
        lambda n: "@book{k, author = {" + _repeat("A and ", n) + "}}",
        read_bibtex,
    ),
    (
        "bibtex-names",
        "unmatched-braces",
        lambda n: _bib_entries(n, 'author = "Darwin' + "}" * 15_000 + '"'),
        read_bibtex,
    ),
    (
        "bibtex-names",
        "commas",
        lambda n: _bib_entries(n, "author = {Darwin" + ", C" * 5000 + "}"),
        read_bibtex,
    ),
    (
        "bibtex-names",
        "particles",
        lambda n: _bib_entries(n, "author = {Tocqueville, Alexis" + " de" * 5000 + "}"),
        read_bibtex,
    ),
    (
        "bibtex-names",
        "braced-words",
        lambda n: _bib_entries(n, "author = {" + " and ".join(["{A B} {C}"] * 400) + "}"),
        read_bibtex,
    ),
]


# WordPress --------------------------------------------------------------------------------

WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">'
    "<channel><title>Site</title><wp:wxr_version>1.2</wp:wxr_version>"
)
WXR_TAIL = "</channel></rss>"
ITEM = (
    "<item><title>Post</title><wp:post_id>{id}</wp:post_id><wp:post_type>post</wp:post_type>"
    "<content:encoded><![CDATA[{content}]]></content:encoded>{extra}</item>"
)


def _wxr(items: str) -> bytes:
    return (WXR_HEAD + items + WXR_TAIL).encode()


def _items(n):
    item = ITEM.format(id=1, content="<p>Hello, <em>world</em>.</p>", extra="")
    return _wxr(
        "".join(
            ITEM.format(id=i, content="<p>Hello, <em>world</em>.</p>", extra="")
            for i in range(n // len(item))
        )
    )


def _comments(n):
    unit = (
        "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_content>Hi</wp:comment_content></wp:comment>"
    )
    return _wxr(ITEM.format(id=1, content="x", extra=_repeat(unit, n)))


def _read_wxr(data: bytes) -> None:
    for _record in wxr.read(io.BytesIO(data)):
        pass


read_wxr = _swallowing(_read_wxr, wxr.WXRError)
convert = _swallowing(convert_post, LimitError)
convert_comment = _swallowing(lambda html: convert_post(html, comment=True), LimitError)

WORDPRESS = [
    ("wxr", "items", _items, read_wxr),
    ("wxr", "comments", _comments, read_wxr),
    ("wxr", "deep-xml", lambda n: _wxr("<a>" * (n // 7) + "</a>" * (n // 7)), read_wxr),
    ("wxr", "huge-line", lambda n: _wxr(ITEM.format(id=1, content="word " * (n // 5), extra="")), read_wxr),
    (
        "wxr",
        "entity-run",
        lambda n: _wxr("<item><title>" + _repeat("&amp;", n) + "</title></item>"),
        read_wxr,
    ),
    (
        "wxr",
        "cdata-run",
        lambda n: _wxr("<item><title>" + _repeat("<![CDATA[x]]>", n) + "</title></item>"),
        read_wxr,
    ),
    ("wxr", "truncated", lambda n: _items(n)[: n - 9], read_wxr),
    (
        "wxr",
        "long-attribute",
        lambda n: _wxr('<item><category domain="' + "d" * n + '">c</category></item>'),
        read_wxr,
    ),
    (
        "wordpress-html",
        "paragraphs",
        lambda n: _repeat("<p>Some <em>words</em>, and a <a href='/x'>link</a>.</p>\n", n),
        convert,
    ),
    ("wordpress-html", "nested-divs-20000", lambda n: "<div>" * 20_000 + _repeat("x", n), convert),
    (
        "wordpress-html",
        "nested-divs-at-limit",
        lambda n: _repeat("<div>" * 99 + "x" + "</div>" * 99, n),
        convert,
    ),
    ("wordpress-html", "nested-lists", lambda n: _repeat("<ul><li>x" * 49 + "</li></ul>" * 49, n), convert),
    (
        "wordpress-html",
        "nested-blockquotes",
        lambda n: _repeat("<blockquote>x" * 99 + "</blockquote>" * 99, n),
        convert,
    ),
    (
        "wordpress-html",
        "nested-tables",
        lambda n: _repeat("<table><tr><td>x" * 33 + "</td></tr></table>" * 33, n),
        convert,
    ),
    (
        "wordpress-html",
        "nested-emphasis",
        lambda n: _repeat("<em>a <strong>b " * 49 + "</strong></em>" * 49, n),
        convert,
    ),
    ("wordpress-html", "unclosed-inline", lambda n: _repeat("<b>", n), convert),
    ("wordpress-html", "lt-run", lambda n: "<" * n, convert),
    ("wordpress-html", "br-run", lambda n: "<p>" + _repeat("<br>", n) + "x</p>", convert),
    ("wordpress-html", "entity-run", lambda n: _repeat("&amp;&#169;&bogus;", n), convert),
    ("wordpress-html", "comment-run", lambda n: _repeat("<!-- wp:paragraph -->", n), convert),
    ("wordpress-html", "marked-sections", lambda n: _repeat("<![CDATA[x]]>", n), convert),
    ("wordpress-html", "long-attribute", lambda n: '<a href="https://x/' + "a" * n + '">x</a>', convert),
    ("wordpress-html", "huge-line", lambda n: "word " * (n // 5), convert),
    ("wordpress-html", "spaces-in-emphasis", lambda n: "<em>a" + " " * n + "b</em>", convert),
    ("wordpress-html", "backtick-code", lambda n: "<code>" + "`" * n + "</code>", convert),
    ("wordpress-html", "unclosed-shortcodes", lambda n: _repeat("[sic] ", n), convert),
    (
        "wordpress-html",
        "nested-captions",
        lambda n: _repeat("[caption]", n // 2) + _repeat("[/caption]", n // 2),
        convert,
    ),
    ("wordpress-html", "markdown-specials", lambda n: _repeat("_*`[^@]({#.<a&x;\n# > - 1. ", n), convert),
    (
        "wordpress-html",
        "footnote-markers",
        lambda n: _repeat("word[1] ", n) + "<hr><p>[1] A note.</p>",
        convert,
    ),
    ("wordpress-html", "symbol-markers", lambda n: _repeat("word* ", n) + "<hr><p>* A note.</p>", convert),
    (
        "wordpress-html",
        "citation-notes",
        lambda n: (
            "".join(f"<p>Claim[{i}]</p>" for i in range(1, 999))
            + "<hr>"
            + _repeat("<p>[1] Ann Writer and Bo Rider, “A Title,” The Journal, March 1, 2013.</p>", n)
        ),
        convert,
    ),
    (
        "wordpress-comment",
        "paragraphs",
        lambda n: _repeat("<p>A <b>reader</b> says.</p>\n", n),
        convert_comment,
    ),
    ("wordpress-comment", "nested-divs-20000", lambda n: "<div>" * 20_000 + _repeat("x", n), convert_comment),
    ("wordpress-comment", "lt-run", lambda n: "<" * n, convert_comment),
    (
        "wordpress-comment",
        "nested-quotes",
        lambda n: _repeat("<blockquote>" * 99 + "x" + "</blockquote>" * 99, n),
        convert_comment,
    ),
]

CASES = CITATIONS + WORDPRESS
