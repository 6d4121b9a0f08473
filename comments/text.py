"""What a commenter types that no reader can see: direction controls and invisible characters.

A right-to-left override makes the name "Max \u202eRotaredoM" display as "Max
Moderator", and a zero-width space slips "mod\u200berator" past a word rule;
neither has a use in a name. ``clean_line`` takes them out of single-line
fields (name, email, website) on the way in. Bodies keep them (right-to-left
writing needs the marks), but a body must have something to see
(``has_visible``).

Invisible here means Unicode's format characters (category Cf: the bidi
embeddings, overrides, isolates and marks, zero-width spaces and joiners, the
soft hyphen, tag characters) and the other default-ignorable code points that
render as nothing (the Hangul fillers, the combining grapheme joiner, the
Mongolian and Khmer invisibles, variation selectors).
"""

import unicodedata

# Default-ignorable code points outside category Cf (Unicode's DerivedCoreProperties), and U+2800,
# a blank braille pattern: each shows nothing.
_OTHER_INVISIBLE = [
    range(0x034F, 0x0350),
    range(0x115F, 0x1161),
    range(0x17B4, 0x17B6),
    range(0x180B, 0x1810),
    range(0x2800, 0x2801),
    range(0x3164, 0x3165),
    range(0xFE00, 0xFE10),
    range(0xFFA0, 0xFFA1),
    range(0xE0100, 0xE01F0),
]


def is_invisible(char):
    """Whether ``char`` is a format character or another code point that renders as nothing."""
    code = ord(char)
    return unicodedata.category(char) == "Cf" or any(code in block for block in _OTHER_INVISIBLE)


def clean_line(value):
    """``value`` without invisible characters, control characters as spaces, runs of spaces as one."""
    kept = (" " if unicodedata.category(char) == "Cc" else char for char in value if not is_invisible(char))
    return " ".join("".join(kept).split())


def has_visible(text):
    """Whether ``text`` has a character a reader can see: not whitespace and not invisible."""
    return any(not char.isspace() and not is_invisible(char) for char in text)
