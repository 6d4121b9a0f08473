"""Headline-style capitalisation of English titles (CMOS 17 8.159 and 8.161), as Chicago prints them.

Records from Zotero and many sites store titles in sentence case, which
Chicago's notes and bibliography do not allow (8.159, 14.89). ``headline``
capitalises the first and last words of a title and of each subtitle (after
":", "?" or "!"), and every other word but the articles, the
coordinating conjunctions and, but, for, or and nor, the prepositions
whatever their length, "to" and "as", and the particles of names that text
sets lowercase (de, von…). Only words written all in lowercase change: a word
with a capital anywhere (a proper noun in a sentence-case title, an acronym,
"iPhone") is kept as written, and so are words inside a nocase span
(``markup.runs``). A hyphenated compound (8.161) has its first part
capitalised and each later one but the minor words, unless the first part
is a prefix that cannot stand alone (anti-, pre-, non-…), whose second part
stays lowercase. The 18th edition's title case (18th 8.160) capitalises prepositions of five
letters or more ("Much Ado About Nothing"), keeping shorter ones lowercase: ``headline`` does so
when given ``capitalised_from=5``. A preposition used as an adverb ("Turn Down") cannot be told
from text alone: "up", "down", "out" and "off" count as adverbs unless an
article or a determiner follows ("Heats Up Race", "down the Road"); the rest
stay lowercase unless they end the title.
"""

import re

from citations import markup

ARTICLES = {"a", "an", "the"}
CONJUNCTIONS = {"and", "but", "for", "or", "nor"}
PREPOSITIONS = {
    *("aboard", "about", "above", "according", "across", "after", "against", "along", "alongside"),
    *("amid", "amidst", "among", "amongst", "around", "at", "atop", "before", "behind", "below"),
    *("beneath", "beside", "besides", "between", "beyond", "by", "circa", "concerning", "despite"),
    *("down", "during", "except", "from", "in", "inside", "into", "like", "minus", "near"),
    *("notwithstanding", "of", "off", "on", "onto", "opposite", "out", "outside", "over", "past"),
    *("per", "plus", "regarding", "round", "since", "through", "throughout", "till"),
    *("toward", "towards", "under", "underneath", "unlike", "until", "unto", "up", "upon", "v"),
    *("versus", "via", "vs", "with", "within", "without"),
}
# Prepositions that, before anything but a determiner, are adverbs of a phrasal verb ("Heats Up
# Race", but "down the Road"): capitalised then (8.159 rule 3).
ADVERBS = {"up", "down", "out", "off"}
DETERMINERS = ARTICLES | {"his", "her", "its", "my", "our", "their", "your", "this", "that", "these", "those"}
PARTICLES = {"de", "del", "della", "der", "des", "di", "du", "van", "von"}
MINOR_WORDS = ARTICLES | CONJUNCTIONS | PREPOSITIONS | PARTICLES | {"to", "as"}
# Prefixes that cannot stand alone as words (8.161: "anti, pre, etc."); "self" and "under" can.
PREFIXES = {
    *("anti", "bi", "co", "e", "ex", "hyper", "infra", "inter", "intra", "macro", "micro", "mid"),
    *("multi", "non", "post", "pre", "pseudo", "re", "semi", "sub", "supra", "trans", "tri", "ultra"),
    "un",
}

# Symbols and abbreviations that are not words and keep their lowercase before or after a number:
# units of measure ("800 m", "5 kg") and the scholarly "d. 727", "b. 1950", "fl. 1200" (CMOS 17 10.43).
UNITS = {"m", "km", "cm", "mm", "kg", "g", "mg", "ml", "s", "ms", "min", "h", "ft", "mi", "mph", "lb"}
DATE_ABBREVIATIONS = {"b", "d", "fl", "r", "ca", "c"}

WORD = re.compile(r"[^\W_](?:[\w’'-]*[^\W_])?")
# What ends a title or a subtitle: the next word starts another. A colon with no space after it is
# not a subtitle's ("Extra=issued:2011", "10:30").
BREAK = re.compile(r"[:?!](?=\W)")


def _capitalised(word):
    """``word`` with its first letter a capital, if it is all lowercase (else as written)."""
    first = word[:1].upper()
    return first + word[1:] if word.islower() and len(first) == 1 else word


def _minor_word(word, capitalised_from=None):
    """Whether ``word`` stays lowercase inside a title: a preposition of ``capitalised_from`` letters
    or more does not (18th 8.160)."""
    lowered = word.lower()
    if capitalised_from and lowered in PREPOSITIONS and len(lowered) >= capitalised_from:
        return False
    return lowered in MINOR_WORDS


def _minor(word, following, capitalised_from=None):
    lowered = word.lower()
    if lowered in ADVERBS:
        return following in DETERMINERS
    return _minor_word(lowered, capitalised_from)


def _compound(word, *, edge, following="", capitalised_from=None):
    """A word's headline form, ``following`` the next word lowercased; hyphenated compounds per 8.161."""
    parts = word.split("-")
    first = parts[0]
    if len(parts) == 1:
        return _capitalised(first) if edge or not _minor(first, following, capitalised_from) else first
    if first.lower() in PREFIXES:
        return "-".join([_capitalised(first), *parts[1:]])
    rest = [part if _minor_word(part, capitalised_from) else _capitalised(part) for part in parts[1:-1]]
    last = parts[-1] if _minor_word(parts[-1], capitalised_from) and not edge else _capitalised(parts[-1])
    return "-".join([_capitalised(first), *rest, last])


def _symbol(match, before, after):
    """Whether the word is a unit after a number ("800 m") or a date's abbreviation before one
    ("d. 727"): a symbol, not a word, left as written."""
    word = match.group()
    previous = match.string[: match.start()].split()
    if word in UNITS and before == " " and previous and previous[-1].isdigit():
        return True
    return word in DATE_ABBREVIATIONS and re.match(r"\.\s*\d", match.string[match.end() :]) is not None


def _alternative_title_or(word, before, after):
    """Whether ``word`` is the "or" that brings in an alternative title ("Dr. Strangelove or: How I
    Learned…"): a conjunction, lowercase though it ends the title before the colon (8.159)."""
    return word.lower() == "or" and before.isspace() and re.match(r"[:;,]", after) is not None


def headline(title, *, capitalised_from=None):
    """``title`` (CSL rich text) in headline style, its markup and nocase spans kept; prepositions of
    ``capitalised_from`` letters or more capitalised (the 18th edition's 5), else all lowercase."""
    pieces = markup.runs(title)
    visible = "".join(piece for piece, kind in pieces if kind != "tag")
    editable = bytearray()
    for piece, kind in pieces:
        if kind != "tag":
            editable.extend((b"\1" if kind == "text" else b"\0") * len(piece))
    words = list(WORD.finditer(visible))
    if not words:
        return title
    out = list(visible)
    for index, match in enumerate(words):
        before = visible[words[index - 1].end() : match.start()] if index else ""
        after = visible[match.end() : words[index + 1].start()] if index + 1 < len(words) else ""
        edge = index == 0 or index == len(words) - 1 or BREAK.search(before) or BREAK.search(after)
        if _alternative_title_or(match.group(), before, after) and index:
            edge = False
        glued = index and before in ("=", ":")  # "Extra=issued:2011": one token, not words of a title
        if glued or not all(editable[match.start() : match.end()]) or _symbol(match, before, after):
            continue
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        word = _compound(
            match.group(), edge=bool(edge), following=following, capitalised_from=capitalised_from
        )
        out[match.start() : match.end()] = word
    result, position, text = [], 0, "".join(out)
    for piece, kind in pieces:
        if kind == "tag":
            result.append(piece)
        else:
            result.append(text[position : position + len(piece)])
            position += len(piece)
    return "".join(result)
