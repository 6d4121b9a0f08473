"""The fidelity script: WordPress's rendering in Python (wpautop, shortcodes, embeds) against the import."""

import pytest

from bench.wordpress_fidelity import compare, imported_bodies, shape, table, wordpress_html
from bench.wpautop import shortcode_unautop, wpautop
from tests.wordpress.test_media import media_export, run

SITE = "https://old.example"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("One\nline\n\nTwo", "<p>One<br />\nline</p>\n<p>Two</p>\n"),
        ("a<br><br>b", "<p>a</p>\n<p>b</p>\n"),
        ("<div>x</div>", "<div>x</div>\n"),
        ("<blockquote>q</blockquote>", "<blockquote><p>q</p></blockquote>\n"),
        ('<a\nhref="x">y</a>', '<p><a\nhref="x">y</a></p>\n'),
        ("<pre>a\n\nb</pre>", "<pre>a\n\nb</pre>\n"),
        ("<ul>\n<li>a\nb</li>\n</ul>", "<ul>\n<li>a<br />\nb</li>\n</ul>\n"),
        ("Text\n<hr>\nMore", "<p>Text</p>\n<hr>\n<p>More</p>\n"),
        ("   ", ""),
    ],
)
def test_wpautop_writes_paragraphs_and_breaks_as_wordpress_does(text, html):
    assert wpautop(text) == html


def test_a_registered_shortcode_alone_in_its_paragraph_leaves_the_paragraph():
    html = wpautop('[gallery ids="1"]\n\n[other]\n\nText')
    assert shortcode_unautop(html, {"gallery"}) == '[gallery ids="1"]\n<p>[other]</p>\n<p>Text</p>\n'


def test_wordpress_html_expands_shortcodes_and_auto_embeds():
    html = wordpress_html(
        "https://www.youtube.com/watch?v=abcdefghijk\n\n[sourcecode lang='py']x = 1[/sourcecode]\n\n"
        '[caption id="a" width="10"]<img src="c.png" alt="C"> A cat[/caption]\n\n[unknown thing]',
        {},
        1,
    )
    assert '<iframe src="https://www.youtube.com/watch?v=abcdefghijk">' in html
    assert "<pre>x = 1</pre>" in html
    assert '<figure><img src="c.png" alt="C"><figcaption> A cat</figcaption></figure>' in html
    assert "<p>[unknown thing]</p>" in html


CONTENT = (
    "Words before <em>the</em> list.\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
    "[code lang='python']print('hi')[/code]\n\n"
    '<img src="https://old.example/wp-content/uploads/cat.png" alt="Cat">\n\n'
    'https://vimeo.com/123456\n\nLast <a href="https://example.org/">link</a>.'
)


@pytest.mark.django_db
def test_an_import_keeps_every_word_image_list_code_block_and_embed(tmp_path):
    path = media_export(tmp_path, SITE, CONTENT)
    run(path)
    with open(path, "rb") as export:
        [row] = compare(export, imported_bodies(SITE))
    assert not row.lost and not row.gained
    wordpress, imported = row.wordpress, row.imported
    counts = [
        (getattr(wordpress, name), getattr(imported, name)) for name in ("images", "lists", "code", "embeds")
    ]
    assert counts == [(1, 1), (1, 1), (1, 1), (1, 1)]
    assert (wordpress.links, imported.links) == (1, 1)
    assert "words kept: 100.00%" in table([row])


def test_lost_and_gained_words_and_absent_items_are_counted(tmp_path):
    path = media_export(tmp_path, SITE, CONTENT)
    with open(path, "rb") as export:
        [row] = compare(export, {("post", 10): "<p>Words before the list. Extra!</p>"})
    assert row.lost["two"] == 1 and row.lost["print"] == 1
    assert dict(row.gained) == {"extra": 1}
    assert (row.wordpress.lists, row.imported.lists) == (1, 0)
    with open(path, "rb") as export:
        [absent] = compare(export, {})
    assert absent.imported is None
    assert "1 items, 1 absent" in table([absent])


def test_jetpack_shortcodes_media_files_and_footnotes_render_as_on_wordpress():
    html = wordpress_html(
        "[youtube=http://www.youtube.com/watch?v=abcdefghijk&w=560]\n\nhttps://old.example/a.mp3\n\n"
        '<p>Text<sup data-fn="x" class="fn"><a href="#x">1</a></sup></p>\n<!-- wp:footnotes /-->',
        {},
        1,
        '[{"id": "x", "content": "The note"}]',
    )
    assert '<iframe src="http://www.youtube.com/watch?v=abcdefghijk">' in html
    assert '<iframe src="https://old.example/a.mp3">' in html
    assert "<ol><li>The note</li></ol>" in html


def test_words_span_inline_tags_and_what_no_reader_sees_is_not_counted():
    wordpress = shape('<p>c<b>lient</b> text<sup data-fn="x">1</sup></p>', imported=False)
    assert dict(wordpress.words) == {"client": 1, "text": 1, "1": 1}
    imported = shape(
        '<nav class="toc"><ol><li>Heading</li></ol></nav><p>text<sup class="footnote-ref">1</sup>'
        '<span class="sidenote">Note</span></p><p><a href="https://youtu.be/x">YouTube video: A talk</a></p>'
        '<p>See <a href="https://youtu.be/y">YouTube video</a> here.</p>'
        '<a href="#fnref-1"><span class="visually-hidden">Back to reference 1</span></a>',
        imported=True,
    )
    assert dict(imported.words) == {
        "text": 1,
        "1": 1,
        "a": 1,
        "talk": 1,
        "see": 1,
        "youtube": 1,
        "video": 1,
        "here": 1,
    }
    assert (imported.lists, imported.embeds, imported.links) == (0, 1, 1)
