"""Every export WordPress writes imports: both namespace spellings, WXR 1.0-1.2, its importer's leniency."""

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blog.models import Post
from wordpress import lenient, wxr
from wordpress.models import ImportedItem


@pytest.mark.django_db
def test_the_https_namespace_of_wordpress_com_imports(run_import):
    """Theme unit test data, a WordPress.com export under the https namespace spelling, imports."""
    output = run_import("https-namespace")
    assert "WordPress export of https://wpthemetestdata.wordpress.com (WXR 1.2)." in output
    assert "posts: 2 created" in output
    post = Post.objects.get(slug="title-with-special-characters")
    assert post.title == "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>"
    assert post.publish_at == datetime(2013, 1, 5, 18, 0, 20, tzinfo=UTC)
    assert post.author.username == "themedemos"
    assert "word-wrap: break-word;" in Post.objects.get(slug__startswith="title-should-not-overflow").body


@pytest.mark.django_db
def test_wxr_1_1_from_wordpress_importer_fixtures_imports(run_import):
    """WordPress importer's valid-wxr-1.1.xml gives its post, author, comment and page."""
    output = run_import("wxr-1.1")
    assert "(WXR 1.1)" in output and "pages: 1 created" in output
    post = Post.objects.get()
    assert (post.title, post.author.username) == ("Hello world!", "john")
    assert post.comments.get().author_name == "Mr WordPress"


@pytest.mark.django_db
@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_each_version_under_each_namespace_spelling_is_read(
    run_import, tmp_path, export_path, version, scheme
):
    """The same export declared as WXR 1.0, 1.1 or 1.2, over http or https, imports the same post."""
    text = Path(export_path("wxr-1.1")).read_text(encoding="utf-8")
    text = text.replace("http://wordpress.org/export/1.1/", f"{scheme}://wordpress.org/export/{version}/")
    text = text.replace("<wp:wxr_version>1.1<", f"<wp:wxr_version>{version}<")
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    output = run_import(str(path))
    assert f"(WXR {version})" in output and "posts: 1 created" in output
    assert Post.objects.get().title == "Hello world!"


@pytest.mark.django_db
class TestLenientExport:
    @pytest.fixture(autouse=True)
    def imported(self, run_import):
        self.output = run_import("lenient")
        self.lines = self.output.splitlines()

    def test_unescaped_ampersands_entities_and_control_characters_import_with_their_text(self):
        """``Fish & Chips&hellip;`` and a post with control characters import as the reader wrote them."""
        post = Post.objects.get(title="Fish & Chips…")
        assert "Salt & vinegar." in post.body
        assert "\x0b" not in post.body and "\x1f" not in post.body

    def test_the_report_says_what_was_mended(self):
        """The report counts the ampersands escaped, entities read and control characters removed."""
        assert (
            "mended to be read: 3 unescaped & escaped, 2 HTML entities outside CDATA read as characters, "
            "2 control characters removed" in self.lines
        )

    def test_a_bad_item_is_skipped_and_reported_while_the_rest_imports(self):
        """The post with an impossible date is reported by its ID; the posts after it import."""
        assert "  post 3: invalid date '2013-13-45 00:00:00'" in self.lines
        assert "posts: 3 created, 0 updated, 0 unchanged, 1 skipped" in self.output
        assert "not imported, by type: attachment 1" in self.output

    def test_a_post_without_wp_post_date_takes_its_pub_date(self):
        """An item with only an RSS pubDate is dated by it, and the report says so."""
        assert Post.objects.get(title="Dated by pubDate").publish_at == datetime(
            2009, 6, 2, 8, 30, tzinfo=UTC
        )
        assert "  post 4: no wp:post_date; dated by its pubDate" in self.lines

    def test_an_undated_post_is_dated_at_the_import_and_keeps_that_date_on_reimport(self, run_import):
        """An item with no date at all is dated when imported, as WordPress does; a re-run leaves it alone."""
        post = Post.objects.get(title="Undated")
        assert (datetime.now(UTC) - post.publish_at).total_seconds() < 600
        assert "  post 5: no date in the export; dated at the import, as WordPress does" in self.lines
        output = run_import("lenient")
        assert "posts: 0 created, 0 updated, 3 unchanged" in output
        assert Post.objects.get(title="Undated").publish_at == post.publish_at


@pytest.mark.django_db
def test_an_item_without_post_id_is_identified_by_its_guid(tmp_path, run_import, export_path):
    """A hand-made export without wp:post_id (WordPress's theme preview) imports by the ?p= of its guid."""
    text = Path(export_path("wxr-1.1")).read_text(encoding="utf-8").replace("<wp:post_id>1</wp:post_id>", "")
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    output = run_import(str(path))
    assert "  post 1: no wp:post_id; identified by its guid" in output.splitlines()
    assert ImportedItem.objects.get(kind="post").wp_id == 1
    assert "posts: 0 created, 0 updated, 1 unchanged" in run_import(str(path))


def mended(data: bytes) -> tuple[str, lenient.Repairs]:
    repairs = lenient.Repairs()
    return "".join(lenient.clean(io.BytesIO(data), repairs)), repairs


def test_cdata_is_left_as_it_is_except_for_illegal_characters():
    """Inside CDATA an & is an ampersand and ]]> ends it; outside, a stray ]]> is text."""
    text, repairs = mended(b"<a><![CDATA[a & b &amp; <![CDATA[ c\x01 ]]> d ]]></a>")
    assert text == "<a><![CDATA[a & b &amp; <![CDATA[ c ]]> d ]]&gt;</a>"
    assert (repairs.ampersands, repairs.stray_cdata_ends, repairs.control_characters) == (0, 1, 1)


def test_declared_encoding_and_undecodable_bytes():
    """A Latin-1 export is read as Latin-1; a byte that is not UTF-8 in a UTF-8 one becomes �."""
    latin, _ = mended('<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>'.encode("latin-1"))
    assert latin.endswith("<a>café</a>")
    broken, repairs = mended(b'<?xml version="1.0" encoding="UTF-8"?><a>caf\xe9</a>')
    assert broken.endswith("<a>caf\ufffd</a>") and repairs.undecodable_bytes == 1


def test_references_to_characters_xml_forbids_are_removed():
    """``&#1;`` is dropped (XML forbids it even as a reference); ``&#233;`` and ``&#x1F600;`` stay."""
    text, repairs = mended(b"<a>&#1;&#233;&#x1F600;&#xFFFE;</a>")
    assert text == "<a>&#233;&#x1F600;</a>" and repairs.control_characters == 2


PIECES = [
    "<a>",
    "</a>",
    "&",
    "&amp;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "\x01",
    "é",
    "x" * 70,
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.integers(1, 200))
def test_chunk_boundaries_do_not_change_the_result(text, chunk):
    """Mending a file read in chunks of any size gives the same text as reading it whole."""
    data = text.encode()
    whole, original = mended(data), lenient.CHUNK
    lenient.CHUNK = chunk
    try:
        assert mended(data) == whole
    finally:
        lenient.CHUNK = original


def test_mended_text_is_read_by_the_reader():
    """A file whose only faults are those WordPress wrote reads as an export."""
    data = (
        b'<?xml version="1.0"?><rss xmlns:wp="https://wordpress.org/export/1.2/"><channel>'
        b"<wp:wxr_version>1.2</wp:wxr_version><item><title>A & B\x0c</title></item></channel></rss>"
    )
    records = list(wxr.read(io.BytesIO(data)))
    assert records[1].get("title") == "A & B"


@pytest.mark.django_db
def test_the_teaser_before_the_more_tag_becomes_the_summary(tmp_path, run_import, export_path):
    """A post without an excerpt of its own is summarised by its text before <!--more-->."""
    text = Path(export_path("wxr-1.1")).read_text(encoding="utf-8")
    text = text.replace(
        "Welcome to WordPress. This is your first post.",
        "Welcome to <em>WordPress</em>.<!--more Read on-->This is your first post.",
    )
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    run_import(str(path))
    post = Post.objects.get()
    assert post.summary == "Welcome to WordPress."
    assert "Welcome to *WordPress*.\n\nThis is your first post." in post.body


@pytest.mark.django_db
def test_feed_elements_under_undeclared_prefixes_import(run_import, tmp_path, export_path):
    """WordPress.com wrote ``<atom:link>`` (and ``media:``) without declaring the prefix; the file imports."""
    text = Path(export_path("wxr-1.1")).read_text(encoding="utf-8")
    assert "xmlns:atom" not in text
    text = text.replace(
        "<wp:wxr_version>",
        '<atom:link rel="hub" href="https://example.com/?pushpress=hub"/>\n'
        '<media:thumbnail url="https://example.com/a.png"/>\n<wp:wxr_version>',
        1,
    )
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    assert "posts: 1 created" in run_import(str(path))


def test_declared_prefixes_are_left_as_the_file_declares_them():
    text = '<?xml version="1.0"?><rss version="2.0" xmlns:atom="urn:own"><channel/></rss>'
    cleaned = "".join(lenient.clean(io.BytesIO(text.encode()), lenient.Repairs()))
    assert cleaned.count("xmlns:atom=") == 1 and 'xmlns:atom="urn:own"' in cleaned
    assert 'xmlns:media="http://search.yahoo.com/mrss/"' in cleaned
