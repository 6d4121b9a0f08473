"""Pandoc's citation keys: which keys a source may have, and how a post writes one.

Pandoc's manual (Citation syntax): "Unless a citation key starts with a
letter, digit, or _, and contains only alphanumerics and single internal
punctuation characters (:.#$%&-+?<>~/), it must be surrounded by curly
braces, which are not considered part of the key." Its reader also lets ":"
or "/" stand before a "/", so ``@http://x.org/a`` is one key. A key in braces
is anything without whitespace; a source's key has no braces either (Pandoc
reads nested braces, which this project does not), no control characters and
no comma, which ends a key in BibTeX, so that every key a source has is one
its BibTeX export can write and read back.

No Django here: the model's validator and the rendering pipeline, which must
import without Django, both read these patterns, so the two cannot drift.
"""

import re

MAX_KEY_LENGTH = 100

# What a source's key may hold: any character but whitespace, braces, commas and controls (C0 and C1).
KEY_PATTERN = r"[^\s{},\x00-\x1f\x7f-\x9f]+"

# A key written bare, as in ``@Foo_bar.baz``: a letter (of any script), digit or underscore,
# then letters, digits, underscores and single punctuation characters each followed by one of
# them, or ":" or "/" followed by "/". Possessive, so it is read once whatever follows.
BARE_KEY_PATTERN = r"\w(?:\w|[:.#$%&+?<>~/-](?=\w)|[:/](?=/))*+"

_BARE_KEY_RE = re.compile(BARE_KEY_PATTERN)


def needs_braces(key):
    """Whether ``@key`` would not read back as the whole key, so it must be written ``@{key}``."""
    return _BARE_KEY_RE.fullmatch(key) is None


def cite_key(key):
    """The key as a post cites it: ``@hinshaw2013``, or ``@{O'Hara_1999}`` when it needs braces."""
    return f"@{{{key}}}" if needs_braces(key) else f"@{key}"


def letters(number):
    """1 -> "a", 26 -> "z", 27 -> "aa": the suffixes that tell apart keys made alike."""
    text = ""
    while number:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def first_free(key, taken):
    """``key``, or ``key`` with the first letter suffix ("Thomas2016a", "Thomas2016b"…) whose
    lowercase form ``taken`` does not hold."""
    made, number = key, 0
    while made.lower() in taken:
        number += 1
        made = key + letters(number)
    return made
