"""Where a bibliography entry files: the order in which Chicago lists a bibliography.

Entries are alphabetized letter by letter (CMOS 14.66, 16.58: spaces and
punctuation do not count, so "Newark" files before "New York Times") on their
first element, the first author's family name with the particle the record
keeps with it (CSL's non-dropping particle: "de Gaulle" under D; a dropping
one, as in "Tocqueville, Alexis de", does not count), then given name; or, for an unsigned newspaper
or magazine article, the periodical, which stands in the author's place (CMOS
17 14.199); or else the title, an initial article ignored ("The Iliad" under
I). Then by title and year. Accents and case do not count, nor does markup.

The key is one string, so a database can store it and sort by it: its parts
are joined by a space, which sorts before every letter and digit when strings
are compared code point by code point (``citations.models.Source.sort_key``).
"""

import re
import unicodedata

from citations import markup
from citations.csl import family_with_particle
from citations.dates import read_date

ARTICLES = ("a", "an", "the")
# Unsigned works filed under who published them: the periodical (CMOS 17 14.199), the site (14.206).
PERIODICAL_TYPES = ("article-newspaper", "article-magazine", "webpage")


def _words(text, *, drop_article=False):
    folded = unicodedata.normalize("NFKD", markup.to_text(str(text or "")))
    words = re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c)).casefold())
    if drop_article and len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return "".join(words)


def _year(item):
    try:
        year = read_date(item.get("issued")).year
    except ValueError:
        return 0
    return year or 0


def sort_key(item):
    """A string that sorts CSL-JSON items as Chicago orders a bibliography."""
    title = _words(item.get("title"), drop_article=True)
    names = item.get("author") or item.get("editor") or item.get("translator") or []
    if names:
        first = names[0]
        head = f"{_words(first.get('literal') or family_with_particle(first))} {_words(first.get('given'))}"
    elif item.get("type") in PERIODICAL_TYPES and item.get("container-title"):
        head = _words(item["container-title"], drop_article=True)
    else:
        head = title
    return f"{head} {title} {max(_year(item), 0):04d}"
