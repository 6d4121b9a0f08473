"""Links to the passage: a source's URL with a text fragment, ``#:~:text=start,end``.

Chromium's Text Fragments scroll to and highlight the words a directive
names. Only words the source holds may go in it, so the passage is the
excerpt's quoted text cut at omissions and interpolations (asides are left
out before it gets here): the first span of at least ``MIN_WORDS`` words, or
the longest. A term cannot cross a paragraph, so ``start`` comes from the
span's first paragraph and ``end`` from its last. A short one-paragraph span
is the whole directive; a longer one is its first ``TERM_WORDS`` words and
its last, the end lengthened while its words also occur earlier after the
start (the browser ends the range at the first occurrence). Nothing about the
page around the passage is known, so no ``prefix-`` or ``suffix`` is written.
Quote marks and punctuation at a term's edges are dropped: the author's smart
quotes are rarely the source's.
"""

from urllib.parse import quote, urlsplit

MIN_WORDS = 3
TERM_WORDS = 5
WHOLE_WORDS = 10
_EDGE = "\"'“”‘’«»„‚‹›()[]{}*_.,;:!?—–-…"


def encode_term(term):
    """``term`` percent-encoded for a text directive: reserved characters, ``-``, ``&`` and ``,`` too."""
    return quote(term, safe="").replace("-", "%2D")


def text_directive(spans):
    """The ``text=…`` directive for a passage given as its quoted spans, or "" when none has a word."""
    spans = [span for span in spans if span.split()]
    if not spans:
        return ""
    longest = max(spans, key=lambda span: len(span.split()))
    span = next((span for span in spans if len(span.split()) >= MIN_WORDS), longest)
    paragraphs = [paragraph.split() for paragraph in span.split("\n\n") if paragraph.split()]
    first, last = paragraphs[0], paragraphs[-1]
    if len(paragraphs) == 1 and len(first) <= WHOLE_WORDS:
        return "text=" + encode_term(_trim(first))
    rest = [word for paragraph in paragraphs for word in paragraph][TERM_WORDS:]
    after_start = " ".join(rest)
    size = TERM_WORDS
    while size < min(len(last), len(rest)) and _occurs_twice(_trim(last[-size:]), after_start):
        size += 1
    return f"text={encode_term(_trim(first[:TERM_WORDS]))},{encode_term(_trim(last[-size:]))}"


def _occurs_twice(term, text):
    return text.find(term) != text.rfind(term)


def _trim(words):
    return " ".join(words).strip(_EDGE).strip()


def passage_url(url, spans):
    """``url`` with a text fragment for the passage; unchanged when it has a fragment or nothing to find."""
    directive = text_directive(spans)
    if not directive or urlsplit(url).fragment or url.endswith("#"):
        return url
    return f"{url}#:~:{directive}"
