"""The rendering pipeline: Markdown in the commentary dialect to safe HTML.

Pure functions: no ORM, no request, no settings. ``render_post`` takes the
Markdown and a mapping of citation key to source (anything with the
``Citable`` shape) and returns a ``Rendering``: sanitized HTML plus the
structure found in it, which ``blog.models.Post`` stores as derived rows.
``citation_keys`` names the keys to fetch first. ``render_comment`` renders
reader comments under the smaller reader allowlist. This package is the only
place that calls bleach or ``mark_safe``.

The dialect, module by module: ``excerpts`` (attributed blockquotes; a
blockquote without attribution stays plain and is not recorded), ``inline``
(asides anywhere, interpolations and omissions inside excerpts, citations,
footnote references), ``notes`` (one numbered sequence, final markup),
``outline`` (the ``Rendering`` structure), ``contents`` (heading anchors and
the table of contents), ``sidenotes`` (each note's copy
beside its references, for the margin), ``links`` (links showing their own
address), ``fragments`` (links to the quoted passage), ``cites`` (Pandoc citation
syntax), ``brackets`` (linear-time bracket matching for Python-Markdown's
link patterns), ``tables`` and ``wide`` (linear time where Python-Markdown
is quadratic), ``limits`` (what one text may ask), ``sanitize`` (the two
allowlists), ``images`` (lazy loading, sizes, alt text).
"""

from blog.rendering.limits import Limits
from blog.rendering.pipeline import citation_keys, keys_to_fetch, render_comment, render_post
from blog.rendering.sidenotes import without_sidenotes
from blog.rendering.types import (
    AsideInfo,
    Citable,
    CitationInfo,
    CitationStyle,
    ExcerptInfo,
    FootnoteInfo,
    ImageInfo,
    Rendering,
)

# The version of the dialect's output. Bump it with any change to this package
# that changes the HTML, notes or structure a stored post would get: every
# stored rendering then counts as stale (``blog.derived.stamp``) and is
# rebuilt in the background after the next ``migrate``, or by ``manage.py rerender``.
# 2: a copy of each note after its references, for sidenotes; links named by their own address marked.
# 3: Pandoc's whole citation syntax (narrative @key, [-@key], suffixes, locator labels), a new
# short note for every later citation instead of a reused note number, and Chicago's notes with
# headline-style titles, "n.d." and court cases (a style's output is part of the stored notes).
# 4: an excerpt's caption links to the passage, the source's URL with a text fragment.
# 5: in-text styles (APA, Chicago author-date…) cite in the running text; every post's works
# cited come from the style's reference list.
# 6: comments keep lists and single line breaks.
# 7: Chicago's notes as citations.styles VERSION 2 makes them (volume titles, series, directors,
# translators in the author's place, reviews, short titles opening with function words).
# 8: Chicago's notes as citations.styles VERSION 3 makes them (statutes, bills, hearings, social media
# posts, interviews, episodes' seasons); the in-text styles' entries as citeproc_input now feeds them
# (Vancouver's spaced dates, APA's "(Ed.)", typeset and alternating quotes, tidied initials).
# 9: citation keys as Pandoc reads them: in braces (@{O'Hara_1999}), and a bare key ends before
# repeated punctuation (@Foo_bar--baz cites Foo_bar).
VERSION = 9

__all__ = [
    "AsideInfo",
    "Citable",
    "CitationInfo",
    "CitationStyle",
    "ExcerptInfo",
    "FootnoteInfo",
    "ImageInfo",
    "Limits",
    "Rendering",
    "VERSION",
    "citation_keys",
    "keys_to_fetch",
    "render_comment",
    "render_post",
    "without_sidenotes",
]
