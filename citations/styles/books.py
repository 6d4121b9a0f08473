"""What a book's citation names besides its author and title (CMOS 18 14.5–14.25, 14.45–14.46, 14.58;
17th 14.103–14.123): who else made it, the volumes it has, when it first appeared, and the part of it
(a foreword, an introduction) a record cites.

Pure helpers on a CSL item, for ``chicago``'s notes and bibliography entries.
"""

from citations.styles.text import date_text, esc, field, title_html

# Parts of a book cited by what they are rather than by a title: "foreword to <i>Song of Solomon</i>"
# (18th 14.12; 17th 14.110), "online appendix to" (18th 14.14).
UNTITLED_PARTS = ("foreword", "introduction", "preface", "afterword", "online appendix")

# The types cited as books are: a book, and the CSL types for a classic and a pamphlet.
TYPES = {"book", "classic", "pamphlet"}

# What a multivolume work's record holds about its volumes (18th 14.19–14.24).
VOLUME_VARIABLES = ("volume", "volume-title", "part-number", "part-title", "number-of-volumes")


def is_book(item):
    return item.get("type") in TYPES


def is_multivolume(item):
    return any(item.get(name) for name in VOLUME_VARIABLES)


def general_editors(item):
    """The editors of a multivolume work as a whole (CSL's ``collection-editor``), as against those of
    the volume cited (``editor``): "Clayborne Carson, ed., <i>The Papers of Martin Luther King, Jr.</i>,
    vol. 7, …, ed. Tenisha Armstrong" (18th 14.21–14.24). Empty for a work not in volumes, whose
    collection editors edit its series (``series_editors``)."""
    return (item.get("collection-editor") or []) if is_multivolume(item) else []


def series_editors(item):
    """The editors of the series a single work belongs to, after the series: "Women in Culture and
    Society, ed. Catharine R. Stimpson" (18th 14.25)."""
    if is_multivolume(item) or not item.get("collection-title"):
        return []
    return item.get("collection-editor") or []


def compiler_label(compilers):
    return "comps." if len(compilers) > 1 else "comp."


def roles(editors, translators, item, names, *, bibliography=False):
    """Editors, translators, illustrators and narrators after a title, each named by ``names``: "ed.
    and trans. G. P. Goold" for the same people in both roles (18th 14.6), "ill. Tanya Gupta" (18th
    14.6), "narrated by Simon Vance" (an audiobook, 18th 14.58); in a bibliography "edited and
    translated by …", "illustrated by …"."""
    if editors and editors == translators:
        pairs = [("edited and translated by " if bibliography else "ed. and trans. ", editors)]
    else:
        pairs = [
            ("edited by " if bibliography else "ed. ", editors),
            ("translated by " if bibliography else "trans. ", translators),
        ]
    if is_book(item) or item.get("type") == "chapter":
        pairs += [
            ("illustrated by " if bibliography else "ill. ", item.get("illustrator") or []),
            ("narrated by ", item.get("narrator") or []),
        ]
    return [label + names(people) for label, people in pairs if people]


def volumes(item):
    """ "3 vols.": how many volumes a multivolume work cited as a whole has, in its bibliography entry
    (18th 14.19; 17th 14.116); nothing where the record cites one of them."""
    count = field(item, "number-of-volumes")
    if not count or item.get("volume"):
        return ""
    return esc(f"{count} vols." if count.isdigit() else count)


def forthcoming(item):
    """ "forthcoming" in the date's place, for a work accepted but not yet published (18th 14.45;
    17th 14.146), which the record says with its ``status``."""
    return "forthcoming" if field(item, "status").casefold() == "forthcoming" else ""


def original_facts(item, edition):
    """The first publication's facts of a reprint, before "repr.": "Random House, 1952" (18th 14.16;
    17th 14.114); its place where the record names no publisher, "Oxford, 1855"; empty for a work
    the record gives no earlier date."""
    year = date_text(item, "original-date", year_only=True)
    if not year:
        return ""
    publisher = esc(field(item, "original-publisher"))
    place = esc(field(item, "original-publisher-place"))
    if publisher and not edition.place_of_publication:
        place = ""
    imprint = f"{place}: {publisher}" if place and publisher else place or publisher
    return f"{imprint}, {year}" if imprint else year


def untitled_part(item):
    """ "foreword", "introduction": the part of a book a record cites by its genre (18th 14.12, 14.14);
    empty for a titled chapter."""
    genre = field(item, "genre").casefold()
    return genre if genre in UNTITLED_PARTS else ""


def description(item):
    """ " (melodramma tragico in three acts)": what a book is, where its record says it (a score's
    genre), in parentheses after its title (18th 14.155; 17th 14.263)."""
    genre = str(item.get("genre") or "").strip()
    return f" ({title_html(genre)})" if genre and is_book(item) else ""
