"""The public face of the pipeline: ``render_post``, ``render_comment`` and friends.

Each thread keeps its own configured ``Markdown`` instances (building one
costs more than a short render) and resets them between texts; an instance
that raised is thrown away rather than trusted again.
"""

import logging
import re
import threading
from collections.abc import Mapping
from html import escape

import markdown

from blog.rendering import brackets, plain, tables, wide
from blog.rendering.anchors import AnchorExtension
from blog.rendering.cites import keys_in
from blog.rendering.extension import CommentaryExtension
from blog.rendering.images import SizeLookup
from blog.rendering.limits import Limits, flatten, over_formatting, over_length
from blog.rendering.sanitize import clean_author_html, clean_reader_html
from blog.rendering.scripts import ScriptsExtension
from blog.rendering.strike import StrikeExtension
from blog.rendering.types import Citable, CitationStyle, Rendering

logger = logging.getLogger(__name__)

POST_EXTENSIONS = ["tables", "fenced_code", "def_list", "abbr", "smarty"]

# C0 controls but tab and newlines, and lone surrogates: Python-Markdown uses
# STX and ETX as placeholders, and none of these can appear in HTML anyway.
_UNWANTED_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

_local = threading.local()


def _clean_input(text):
    return _UNWANTED_CHARS_RE.sub("", str(text or ""))


def _post_markdown():
    if getattr(_local, "post", None) is None:
        extension = CommentaryExtension()
        md = markdown.Markdown(
            extensions=[*POST_EXTENSIONS, extension, StrikeExtension(), ScriptsExtension(), AnchorExtension()]
        )
        tables.register(md)
        wide.register(md)
        plain.register(md)
        _local.post = (md, extension)
    return _local.post


def _comment_markdown():
    """Paragraphs, line breaks, lists, emphasis, links, quotes, code; raw HTML stays text; no images.

    A single line break is kept (``nl2br``), as a reader typing in a text box means it.
    """
    if getattr(_local, "comment", None) is None:
        md = markdown.Markdown(extensions=["fenced_code", "smarty", "nl2br"])
        md.preprocessors.deregister("html_block")
        for name in ("html", "image_link", "image_reference", "short_image_ref"):
            md.inlinePatterns.deregister(name)
        for name in ("hashheader", "setextheader", "hr"):
            md.parser.blockprocessors.deregister(name)
        brackets.register(md)
        wide.register(md)
        plain.register(md, line_breaks=True)
        _local.comment = md
    return _local.comment


def _render(text, sources, limits, style=None):
    """Markdown to unsanitized HTML and the render's state."""
    md, extension = _post_markdown()
    try:
        md.reset()
        extension.start(sources, limits, style)
        html = md.convert(text)
    except Exception:
        _local.post = None
        raise
    return html, extension.state


def _fallback_html(text):
    """The text as escaped paragraphs: within both allowlists by construction, so not run through bleach,
    which would take seconds over a long text of entities (it builds each text node by concatenation)."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n".join(f"<p>{escape(paragraph.strip())}</p>" for paragraph in paragraphs if paragraph.strip())


def render_post(
    text: str,
    sources: Mapping[str, Citable] | None = None,
    limits: Limits | None = None,
    *,
    image_size: SizeLookup | None = None,
    style: CitationStyle | None = None,
) -> Rendering:
    """Render a post body written in the commentary dialect.

    ``sources`` maps citation keys to ``Citable`` objects (fetch them first
    with ``citation_keys``); ``image_size`` gives an image's width and height
    from its address, when known. Citations are numbered notes, unless
    ``style`` is an in-text style, which cites in the running text. Never raises: problems an author can fix
    are in ``errors`` (and ``publish_errors``); a text over ``limits``, or one
    the pipeline itself fails on, is shown as plain text.
    """
    text = _clean_input(text)
    limits = limits or Limits()
    if too_long := over_length(text, limits):
        return _plain_rendering(text, [too_long])
    text, too_deep = flatten(text, limits)
    try:
        in_text = style if style is not None and style.kind == "in-text" else None
        html, state = _render(text, sources if sources is not None else {}, limits, in_text)
        if too_deep:
            state.error(too_deep)
    except Exception as exc:  # the public page must show something whatever the body holds
        logger.exception("Rendering a post body failed")
        return _plain_rendering(
            text, [f"The text could not be rendered ({type(exc).__name__}); it is shown as plain text."]
        )
    outline = state.outline
    if outline is None:  # Python-Markdown skips blank text altogether
        return Rendering(html="", errors=state.errors)
    images = []
    return Rendering(
        html=clean_author_html(html, image_size=image_size, images=images),
        images=images,
        excerpts=outline.excerpts,
        asides=outline.asides,
        interpolations=outline.interpolations,
        footnotes=outline.footnotes,
        citations=outline.citations,
        errors=state.errors,
        word_count=outline.word_count,
        quoted_word_count=outline.quoted_word_count,
    )


def _plain_rendering(text, errors):
    html = _fallback_html(text)
    return Rendering(html=html, errors=errors, word_count=len(text.split()))


def citation_keys(text: str, limits: Limits | None = None) -> set[str]:
    """Every source key ``render_post`` would look up in ``text``, so callers can fetch them first."""
    text = _clean_input(text)
    limits = limits or Limits()
    if "@" not in text or over_length(text, limits):
        return set()
    try:
        _html, state = _render(flatten(text, limits)[0], {}, limits)
    except Exception:
        logger.exception("Reading citation keys failed")
        return set()
    return set(state.cited_keys)


def keys_to_fetch(text: str) -> set[str]:
    """Every key that ``render_post`` might look up in ``text``, and perhaps a few more.

    Found by pattern alone, without rendering, so a caller can fetch the
    sources before the one real render (``citation_keys`` renders to be exact).
    """
    return keys_in(_clean_input(text))


def render_comment(text: str, limits: Limits | None = None) -> str:
    """Render a reader's comment under the reader allowlist.

    Lines nested deeper than ``limits.max_depth`` are shown as plain text,
    and a whole comment over ``limits.max_paragraphs`` or
    ``limits.max_formatting`` is (the comment form refuses a comment over
    those limits and longer than its own).
    """
    text = _clean_input(text)
    limits = limits or Limits()
    if over_formatting(text, limits):
        return _fallback_html(text)
    text, _too_deep = flatten(text, limits)
    md = _comment_markdown()
    try:
        md.reset()
        html = md.convert(text)
    except Exception:
        _local.comment = None
        logger.exception("Rendering a comment failed")
        return _fallback_html(text)
    return clean_reader_html(html)
