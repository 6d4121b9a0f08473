"""Citation styles: pure functions from a CSL-JSON item to HTML.

A style's ``kind`` is ``"note"`` (citations are numbered notes) or
``"in-text"`` (``(Smith 2016, 33)`` in the running text and a reference list
at the foot, headed ``heading``). Chicago notes-bibliography is this
project's own code; every other style is a CSL file in ``csl/`` processed by
citeproc-py (``processor.CslStyle``, which also has ``cite(citations, items)``
for a whole post's citations at once). Every style has ``reference_list(items)``,
the entries of a key-to-item mapping in the style's order, and ``distinctions(items)``,
what it adds to tell apart works whose citations would read alike (none in a note style).

A note style is a module with ``note(item, locator="", *, short=False, href=None,
label="page", suppress_author=False)``, ``narrative(item, *, short=False)``
(the author as running text names them), ``bibliography(item)`` and
``attribution(item)``, each returning HTML text in which every value from
the item has been escaped, and ``sort_key(item)``, where the item's
bibliography entry files. ``CITATION_STYLE`` names the
site's style; ``get_style()`` returns it. ``STYLES`` maps each name to its
module, or to its module and the options its functions take (an edition).
"""

from functools import cache
from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.safestring import mark_safe

from citations.styles.editions import EDITIONS
from citations.styles.processor import CSL_DIR, CslStyle

DEFAULT_STYLE = "chicago-18"

# The version of the styles' output. Bump it with any change to this package
# that changes a note, entry or sort key: every source's stored ones then count
# as stale (``stamp``) and are made again (``manage.py rerender --stale``).
# 1: stored entries and notes.
# 2: Chicago: volume and part titles (14.23), chapters' series, films' directors and release (14.265),
# reports' genre beside their number, short titles that open with function words keep their first
# key word, translators in the author's place (14.104), reviews (14.202), an unsigned web page
# listed under its site (14.206).
# 3: Chicago: statutes, bills and hearings in the Manual's legal forms (CMOS 17 14.288–14.293), social
# media posts quoted as written under a roman network (14.209), interviewers, a recording's medium and
# running time (14.214), episodes' season and number (14.265). In-text styles: Vancouver's dates spaced
# as its locale says, APA's labels title-cased, quotes typeset and alternating, initials tidied.
# 4: In-text styles: directors, writers and reviewed authors cited, works alike told apart (initials,
# 2019a/2019b, MLA's title), surname particles read, labels only with their variables, MLA's page ranges.
# 5: Chicago: blog posts as CMOS 17 14.208 (a period after "(blog)", the larger publication named), comments
# cited through their post, e-books' format after the locator, databases named with their numbers,
# interviews' short note in the 18th. In-text styles: works alike told apart over the whole library,
# the source's page and /sources/ as a post's reference list (``citations.services.tell_apart``).
# 6: Chicago: films, episodes and performances listed under their directors (14.265, 18th 14.165–66),
# episodes by their series, "aired … on …", a recording's first showing; untitled reviews as "review of"
# the work, reviewed titles in headline style, newspapers' sections; talks "filmed … at …" (14.268);
# manuscripts and talks quoted (8.184); posts' and comments' time stamps; the 18th's title case
# (prepositions of five letters or more capitalised, 8.160), a chapter's volume, "nos. 7–8", spaced
# initials, 1496–504 (9.63). In-text styles: works alike told apart by the names behind "et al." before
# letters (APA 7 8.18), dates within one year cited by their year.
# 7: Chicago: the 18th's order of elements (edition before editors and translators, 14.2), a periodical's
# section before its title (14.88, 14.93), in the 17th a newspaper's after the date and a magazine's
# department before its title (14.190), a podcast before its episode (14.168), a record's note for
# readers at the end of its entry ("Site discontinued."); editions spelt out or doubled as real records
# write them ("Second edition", "1st ed.."), a value's spaces at its ends and a catalogue's closing
# marks ("Seattle :") left out, no comma after a comma; a manuscript's institution where a depository
# would stand (14.230), standards as standards (14.259), a review by the work it reviews (14.202); a title
# ending in "?" or "!" keeps a comma after it ("?,"), legal entries' links after a period, a department
# before a translator, a congressional report's page after its facts.
VERSION = "7"

# A style's module, and the options its functions take. "chicago-note", the
# name before editions were offered, keeps meaning the 17th edition.
STYLES = {
    "chicago-18": ("citations.styles.chicago", {"edition": EDITIONS[18]}),
    "chicago-17": ("citations.styles.chicago", {"edition": EDITIONS[17]}),
    "chicago-note": ("citations.styles.chicago", {"edition": EDITIONS[17]}),
}

# In-text styles offered: the official CSL file, and the heading of the reference list. A style is
# offered when, over the real records of ``tests/citations/data`` and ``bench/data``, its citations
# and narrative citations are Pandoc's word for word nine times in ten and no more than one in twenty
# of all its forms differs for no known cause (``bench/compare_csl.py --causes``; README has the
# figures, ``tests/citations/test_csl_styles_against_pandoc.py`` holds them as floors).
# ``CITATION_STYLE`` may also name another ``.csl`` file in ``csl/``, unmeasured.
CSL_STYLES = {
    "apa": ("apa.csl", "References"),
    "chicago-author-date": ("chicago-author-date.csl", "References"),
    "harvard": ("harvard-cite-them-right.csl", "Reference list"),
    "mla": ("modern-language-association.csl", "Works Cited"),
    "vancouver": ("nlm-citation-sequence-brackets.csl", "References"),
}


class Style:
    """A note style module's functions, with the style's options, returning safe strings for templates."""

    kind = "note"
    heading = "Works cited"

    def __init__(self, module, options=None):
        self.module = module
        self.options = options or {}

    # The style modules escape every value taken from the item (see
    # ``styles.text``), so what they return is markup of our own making.
    def note(self, item, locator="", *, short=False, href=None, label="page", suppress_author=False):
        return mark_safe(
            self.module.note(
                item,
                locator,
                short=short,
                href=href,
                label=label,
                suppress_author=suppress_author,
                **self.options,
            )
        )

    def narrative(self, item, *, short=False):
        return mark_safe(self.module.narrative(item, short=short, **self.options))

    def bibliography(self, item):
        return mark_safe(self.module.bibliography(item, **self.options))

    def sort_key(self, item):
        return self.module.sort_key(item, **self.options)

    def attribution(self, item):
        return mark_safe(self.module.attribution(item, **self.options))

    def distinctions(self, items):
        """Notes tell no works apart: a short note names its title."""
        return {}

    def reference_list(self, items):
        ordered = sorted(items.items(), key=lambda pair: (self.sort_key(pair[1]), pair[0]))
        return [self.bibliography(item) for _key, item in ordered]


@cache
def _load(name):
    if name in CSL_STYLES:
        path, heading = CSL_STYLES[name]
        return CslStyle(path, heading=heading)
    if name.endswith(".csl") and (CSL_DIR / name).is_file():
        return CslStyle(name)
    if name not in STYLES:
        offered = ", ".join(sorted([*STYLES, *CSL_STYLES]))
        raise ImproperlyConfigured(
            f"CITATION_STYLE {name!r} is not one of: {offered}, nor the path of a .csl file."
        )
    module, options = STYLES[name] if isinstance(STYLES[name], tuple) else (STYLES[name], {})
    return Style(import_module(module), options)


def style_name():
    """The name ``CITATION_STYLE`` gives the site's style."""
    return getattr(settings, "CITATION_STYLE", DEFAULT_STYLE)


def stamp():
    """What a source's stored sort key, entry and note are made for: the site's style and ``VERSION``."""
    return f"{style_name()}:{VERSION}"


def get_style(name=None):
    """The style called ``name``, or the one ``CITATION_STYLE`` chooses."""
    return _load(name or style_name())
