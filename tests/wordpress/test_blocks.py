"""Block-editor blocks that keep their content in their comment's attributes: imported, or reported."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from blog.models import Post
from wordpress.convert import convert_post

SOCIAL = """<!-- wp:social-links {"className":"is-style-logos-only"} -->
<ul class="wp-block-social-links is-style-logos-only"><!-- wp:social-link {"url":"https://mastodon.social/@me","service":"mastodon"} /-->

<!-- wp:social-link {"url":"https://github.com/me","service":"github"} /-->

<!-- wp:social-link {"url":"me@example.org","service":"mail","label":"Write to me"} /--></ul>
<!-- /wp:social-links -->"""  # noqa: E501


def test_social_links_become_a_list_of_links_named_by_service_or_label():
    """WordPress renders each link from its attributes: the service's name (or the label) links to the URL."""
    conversion = convert_post(f"<!-- wp:paragraph -->\n<p>Find me:</p>\n<!-- /wp:paragraph -->\n\n{SOCIAL}")
    assert conversion.markdown == (
        "Find me:\n\n"
        "- [Mastodon](https://mastodon.social/@me)\n"
        "- [GitHub](https://github.com/me)\n"
        "- [Write to me](mailto:me@example.org)\n"
    )
    assert conversion.problems == []


@pytest.mark.parametrize(
    ("block", "markdown"),
    [
        (
            '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=abcdefghijk","type":"video"} /-->',
            "[YouTube video](https://www.youtube.com/watch?v=abcdefghijk)\n",
        ),
        (
            '<!-- wp:buttons -->\n<div class="wp-block-buttons"><!-- wp:button {"url":"https://shop.example/",'
            '"text":"Buy the book"} /--></div>\n<!-- /wp:buttons -->',
            "[Buy the book](https://shop.example/)\n",
        ),
        (
            '<!-- wp:file {"href":"https://old.example/uploads/r.pdf","fileName":"The report"} /-->',
            "[The report](https://old.example/uploads/r.pdf)\n",
        ),
        (
            '<!-- wp:navigation-link {"label":"About","url":"https://old.example/about/"} /-->',
            "[About](https://old.example/about/)\n",
        ),
    ],
)
def test_self_closing_blocks_with_an_address_in_their_attributes_keep_it_as_a_link(block, markdown):
    conversion = convert_post(block)
    assert conversion.markdown == markdown
    assert conversion.problems == []


def test_blocks_wordpress_fills_in_on_display_are_named_in_the_problems_and_space_is_not():
    """Latest posts, archives, a reusable block: nothing here can show them, so the report says so."""
    html = (
        '<p>Before.</p>\n<!-- wp:latest-posts {"postsToShow":3} /-->\n<!-- wp:latest-posts /-->\n'
        '<!-- wp:archives /-->\n<!-- wp:spacer {"height":"40px"} /-->\n<!-- wp:block {"ref":12} /-->\n'
        '<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->\n<p>After.</p>'
    )
    conversion = convert_post(html)
    assert conversion.markdown == "Before.\n\n---\n\nAfter.\n"
    assert conversion.problems == [
        "block wp:latest-posts (2 of them) not imported: WordPress renders it on display",
        "block wp:archives not imported: WordPress renders it on display",
        "reusable block (wp:block) not imported: its content is another item",
    ]


def test_attributes_that_are_not_json_are_reported_not_guessed():
    conversion = convert_post('<!-- wp:social-link {"url":"https://a.example", /-->')
    assert conversion.markdown == ""
    assert conversion.problems == ["block wp:social-link not imported: WordPress renders it on display"]


EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="https://wordpress.org/export/1.2/">
<channel><title>Site</title><link>https://example.org</link><wp:wxr_version>1.2</wp:wxr_version>
<item><title>Elsewhere</title><link>https://example.org/elsewhere/</link><dc:creator>editor</dc:creator>
<content:encoded><![CDATA[{content}]]></content:encoded><wp:post_id>7</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt><wp:post_name>elsewhere</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>"""


@pytest.mark.django_db
def test_an_imported_post_links_its_social_profiles_and_the_report_names_what_was_not_imported(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(EXPORT.replace("{content}", SOCIAL + "\n<!-- wp:latest-posts /-->"))
    out = io.StringIO()
    call_command("import_wxr", str(path), stdout=out)
    assert "post 7: block wp:latest-posts not imported: WordPress renders it on display" in out.getvalue()
    page = Client().get(Post.objects.get(slug="elsewhere").get_absolute_url()).content.decode()
    assert 'href="https://mastodon.social/@me"' in page and ">Mastodon</a>" in page
    assert 'href="mailto:me@example.org"' in page
