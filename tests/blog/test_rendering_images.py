"""The pipeline's images: lazy loading, sizes from the caller, only allowed attributes, alt text listed."""

from blog.rendering import ImageInfo, render_post


def sizes(known):
    return lambda src: known.get(src)


def test_every_image_loads_lazily_and_decodes_asynchronously():
    """Markdown images, sized or not, get loading="lazy" and decoding="async"."""
    html = render_post("![A cat](https://example.org/cat.png)").html
    assert html == (
        '<p><img alt="A cat" src="https://example.org/cat.png" loading="lazy" decoding="async"></p>'
    )


def test_width_and_height_come_from_the_size_lookup():
    """An image the lookup knows gets its width and height; one it does not know gets neither."""
    rendering = render_post(
        "![One](/media/a.png) ![Two](/media/b.png)", {}, image_size=sizes({"/media/a.png": (640, 480)})
    )
    assert 'src="/media/a.png" loading="lazy" decoding="async" width="640" height="480"' in rendering.html
    assert 'src="/media/b.png" loading="lazy" decoding="async">' in rendering.html


def test_an_authors_own_size_is_kept():
    """Raw HTML with a width keeps it: the lookup does not override what the author wrote."""
    html = render_post(
        '<p><img src="/media/a.png" alt="A" width="100"></p>',
        {},
        image_size=sizes({"/media/a.png": (640, 480)}),
    ).html
    assert 'width="100"' in html
    assert "480" not in html


def test_the_allowlist_keeps_only_the_image_attributes_it_names():
    """srcset, handlers and styles go; src, alt, title, width, height, loading, decoding stay."""
    html = render_post(
        '<p><img src="/a.png" alt="A" title="T" width="1" height="2" srcset="/x.png 2x" '
        'onerror="alert(1)" style="position:fixed" loading="eager" decoding="sync"></p>'
    ).html
    assert html == (
        '<p><img src="/a.png" alt="A" title="T" width="1" height="2" loading="lazy" decoding="async"></p>'
    )


def test_images_are_listed_in_reading_order_with_their_alt_text():
    """Rendering.images lists each image, Markdown or HTML, with its address and alt text."""
    rendering = render_post('![First](/1.png)\n\n<p><img src="/2.png"></p>\n\n> ![](/3.png)')
    assert rendering.images == [
        ImageInfo(position=1, src="/1.png", alt="First"),
        ImageInfo(position=2, src="/2.png", alt=""),
        ImageInfo(position=3, src="/3.png", alt=""),
    ]


def test_images_without_alt_text_are_publish_errors_not_errors():
    """A missing alt is no error for a draft; publish_errors names each image by number and file name."""
    rendering = render_post("![ ](/media/uploads/2026/11/a%20b.png) ![Fine](/c.png)")
    assert rendering.errors == []
    assert rendering.publish_errors == [
        "Image 1 (a b.png) has no alt text. Describe it for readers who cannot see it, between the "
        "brackets: ![a grey cat asleep on a keyboard](/media/uploads/2026/11/a%20b.png)."
    ]
