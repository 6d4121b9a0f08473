"""Checking a quotation against its source's text: pure functions, no database.

An excerpt's stored text (``blog.models.Excerpt.text``) holds the quoted
words with asides already taken out, and omissions (``…``) and the author's
bracketed interpolations (``[the militants]``, ``[sic]``, ``[T]he``) kept.
The quote is cut at each of those into spans, since the source's words run
on only between them (an interpolation may replace words, not just add
them). Quote and source are normalised alike: Unicode NFKC (``…`` becomes
``...``, ligatures and full-width letters their plain letters), curly quotes
and apostrophes straight, any dash (with the spaces round it) one `` - ``,
invisible characters dropped, whitespace (paragraph breaks too) one space.
Each span loses the punctuation at its edges, which quotation practice lets
an author change (CMOS 13.7: the final period; 13.18: a capital at the
start), and is then looked up in the source, each after the one before.

The match is case-sensitive except for a span's first letter (CMOS 13.18
allows a quotation's first letter to change case to suit the sentence it is
set in); anywhere else a changed capital changes a name or a sentence, which
is worth flagging. A span not found gets the nearest passage: the source
window as long as the span (in words) holding most of its words, found by one
sliding pass, then compared word by word (difflib, bounded by the span's
length) to name the words that differ.

Limits: the source is read up to ``MAX_SOURCE_CHARS``, a quote up to
``MAX_QUOTE_CHARS``, and nearest passages are looked for for the first
``MAX_NEAREST`` missing spans of a quote; each lookup is a substring search
and each nearest passage one linear pass over the source's words.
"""

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field

MAX_SOURCE_CHARS = 2_000_000
MAX_QUOTE_CHARS = 50_000
MAX_NEAREST = 20
# Words of the source shown either side of a nearest passage.
CONTEXT_WORDS = 3

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″〝〞＂", '"') | dict.fromkeys("‘’‚‛‹›′`´", "'"))
_DASHES_RE = re.compile(r"\s*[-‐‑‒–—―−⸺⸻]+\s*")
_SPACE_RE = re.compile(r"\s+")
# An omission (``...``, spaced or not, or bracketed) or a bracketed interpolation.
_CUT_RE = re.compile(r"\[[^\[\]]*\]|(?:\.\s?){3,}")
_EDGE = "\"'()[]{}.,;:!? -*_"
_WORD_RE = re.compile(r"\w+")


@dataclass
class SpanResult:
    """One span of a quote: where it is in the normalised source, or the passage nearest to it."""

    text: str
    found: bool
    offset: int | None = None
    nearest: str = ""
    shared: float = 0.0  # share of the span's words in the nearest passage
    differences: list[str] = field(default_factory=list)  # the span's words the passage lacks or changes


def normalise(text: str) -> str:
    """``text`` as quote and source are compared: NFKC, straight quotes, one kind of dash, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_QUOTES)
    text = _DASHES_RE.sub(" - ", text)
    return _SPACE_RE.sub(" ", text).strip()


def spans_of(quote: str) -> list[str]:
    """The quote's normalised spans: cut at omissions and interpolations, edge punctuation trimmed."""
    pieces = _CUT_RE.split(normalise(quote[:MAX_QUOTE_CHARS]))
    return [span for piece in pieces if (span := piece.strip(_EDGE)) and _WORD_RE.search(span)]


def find_span(span: str, source: str, start: int) -> int:
    """Where ``span`` occurs in ``source`` from ``start`` on, its first letter in either case; -1 if not."""
    first, rest = span[0], span[1:]
    if first.lower() == first.upper():
        return source.find(span, start)
    pattern = re.compile(f"[{re.escape(first.lower())}{re.escape(first.upper())}]{re.escape(rest)}")
    match = pattern.search(source, start)
    return match.start() if match else -1


def words(text: str) -> list[tuple[str, int, int]]:
    """Each word of ``text`` lower-cased, with where it starts and ends."""
    return [(match[0].lower(), match.start(), match.end()) for match in _WORD_RE.finditer(text)]


def nearest_passage(span: str, source: str, source_words=None) -> SpanResult:
    """The source window as long as ``span`` sharing most of its words (the first such), as a miss."""
    wanted = [word for word, _, _ in words(span)]
    source_words = words(source) if source_words is None else source_words
    if not wanted or not source_words:
        return SpanResult(text=span, found=False, differences=wanted)
    size, need = len(wanted), Counter(wanted)
    have = Counter()
    shared = best = best_start = 0
    for index, (word, _, _) in enumerate(source_words):
        if word in need:
            shared += have[word] < need[word]
            have[word] += 1
        if index >= size:
            old = source_words[index - size][0]
            if old in need:
                have[old] -= 1
                shared -= have[old] < need[old]
        if shared > best:
            best, best_start = shared, max(0, index - size + 1)
    window = source_words[best_start : best_start + size]
    matcher = difflib.SequenceMatcher(None, wanted, [word for word, _, _ in window], autojunk=False)
    differences = [
        word
        for tag, low, high, _, _ in matcher.get_opcodes()
        if tag in ("replace", "delete")
        for word in wanted[low:high]
    ]
    shown = source_words[max(0, best_start - CONTEXT_WORDS) : best_start + size + CONTEXT_WORDS]
    return SpanResult(
        text=span,
        found=False,
        nearest=source[shown[0][1] : shown[-1][2]] if best else "",
        shared=round(best / size, 2),
        differences=differences,
    )


def check_quote(quote: str, source_text: str) -> list[SpanResult]:
    """Each span of ``quote`` looked up in ``source_text``, in order; a miss carries its nearest passage."""
    source = normalise(source_text[:MAX_SOURCE_CHARS])
    results, cursor, misses, source_words = [], 0, 0, None
    for span in spans_of(quote):
        offset = find_span(span, source, cursor)
        if offset >= 0:
            results.append(SpanResult(text=span, found=True, offset=offset))
            cursor = offset + len(span)
            continue
        misses += 1
        if misses > MAX_NEAREST:
            results.append(SpanResult(text=span, found=False))
            continue
        source_words = words(source) if source_words is None else source_words
        results.append(nearest_passage(span, source, source_words))
    return results


def as_json(results: list[SpanResult]) -> list[dict]:
    return [asdict(result) for result in results]
