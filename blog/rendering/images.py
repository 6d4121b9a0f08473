"""Images in a post: lazy loading, their size where it is known, and the alt text publishing needs.

``ImageFilter`` runs in the author sanitizer, after the allowlist, so it sees
every image a reader gets, from Markdown (``![alt](url)``) or raw HTML alike.
Each gets ``loading="lazy"`` and ``decoding="async"``, and ``width`` and
``height`` (so the page does not jump as images arrive) when the caller's
``size`` function knows them; the author's own values are kept. The images
are listed, with their alt text, for ``Rendering.images``.
"""

from collections.abc import Callable

from bleach.html5lib_shim import Filter

from blog.rendering.types import ImageInfo

SizeLookup = Callable[[str], tuple[int, int] | None]

SRC, ALT, WIDTH, HEIGHT = (None, "src"), (None, "alt"), (None, "width"), (None, "height")


class ImageFilter(Filter):
    """Completes each ``<img>`` and appends an ``ImageInfo`` for it to ``found``."""

    def __init__(self, source, *, size: SizeLookup | None, found: list):
        super().__init__(source)
        self.size = size
        self.found = found

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "img":
                self.complete(token["data"])
            yield token

    def complete(self, attributes: dict) -> None:
        src = attributes.get(SRC, "")
        self.found.append(ImageInfo(position=len(self.found) + 1, src=src, alt=attributes.get(ALT, "")))
        attributes[(None, "loading")] = "lazy"
        attributes[(None, "decoding")] = "async"
        sized = WIDTH in attributes or HEIGHT in attributes
        if self.size and src and not sized and (size := self.size(src)):
            attributes[WIDTH], attributes[HEIGHT] = str(size[0]), str(size[1])
