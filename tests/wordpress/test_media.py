"""Images brought over from WordPress: captions, galleries, and the files themselves."""

from blog.rendering.pipeline import render_post
from wordpress.convert import convert_post


def md(html, **kwargs):
    return convert_post(html, **kwargs).markdown


def test_image_keeps_alt_text_and_title():
    """An image is a Markdown image with its alt text and title, at its URL."""
    html = '<p><img src="https://old.example/a b.png" alt="A *map*" title="The map" width="40"></p>'
    assert md(html) == '![A \\*map\\*](https://old.example/a%20b.png "The map")\n'


def test_image_in_a_link_stays_a_linked_image():
    """An image linking to its full size keeps the link around the image."""
    html = '<a href="https://old.example/big.jpg"><img src="https://old.example/small.jpg" alt="x"></a>'
    assert md(html) == "[![x](https://old.example/small.jpg)](https://old.example/big.jpg)\n"


def test_old_caption_shortcode_keeps_the_text_after_the_image_as_caption():
    """``[caption]…<img> Text[/caption]``: the image, then its caption in italics."""
    html = (
        '[caption id="attachment_5" align="alignleft" width="300"]'
        '<img src="https://o.example/r.jpg" alt="Road"> A <em>long</em> road[/caption]'
    )
    assert md(html) == "![Road](https://o.example/r.jpg)\n\n*A long road*\n"


def test_caption_attribute_form_keeps_the_caption():
    """``[caption caption="Text"]<img>[/caption]``: the caption in the attribute is kept."""
    html = '[caption id="a" caption="Sunset, 2009"]<img src="https://o.example/s.jpg" alt="Sun">[/caption]'
    conversion = convert_post(html)
    assert conversion.markdown == "![Sun](https://o.example/s.jpg)\n\n*Sunset, 2009*\n"
    assert conversion.shortcodes == {"caption": 1}


def test_block_image_figure_keeps_its_figcaption():
    """The block editor's image figure: the image, then its caption in italics."""
    html = (
        '<!-- wp:image --><figure class="wp-block-image size-large"><img src="https://o.example/c.jpg" '
        'alt="Cat"/><figcaption>The <a href="https://cats.example">cat</a></figcaption></figure>'
        "<!-- /wp:image -->"
    )
    assert md(html) == "![Cat](https://o.example/c.jpg)\n\n*The [cat](https://cats.example)*\n"


def test_converted_images_render_as_images():
    """The dialect renders what the converter writes as an image with its alt text."""
    markdown = md('[caption caption="Cap"]<img src="https://o.example/s.jpg" alt="Sun">[/caption]')
    html = render_post(markdown).html
    assert '<img alt="Sun" src="https://o.example/s.jpg">' in html
    assert "<em>Cap</em>" in html
