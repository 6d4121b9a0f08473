"""Embeds in WordPress posts become titled link cards, never bare text (pure functions, no database)."""

import pytest

from wordpress.convert import convert_post


def md(html):
    return convert_post(html).markdown


def test_bare_youtube_url_on_its_own_line_becomes_a_card_and_one_in_a_sentence_stays_text():
    """A URL alone on its line is auto-embedded by WordPress, so a card; one in a sentence is prose."""
    html = (
        "Watch this:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        "The short form https://youtu.be/dQw4w9WgXcQ also works."
    )
    assert md(html) == (
        "Watch this:\n\n[YouTube video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n"
        "The short form https://youtu.be/dQw4w9WgXcQ also works.\n"
    )


def test_bare_url_alone_in_a_paragraph_is_a_card_and_an_unknown_one_a_link():
    """``<p>URL</p>`` is auto-embedded too; WordPress links a URL it knows no provider for."""
    html = "<p>https://twitter.com/jack/status/20</p>\n<p>https://example.com/a-page</p>"
    assert (
        md(html)
        == "[Post on X (Twitter)](https://twitter.com/jack/status/20)\n\n<https://example.com/a-page>\n"
    )


def test_url_alone_on_a_line_in_code_is_left_alone():
    """Code keeps its URLs as code: WordPress's autoembed does not reach into ``<pre>``."""
    assert md("<pre>\nhttps://vimeo.com/22\n</pre>") == "```\nhttps://vimeo.com/22\n```\n"


def test_embed_block_becomes_a_card_titled_with_its_caption():
    """The block editor's embed figure (WordPress 5+) keeps its URL and caption in one titled link."""
    html = (
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=ssfHW5lwFZg","type":"video",'
        '"providerNameSlug":"youtube","responsive":true} -->\n'
        '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube '
        'wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\n'
        "https://www.youtube.com/watch?v=ssfHW5lwFZg\n"
        "</div><figcaption>Matt Mullenweg: State of the Word 2013</figcaption></figure>\n"
        "<!-- /wp:embed -->"
    )
    assert md(html) == (
        "[YouTube video: Matt Mullenweg: State of the Word 2013](https://www.youtube.com/watch?v=ssfHW5lwFZg)\n"
    )


def test_old_core_embed_block_with_a_linked_caption_keeps_the_link_beside_the_card():
    """A caption holding a link follows the card, since a link cannot hold another."""
    html = (
        '<!-- wp:core-embed/vimeo {"url":"https://vimeo.com/22439234","type":"video",'
        '"providerNameSlug":"vimeo"} -->'
        '<figure class="wp-block-embed-vimeo wp-block-embed is-type-video is-provider-vimeo">'
        '<div class="wp-block-embed__wrapper">\nhttps://vimeo.com/22439234\n</div>'
        '<figcaption>By <a href="https://example.com/maker">the maker</a></figcaption></figure>'
        "<!-- /wp:core-embed/vimeo -->"
    )
    assert md(html) == (
        "[Vimeo video](https://vimeo.com/22439234) — By [the maker](https://example.com/maker)\n"
    )


@pytest.mark.parametrize(
    ("shortcode", "card"),
    [
        (
            "[youtube=http://www.youtube.com/watch?v=dQw4w9WgXcQ]",
            "[YouTube video](http://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        ),
        ("[youtube https://youtu.be/dQw4w9WgXcQ]", "[YouTube video](https://youtu.be/dQw4w9WgXcQ)"),
        ("[vimeo 22439234]", "[Vimeo video](https://vimeo.com/22439234)"),
        ("[vimeo id=22439234 w=500 h=280]", "[Vimeo video](https://vimeo.com/22439234)"),
        (
            "[tweet https://x.com/wordpress/status/1234567890]",
            "[Post on X (Twitter)](https://x.com/wordpress/status/1234567890)",
        ),
        ("[tweet 1234567890]", "[Post on X (Twitter)](https://twitter.com/i/status/1234567890)"),
        ('[wpvideo bd2G0c0g w="640"]', "[VideoPress video](https://videopress.com/v/bd2G0c0g)"),
        (
            '[embed width="500"]https://vimeo.com/22439234[/embed]',
            "[Vimeo video](https://vimeo.com/22439234)",
        ),
        (
            '[audio src="https://example.com/wp-content/uploads/2013/01/my%20song.mp3"]',
            "[Audio: my song.mp3](https://example.com/wp-content/uploads/2013/01/my%20song.mp3)",
        ),
        (
            '[video width="640" height="360" mp4="https://example.com/uploads/clip.mp4"][/video]',
            "[Video: clip.mp4](https://example.com/uploads/clip.mp4)",
        ),
    ],
)
def test_embedding_shortcodes_become_cards(shortcode, card):
    """[youtube], [vimeo], [tweet], [embed], [audio] and [video] become a card naming the provider."""
    conversion = convert_post(f"Before.\n\n{shortcode}\n\nAfter.")
    assert conversion.markdown == f"Before.\n\n{card}\n\nAfter.\n"
    assert sum(conversion.shortcodes.values()) == 1


def test_players_become_cards_pointing_at_the_page_not_the_player():
    """A YouTube player's iframe links to the video's page, titled with its title; <video> to its file."""
    html = (
        '<p><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" '
        'title="A talk" allowfullscreen></iframe></p>\n'
        '<figure class="wp-block-video"><video controls src="https://example.com/uploads/clip.mp4"></video>'
        "<figcaption>The launch</figcaption></figure>"
    )
    assert md(html) == (
        "[YouTube video: A talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n"
        "[Video: The launch](https://example.com/uploads/clip.mp4)\n"
    )


def test_embed_block_caption_ending_in_a_break_and_an_escaped_url_read_as_wordpress_shows_them():
    """The theme test data's "YouTube<br>" caption loses its break, and ``&amp;`` in the URL is one ``&``."""
    html = (
        '<!-- wp:core-embed/instagram {"url":"https://www.instagram.com/p/BpmueLLgEn_/?a=1&amp;b=2"} -->\n'
        '<figure class="wp-block-embed-instagram wp-block-embed is-type-rich is-provider-instagram">'
        '<div class="wp-block-embed__wrapper">\nhttps://www.instagram.com/p/BpmueLLgEn_/?a=1&amp;b=2\n'
        "</div><figcaption>Instagram<br></figcaption></figure>\n<!-- /wp:core-embed/instagram -->"
    )
    assert md(html) == "[Instagram post: Instagram](https://www.instagram.com/p/BpmueLLgEn_/?a=1&b=2)\n"


def test_embed_figure_linking_anywhere_but_the_web_is_no_card():
    """A figure whose address is not http(s) (``javascript:``) gets no card, and no link at all."""
    html = (
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">'
        '<a href="javascript:alert(1)">Play</a></div><figcaption>A clip</figcaption></figure>'
    )
    assert md(html) == "Play\n\n*A clip*\n"
