"""Images in WordPress posts: captions and galleries as the dialect writes them (pure functions).

WordPress writes a captioned image in three ways: the old shortcode with the
caption after the image, ``[caption id=… width=…]<img …> Text[/caption]``;
the same with the caption in an attribute, ``[caption caption="Text"]``; and
the block editor's ``<figure class="wp-block-image"><img><figcaption>``.
``expand`` turns both shortcode forms, and ``[gallery]`` (its images named by
``ids``, else the post's own attachments, as WordPress shows them), into the
block editor's figures, which the converter writes as an image followed by
its caption in italics: the dialect's images are Markdown's ``![alt](url)``,
which has no caption and no size of its own. A block gallery's list of
figures (``gallery_blocks``) is written the same way: images in sequence, each
followed by its caption.
"""

import re
from dataclasses import dataclass
from html import escape

from importing.htmltree import Element, is_block

GALLERY_RE = re.compile(r"(?<!\[)\[gallery\b([^\]]*)\]", re.IGNORECASE)
CAPTION_RE = re.compile(r"(?<!\[)\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
ATTR_RE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
# ``[[gallery]]`` is WordPress's way of writing the text "[gallery]": the lookbehinds leave it to
# ``shortcodes``, which writes it as text.
# The image, perhaps in its link, that starts a caption shortcode's content; the rest is the caption.
IMAGE_RE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE)


IMAGE_FILE_RE = re.compile(r"^https?://[^?#]+\.(?:jpe?g|png|gif|webp|bmp|tiff?)(?:[?#]|$)", re.IGNORECASE)


def is_image_file(url: str) -> bool:
    """Whether ``url`` names an image file by its extension (a link to an image's full size)."""
    return bool(IMAGE_FILE_RE.match(url))


# What else WordPress's media library keeps by default and posts link to: documents, audio, video.
# Each is recognised by its first bytes (``mediafiles.check_file``) before it is stored.
FILE_SIGNATURES = {
    "pdf": [(0, b"%PDF-")],
    "mp3": [(0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")],
    "m4a": [(4, b"ftyp")], "mp4": [(4, b"ftyp")], "m4v": [(4, b"ftyp")], "mov": [(4, b"ftyp")],
    "ogg": [(0, b"OggS")], "oga": [(0, b"OggS")], "ogv": [(0, b"OggS")],
    "wav": [(0, b"RIFF")], "flac": [(0, b"fLaC")], "webm": [(0, b"\x1a\x45\xdf\xa3")],
    "zip": [(0, b"PK\x03\x04")], "docx": [(0, b"PK\x03\x04")], "xlsx": [(0, b"PK\x03\x04")],
    "pptx": [(0, b"PK\x03\x04")], "odt": [(0, b"PK\x03\x04")], "epub": [(0, b"PK\x03\x04")],
    "doc": [(0, b"\xd0\xcf\x11\xe0")], "xls": [(0, b"\xd0\xcf\x11\xe0")], "ppt": [(0, b"\xd0\xcf\x11\xe0")],
}  # fmt: skip
MEDIA_FILE_RE = re.compile(rf"^https?://[^?#]+\.({'|'.join(FILE_SIGNATURES)})(?:[?#]|$)", re.IGNORECASE)


def file_kind(url: str) -> str:
    """The extension of a document, audio or video file ``url`` names ("pdf", "mp3"), or ""."""
    match = MEDIA_FILE_RE.match(url)
    return match[1].lower() if match else ""


@dataclass(frozen=True)
class Attachment:
    """An attachment item of the export: its file's URL, its post, and the texts WordPress shows with it."""

    url: str
    parent: int | None = None
    caption: str = ""
    alt: str = ""
    title: str = ""


def attributes(text: str) -> dict:
    """A shortcode's ``name="value"`` attributes, names in lower case."""
    return {match[1].lower(): match[2] or match[3] or match[4] or "" for match in ATTR_RE.finditer(text)}


def _figure(image: str, caption: str) -> str:
    caption = caption.strip()
    return f"<figure>{image}<figcaption>{caption}</figcaption></figure>" if caption else f"<p>{image}</p>"


def _caption(match) -> str:
    attrs, content = attributes(match[2]), match[3]
    image = IMAGE_RE.match(content)
    if image is None:
        return content
    return _figure(image[1], attrs.get("caption") or image[2])


def _gallery(match, attachments: dict, post_id: int | None, problems: list) -> str:
    attrs = attributes(match[1])
    ids = [int(part) for part in re.findall(r"\d+", attrs.get("ids") or attrs.get("include") or "")]
    if not ids and post_id is not None:
        ids = sorted(key for key, attachment in attachments.items() if attachment.parent == post_id)
    figures = []
    for wp_id in ids:
        attachment = attachments.get(wp_id)
        if attachment is None:
            problems.append(f"gallery image {wp_id} is not in the export")
            continue
        image = f'<img src="{escape(attachment.url)}" alt="{escape(attachment.alt)}">'
        figures.append(_figure(image, attachment.caption))
    if not figures:
        problems.append("[gallery] has no images in the export; dropped")
    return f'<figure class="wp-block-gallery">{"".join(figures)}</figure>'


def is_gallery_list(element: Element) -> bool:
    """Whether a ``<ul>`` is a block gallery's grid (WordPress 5.0–5.8 wrote galleries as lists)."""
    classes = element.attrs.get("class", "").split()
    return "blocks-gallery-grid" in classes or "wp-block-gallery" in classes


def gallery_blocks(grid: Element) -> list[Element]:
    """A gallery grid's images and captions as blocks in sequence, not as a list."""
    blocks = []
    for item in grid.children:
        if isinstance(item, Element) and any(map(is_block, item.children)):
            blocks.extend(child for child in item.children if isinstance(child, Element))
        elif isinstance(item, Element):
            blocks.append(Element("p", children=item.children))
    return blocks


def unlist_galleries(element: Element) -> None:
    """Replace each block gallery's grid under ``element`` with its images and captions, in place."""
    children = []
    for child in element.children:
        if isinstance(child, Element) and child.tag == "ul" and is_gallery_list(child):
            children.extend(gallery_blocks(child))
        else:
            if isinstance(child, Element):
                unlist_galleries(child)
            children.append(child)
    element.children = children


def expand(html: str, *, attachments: dict, post_id: int | None, counts, problems: list) -> str:
    """``html`` with caption and gallery shortcodes written as figures; ``counts`` counts them by name."""

    def caption(match):
        counts[match[1].lower()] += 1
        return _caption(match)

    def gallery(match):
        counts["gallery"] += 1
        return _gallery(match, attachments, post_id, problems)

    return GALLERY_RE.sub(gallery, CAPTION_RE.sub(caption, html))
