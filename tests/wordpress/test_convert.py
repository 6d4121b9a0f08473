"""The converter from WordPress HTML to the dialect (pure functions, no database)."""

import re

import markdown
import pytest

from blog.rendering import render_post
from blog.rendering.scripts import ScriptsExtension
from blog.rendering.strike import StrikeExtension
from importing.htmltree import parse
from importing.writer import escape_text
from wordpress.convert import convert_post


def md(html, **kwargs):
    return convert_post(html, **kwargs).markdown


def text_of(markdown_text):
    """The text a reader sees when ``markdown_text`` is rendered (Markdown and the dialect's scripts).

    ``\\@`` is the dialect's escape of an at sign (it cites nothing), which plain Markdown does not know.
    """
    html = markdown.markdown(
        markdown_text.replace("\\@", "@"), extensions=["extra", StrikeExtension(), ScriptsExtension()]
    )
    root, _ = parse(html)
    return " ".join(root.text().split())


def test_bare_text_with_blank_lines_becomes_paragraphs_and_newlines_line_breaks():
    """Classic-editor text without <p> is split into paragraphs at blank lines, as wpautop does."""
    assert md("One\nline two\n\nThree") == "One  \nline two\n\nThree\n"


def test_paragraph_tags_emphasis_and_links():
    """<p>, <em>, <strong> and <a> become Markdown paragraphs, emphasis and links."""
    html = (
        '<p>An <em>important</em> and <strong>bold</strong> <a href="https://example.com/x y">link</a>.</p>'
    )
    assert md(html) == "An *important* and **bold** [link](https://example.com/x%20y).\n"


def test_headings_lists_and_images_kept():
    """Headings keep their level, lists their kind, and images stay images with their alt text."""
    html = (
        "<h3>Title</h3><ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>"
        '<p><img src="https://e.org/i.png" alt="A map"></p>'
    )
    assert md(html) == "### Title\n\n- a\n- b\n\n<!-- -->\n\n1. c\n\n![A map](https://e.org/i.png)\n"


@pytest.mark.parametrize(
    "text",
    [
        "*not emphasis* and _not either_ and snake_case",
        "# not a heading",
        "1. not a list",
        "- not a bullet",
        "> not a quote",
        "[^1] and [@key] are not notes",
        "[text](not-a-link) and `not code` and a \\ backslash",
        "<b>not a tag</b> and &amp; literally",
        "a line of dashes below\n---",
        "~5 minutes, H~2~O, E = mc^2^ and ~~not struck~~",
    ],
)
def test_markdown_significant_text_is_escaped(text):
    """Prose that looks like Markdown reads the same after conversion and rendering."""
    html = text.replace("&", "&amp;").replace("<", "&lt;")
    assert text_of(md(f"<p>{html}</p>")) == " ".join(text.split())
    assert escape_text("[Comment: kept]") == "[Comment: kept]"


def test_at_signs_in_imported_prose_cite_nothing():
    """WordPress has no citations: "@someone" in a post stays text, with no unknown-source error."""
    text = "thanks @someone (mail me@example.com), [@key], @{odd} and -@key cite nothing"
    rendering = render_post(md(f"<p>{text}</p>"), {})
    assert rendering.errors == []
    assert re.sub(r"<[^>]+>", "", rendering.html).strip() == text


def test_blockquote_becomes_an_excerpt_with_asides_and_omissions_kept():
    """A blockquote is an excerpt: its curly quotes go, [Comment: …] asides and … omissions stay."""
    html = "<blockquote>“First part. …\n\nSecond [comment: mine] part... end.”</blockquote>"
    assert md(html) == "> First part. …\n>\n> Second [Comment: mine] part… end.\n"


def test_asterisk_footnote_below_a_rule_becomes_a_citation_and_the_quote_attribution():
    """A * marker whose note reads as a citation becomes [@key], and the quote after it is attributed."""
    cited = []
    html = (
        "From the <em>Journal</em>*, this:\n<blockquote>Quoted words.</blockquote>\nMine.\n\n---------\n\n"
        "* Drew Hinshaw, “A Title,” The Wall Street Journal, February 22, 2013."
    )
    result = md(html, resolve=lambda reference: cited.append(reference) or "hinshaw2013")
    assert (
        result
        == "From the *Journal*[@hinshaw2013], this:\n\n> Quoted words.\n>\n> — [@hinshaw2013]\n\nMine.\n"
    )
    assert cited[0].title == "A Title"


@pytest.mark.parametrize(
    "html",
    [
        "<p>Text<sup>1</sup> more.</p><h3>Notes</h3><p><sup>1</sup> A remark.</p>",
        "<p>Text [1] more.</p><hr /><p>[1] A remark.</p>",
        "<p>Text† more.</p><hr><p>† A remark.</p>",
        '<p>Text<a href="#fn1"><sup>1</sup></a> more.</p>'
        '<h4>Footnotes</h4><ol><li>A remark. <a href="#r1">↩</a></li></ol>',
    ],
)
def test_hand_made_footnotes_become_markdown_footnotes(html):
    """Markers (*, †, [1], <sup>1</sup>) with notes below a rule or a Notes heading become [^1]."""
    result = md(html)
    assert result.replace(" [^1]", "[^1]") == "Text[^1] more.\n\n[^1]: A remark.\n"


def test_block_editor_footnotes_from_post_meta():
    """WordPress 6.3's footnotes block: <sup data-fn> markers, notes in the footnotes meta as JSON."""
    html = (
        '<!-- wp:paragraph --><p>Claim<sup data-fn="u1" class="fn">'
        '<a href="#u1" id="u1-link">1</a></sup>.</p>'
        "<!-- /wp:paragraph --><!-- wp:footnotes /-->"
    )
    conversion = convert_post(html, footnotes_meta='[{"id": "u1", "content": "A <em>plain</em> note."}]')
    assert conversion.markdown == "Claim[^1].\n\n[^1]: A *plain* note.\n"
    assert conversion.gutenberg_comments == 3


def test_gutenberg_block_comments_are_removed_and_newlines_are_plain_whitespace():
    """Block comments vanish, and block-editor content is not run through wpautop."""
    html = "<!-- wp:paragraph -->\n<p>One\nsentence.</p>\n<!-- /wp:paragraph -->"
    assert md(html) == "One sentence.\n"


def test_shortcodes_are_counted_kept_as_text_or_links_or_dropped():
    """[caption] keeps image and caption, [embed] its URL, an empty [gallery] goes; [sic] is no shortcode."""
    html = (
        '[caption id="a" width="3"]<img src="https://e.org/a.jpg" alt="Road"> A road[/caption]\n\n'
        '[gallery ids="1,2"]\n\n[embed]https://video.example/v/1[/embed]\n\nHe [sic] said.'
    )
    conversion = convert_post(html)
    assert conversion.markdown == (
        "![Road](https://e.org/a.jpg)\n\n*A road*\n\n<https://video.example/v/1>\n\nHe [sic] said.\n"
    )
    assert conversion.shortcodes == {"caption": 1, "gallery": 1, "embed": 1}
    assert "[gallery] has no images in the export; dropped" in conversion.problems


def test_note_without_a_marker_is_kept_and_reported():
    """A note nothing in the text points at stays at the end, and the report says so."""
    conversion = convert_post("<p>Text.</p><hr><p>* Orphan note.</p>")
    assert conversion.markdown == "Text.\n\n---\n\nOrphan note.\n"
    assert conversion.problems == ["note * has no marker in the text; kept at the end"]


def test_rule_without_notes_stays_a_rule():
    """A rule followed by ordinary prose is a rule, not a notes section."""
    assert md("<p>One.</p><hr><p>Two.</p>") == "One.\n\n---\n\nTwo.\n"


def rendered(html):
    """The post page's HTML for the Markdown ``html`` converts to, without line ends after tags."""
    return re.sub(r">\n\s*", ">", render_post(md(html)).html.strip())


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<ul>\n<li>Apples\n<ul>\n<li>Cox</li>\n<li>Gala</li>\n</ul>\n</li>\n<li>Pears</li>\n</ul>",
            "<ul><li>Apples<ul><li>Cox</li><li>Gala</li></ul></li><li>Pears</li></ul>",
        ),
        (
            "<ul>\n<li>Apples</li>\n<ul>\n<li>Cox</li>\n<li>Gala</li>\n</ul>\n<li>Pears</li>\n</ul>",
            "<ul><li>Apples<ul><li>Cox</li><li>Gala</li></ul></li><li>Pears</li></ul>",
        ),
        (
            "<ol><li>One<ul><li>x<ol><li>deep</li></ol></li><li>y</li></ul></li><li>Two</li></ol>",
            "<ol><li>One<ul><li>x<ol><li>deep</li></ol></li><li>y</li></ul></li><li>Two</li></ol>",
        ),
        (
            "<ul><li><p>First.</p><p>More.</p><ul><li>b<ul><li>deep</li></ul></li><li>b2</li></ul>"
            "<p>After.</p></li><li>Last</li></ul>",
            "<ul><li><p>First.</p><p>More.</p><ul><li>b<ul><li>deep</li></ul></li><li>b2</li></ul>"
            "<p>After.</p></li><li><p>Last</p></li></ul>",
        ),
    ],
)
def test_nested_and_mixed_lists_keep_their_structure_at_any_depth(html, expected):
    """Items after a sub-list stay in the outer list, and a list directly inside a list is a sub-list."""
    assert rendered(html) == expected


@pytest.mark.parametrize(
    "html",
    [
        "Roses are red,<br />\nviolets are blue,<br />\nsugar is sweet.",
        "<p>Roses are red,<br>violets are blue,<br><br>sugar is sweet.</p>",
        "<!-- wp:paragraph --><p>Roses are red,<br>violets are blue,<br>sugar is sweet.</p>"
        "<!-- /wp:paragraph -->",
    ],
)
def test_line_breaks_inside_a_paragraph_stay_line_breaks_in_that_paragraph(html):
    """A <br>, with or without the classic editor's newline after it, is a hard break, not a paragraph."""
    assert rendered(html) == "<p>Roses are red,<br>violets are blue,<br>sugar is sweet.</p>"


@pytest.mark.parametrize(
    "html",
    [
        "The teaser <em>ends</em> here.<!--more-->The rest follows.",
        "<p>The teaser <em>ends</em> here.<!--more Keep reading &rarr;--></p>\n<p>The rest follows.</p>",
        "<!-- wp:paragraph --><p>The teaser <em>ends</em> here.</p><!-- /wp:paragraph -->\n"
        "<!-- wp:more --><!--more--><!-- /wp:more -->\n"
        "<!-- wp:paragraph --><p>The rest follows.</p><!-- /wp:paragraph -->",
    ],
)
def test_more_tag_ends_a_paragraph_and_marks_the_summary(html):
    """<!--more--> (with or without its link text) glues no words and gives the teaser as the summary."""
    conversion = convert_post(html)
    assert conversion.markdown == "The teaser *ends* here.\n\nThe rest follows.\n"
    assert conversion.summary == "The teaser ends here."


def test_post_without_more_tag_has_no_summary_from_its_body():
    """Without <!--more-->, the conversion proposes no summary (the export's excerpt is the only one)."""
    assert convert_post("<p>One.</p><p>Two.</p>").summary == ""


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>A fine essay [via <a href="https://df.example/linked/x">Daring Fireball</a>] on type.</p>',
            '<p>A fine essay [via <a href="https://df.example/linked/x">Daring Fireball</a>] on type.</p>',
        ),
        (
            'Worth reading [h/t <a href="https://example.org/ann" title="Ann\'s blog">Ann</a>], and more.',
            '<p>Worth reading [h/t <a href="https://example.org/ann">Ann</a>], and more.</p>',
        ),
    ],
)
def test_bracketed_prose_with_a_link_stays_prose_with_its_link(html, expected):
    """A bracket holding a link is no shortcode: the sentence and its link are kept as written."""
    conversion = convert_post(html)
    assert rendered(html) == expected
    assert not conversion.shortcodes


PHP = '<?php\nif ( $a < $b && "x" == \'y\' ) {\n    echo "a";\n}'


@pytest.mark.parametrize(
    "html",
    [
        f'<p>Try this:</p>\n[code language="php"]{PHP}[/code]',
        f'<p>Try this:</p>\n[sourcecode lang="php"]{PHP}[/sourcecode]',
        f"<p>Try this:</p>\n[php]{PHP}[/php]",
        "<p>Try this:</p>\n[php]" + PHP.replace("&", "&amp;").replace("<", "&lt;") + "[/php]",
        '<p>Try this:</p>\n<pre class="brush: php; title: ; notranslate">'
        + PHP.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        + "</pre>",
        "<!-- wp:paragraph --><p>Try this:</p><!-- /wp:paragraph --><!-- wp:code -->"
        '<pre class="wp-block-code"><code class="language-php">'
        + PHP.replace("&", "&amp;").replace("<", "&lt;")
        + "</code></pre><!-- /wp:code -->",
    ],
)
def test_code_shortcodes_and_pre_become_fenced_code_with_their_language(html):
    """[code], [sourcecode], [php] and <pre> (brush class or language-x) are fenced code, verbatim."""
    assert md(html) == f"Try this:\n\n```php\n{PHP}\n```\n"
    assert 'class="language-php"' in render_post(md(html)).html


def test_code_entities_are_decoded_once_and_code_in_a_list_stays_code():
    """An escaped entity in code stays an entity; code inside a list item is an indented code block."""
    assert md("[js]a &amp;&amp; b &amp;lt; c[/js]") == "```js\na && b &lt; c\n```\n"
    assert md("<ul><li>Run:<pre>make\n  all</pre></li></ul>") == "- Run:\n\n        make\n          all\n"


def test_struck_text_and_scripts_are_kept_in_a_post():
    """<del>, <s>, <strike>, <sup> and <sub> render as struck, raised and lowered text."""
    html = (
        "<p>E = mc<sup>2</sup> for H<sub>2</sub>O, at <del>$20</del> <s>$15</s> <strike>$12</strike> $10, "
        "the n<sup>th and last</sup> time.</p>"
    )
    assert rendered(html) == (
        "<p>E = mc<sup>2</sup> for H<sub>2</sub>O, at <del>$20</del> <del>$15</del> <del>$12</del> $10, "
        "the n<sup>th and last</sup> time.</p>"
    )


def test_comments_keep_struck_text_and_scripts_as_plain_text_and_report_it():
    """Reader comments have no strike-through or scripts: the words stay, tildes stay unescaped."""
    conversion = convert_post("<p>H<sub>2</sub>O, <del>wrong</del> ~5</p>", comment=True)
    assert conversion.markdown == "H2O, wrong ~5\n"
    assert conversion.problems == ["struck-through text kept as plain text"]


def test_heading_anchors_are_kept_and_in_page_links_to_them_live():
    """<h2 id> and <a name> in a heading keep their id; links to them stay links, links elsewhere text."""
    html = (
        '<p>Jump to <a href="#why-it-matters">the reason</a> or <a href="#gone">nowhere</a>.</p>'
        '<h2 id="why-it-matters">Why it <em>matters</em></h2><h3><a name="part-2"></a>Part 2</h3>'
    )
    assert md(html) == (
        "Jump to [the reason](#why-it-matters) or nowhere.\n\n"
        "## Why it *matters* {#why-it-matters}\n\n### Part 2 {#part-2}\n"
    )
    assert rendered(html) == (
        '<p>Jump to <a href="#why-it-matters">the reason</a> or nowhere.</p>'
        '<h2 id="why-it-matters">Why it <em>matters</em>'
        '<a aria-label="Link to this section" class="heading-anchor" href="#why-it-matters">§</a></h2>'
        '<h3 id="part-2">Part 2'
        '<a aria-label="Link to this section" class="heading-anchor" href="#part-2">§</a></h3>'
    )
