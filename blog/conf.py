"""The blog app's settings, with their defaults, in one place.

Each setting is read, at the moment it is used, from Django's settings as
``BLOG_<NAME>``, else taken from the default below (``config/settings.py``
sets it from the environment variable of the same name). The limits bound
the work one post body asks of the rendering pipeline (see
``blog.rendering.limits``); a body over one is a form error naming it, and a
stored one still renders (as plain text where it is over).
"""

from django.conf import settings

from blog.rendering.limits import Limits

DEFAULTS = {
    # The longest post body, in characters (a 1 MB post fits).
    "MAX_BODY_LENGTH": 1_048_576,
    # Lines in a post body, and lines in one block (between blank lines).
    "MAX_LINES": 50_000,
    "MAX_BLOCK_LINES": 1_000,
    # Quotes and lists nested deeper than this are shown as plain text.
    "MAX_NESTING": 16,
    # Numbered notes (citations and footnotes) in one post.
    "MAX_NOTES": 5_000,
    # References to one note.
    "MAX_NOTE_REFERENCES": 1_000,
    # Sources named in one citation, as in [@a; @b; @c].
    "MAX_CITATION_KEYS": 50,
    # Paragraphs, and formatting marks (* _ ` [ ] < > & \ … ~ ^ quotes, -- and ...), in a post body:
    # each costs the renderer several times a letter.
    "MAX_PARAGRAPHS": 20_000,
    "MAX_FORMATTING": 50_000,
    # "<" followed by a letter with no ">" anywhere after it (each is read to the end of the text).
    "MAX_UNCLOSED_TAGS": 20,
    # The largest image file the editor accepts, in bytes.
    "IMAGE_MAX_BYTES": 10 * 1024 * 1024,
    # Pixels (width × height, summed over an animation's frames) an image may have: decoding
    # 40 megapixels takes at most 160 MB, and a small file claiming more is a decompression bomb.
    "IMAGE_MAX_PIXELS": 40_000_000,
    # Where uploads are stored in the default storage, through strftime (uploads/2026/11/).
    "IMAGE_UPLOAD_DIRECTORY": "uploads/%Y/%m",
    # How long a list's count and the archive's months are kept in Django's cache; a change to a
    # post or tag retires them at once, and this bounds what bulk writes and due scheduled posts wait.
    "LIST_CACHE_SECONDS": 60,
    # A search ranks at most this many matching posts, the newest: a word found in every post
    # costs what this many do (a rarer word has all its matches ranked).
    "SEARCH_CANDIDATES": 1_000,
    # The folder of the serif fonts social cards are set in (Debian's fonts-dejavu-core);
    # without them, Pillow's own font.
    "CARD_FONT_DIRECTORY": "/usr/share/fonts/truetype/dejavu",
    # Saving a post to publish (and the live preview) warns, without blocking, when quoted words
    # are more than this percentage of the post's words (blog.fair_use).
    "QUOTED_SHARE_WARNING": 50,
    # Whether a post ends with a "Works cited" list, the bibliography entries of every source it
    # cites or quotes; a post may say otherwise (Post.works_cited).
    "WORKS_CITED": False,
    # The editor autosaves a changed draft this often, in seconds, and when the author leaves the page.
    "AUTOSAVE_SECONDS": 20,
    # Autosaves kept per post (and of new posts, per writer); older ones are deleted.
    "AUTOSAVES_KEPT": 20,
    # Where generated social cards are kept in the default storage, one folder per post.
    "CARD_DIRECTORY": "cards",
}


def get(name):
    """The setting ``BLOG_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"BLOG_{name}", DEFAULTS[name])


def render_limits() -> Limits:
    """The pipeline's ``Limits`` as the settings have them."""
    return Limits(
        max_length=get("MAX_BODY_LENGTH"),
        max_lines=get("MAX_LINES"),
        max_block_lines=get("MAX_BLOCK_LINES"),
        max_depth=get("MAX_NESTING"),
        max_notes=get("MAX_NOTES"),
        max_references=get("MAX_NOTE_REFERENCES"),
        max_citation_keys=get("MAX_CITATION_KEYS"),
        max_unclosed_tags=get("MAX_UNCLOSED_TAGS"),
        max_paragraphs=get("MAX_PARAGRAPHS"),
        max_formatting=get("MAX_FORMATTING"),
    )


def limits_help_text() -> str:
    """The limits as the post form states them before anyone submits."""
    return (
        f"At most {get('MAX_BODY_LENGTH'):,} characters in {get('MAX_LINES'):,} lines "
        f"({get('MAX_BLOCK_LINES'):,} without a blank line), quotes and lists nested {get('MAX_NESTING')} "
        f"deep, {get('MAX_NOTES'):,} notes, {get('MAX_NOTE_REFERENCES'):,} references to one note "
        f"and {get('MAX_CITATION_KEYS')} sources in one citation; at most {get('MAX_PARAGRAPHS'):,} "
        f"paragraphs, {get('MAX_FORMATTING'):,} formatting marks (* _ ` [ ] < > & \\ … ~ ^ quotes, -- ...) "
        f"and {get('MAX_UNCLOSED_TAGS')} “<” followed by a letter with no “>” after them."
    )
