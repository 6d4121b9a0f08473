"""Letters, manuscripts and documents in the Chicago notes and bibliography style: items in a
depository's collection, the collections themselves, letters in published collections, and
personal communications (18th 14.111, 14.13, 14.118–14.130; 17th 14.111, 14.214, 14.219–14.232).

A note runs from the most particular to the most general (18th 14.127): who wrote the item (and
to whom), what it is, where and when, then where it is kept, "Document 1359, fol. 1r, Alexander
Morris Papers, MG-12-84, Provincial Archives of Manitoba, Winnipeg", or the book that prints it.
A bibliography entry gives the same elements as sentences (14.128).
"""

import html

from citations.csl import note_type
from citations.styles.text import (
    date_text,
    esc,
    field,
    italic,
    links,
    locator,
    pages,
    quoted,
    sentence,
    short_title,
    title_html,
)

ARCHIVAL_TYPES = {"manuscript", "document", "collection", "personal_communication"}


def handles(item):
    """Whether ``item`` takes this module's forms: a letter or other communication, a manuscript, or
    a document that is kept in a depository or described by its genre, a will or a memorandum."""
    kind = item.get("type")
    if kind == "document":
        return bool(item.get("archive") or item.get("genre"))
    return kind in ARCHIVAL_TYPES


def is_collection(item):
    """A depository's collection cited whole, "Revere Family Papers" (18th 14.120, 14.128)."""
    return "collection" in (item.get("type"), note_type(item))


def _is_letter(item):
    return item.get("type") == "personal_communication"


def _is_titled_letter(item):
    """A letter its record names by a title rather than by its recipient, as a biblatex ``@letter``
    does ("Adams to Charles Milnes Gaskell, Baden, September 22, 1867"): the title says what it is."""
    return _is_letter(item) and bool(item.get("title")) and not item.get("recipient")


def _published_in(item):
    """Whether a letter is cited from a book that prints it: "in <i>Letters of E. B. White</i>" (14.13)."""
    return bool(item.get("container-title"))


def _capitalised(text):
    return text[:1].upper() + text[1:]


def _guessed(item, variable="issued"):
    """Whether the record marks its date as uncertain, EDTF's "1772?", which Chicago brackets with a
    question mark, "[1772?]" (18th 14.44, 17th 14.145), where "ca." says it is approximate."""
    value = item.get(variable)
    if isinstance(value, dict):
        value = value.get("raw") or value.get("literal") or ""
    return "?" in str(value or "")


def _when(item, variable="issued", *, undated="n.d."):
    """The item's date with its status before it, "proved July 5, 1809", "after June 22, 1616"
    (18th 14.118, 14.205); a guessed-at date bracketed, "[December 28, 1859?]"; else ``undated``."""
    written = date_text(item, variable)
    if written and _guessed(item, variable):
        return f"[{written.removeprefix('ca. ')}?]"
    status = esc(field(item, "status"))
    return " ".join(filter(None, [status, written])) if written else undated


def _letter_date(item):
    """A letter's own date: in a published collection, the record's event date ("September 22, 1867"),
    the book's being its ``issued``; an undated communication that readers cannot consult has no
    "n.d." (18th 14.111)."""
    if _published_in(item):
        return _when(item, "event-date", undated="")
    return _when(item, undated="n.d." if _accessible(item) else "")


def _date_of(item):
    """A collection's years where the record gives them, never "n.d." (18th 14.128), nor for a classical
    text's fragment ("Empedocles, frag. 115 Diels-Kranz", 18th 14.143, 14.150); a letter's or an item's
    date."""
    if is_collection(item):
        return date_text(item)
    if _is_letter(item):
        return _letter_date(item)
    return _when(item, undated="" if note_type(item) == "classic" else "n.d.")


def _keeper(item):
    """The variables naming who keeps the item and where: its depository, else the institution its
    record names as publisher (biblatex's ``institution`` and ``address`` of an ``@unpublished``,
    "YIVO Institute for Jewish Research, New York", 17th 14.222; a paper's "Microsoft Word file")."""
    if item.get("archive") or item.get("archive-place"):
        return "archive", "archive-place"
    return "publisher", "publisher-place"


def _accessible(item):
    """Whether readers can consult the item: kept somewhere (by a depository, or the institution its
    record names as publisher), printed or online (18th 14.111 gives no date for a communication that
    is none of these, when it is undated)."""
    kept = ("archive", "archive-place", "publisher")
    return any(item.get(name) for name in (*kept, "container-title", "URL", "DOI"))


def _names(names, edition, *, short=False, bibliography=False):
    if bibliography:
        return edition.bibliography_names(names)
    return (edition.short_names if short else edition.note_names)(names)


def _recipients(item, edition, *, short=False):
    """ "to John Callan O’Laughlin"; markup kept: "to the editor of the <i>Afro-American</i>"."""
    recipients = item.get("recipient") or []
    if not recipients:
        return ""
    return "to " + title_html(html.unescape(_names(recipients, edition, short=short)))


def _who(item, edition, *, short=False, bibliography=False):
    """The writer, and for a letter without a genre its recipient: "George Creel to Edward M. House"
    (14.127); with a genre the recipient follows it, "telegram to Merriam" (``_what``)."""
    authors = _names(item.get("author") or [], edition, short=short, bibliography=bibliography)
    if _is_letter(item) and not item.get("genre") and not bibliography:
        return " ".join(filter(None, [authors, _recipients(item, edition, short=short)]))
    return authors


def _what(item, edition, *, short=False, bibliography=False):
    """What the item is: a collection's name, roman ("Revere Family Papers", 14.123); an item's title,
    quoted, then its genre ("“Partita for Violin and Thirteen Players,” score", 18th 14.156); an
    unsigned item's genre first ("Memorandum, “Concerning a Court of Arbitration,”", 17th 14.229); or
    its genre alone, as written ("will dated June 5, 1806"), a communication's with its recipient
    ("telegram to Merriam", "email message to author", 14.111)."""
    title = short_title(item) if short else item.get("title", "")
    genre = esc(field(item, "genre"))
    if not genre and item.get("type") == "manuscript" and not (_accessible(item) or is_collection(item)):
        genre = "unpublished manuscript"  # one held nowhere readers can consult it (18th 14.114)
    separator = ". " if bibliography else ", "
    if _is_titled_letter(item):
        if short:  # what names the letter, before its place and date: "Adams to Charles Milnes Gaskell"
            title = item.get("title-short") or item["title"].split(",")[0]
        return sentence(
            quoted(title), _capitalised(genre) if bibliography else genre, separator=separator, end=""
        )
    if _is_letter(item):
        recipients = _recipients(item, edition, short=short)
        if bibliography and not genre:
            return _capitalised(recipients)
        return " ".join(filter(None, [genre, recipients if genre else ""]))
    if is_collection(item):
        return title_html(title) if title else genre
    if not title:
        return genre
    if short and item.get("author"):
        return quoted(title)
    if genre and not item.get("author"):
        return sentence(_capitalised(genre), quoted(title), separator=separator, end="")
    return sentence(
        quoted(title), _capitalised(genre) if bibliography else genre, separator=separator, end=""
    )


def _dated(text, when):
    """``text`` then its date, a bracketed one without a comma: "“A Map …” [1772?]" (17th 14.229)."""
    if when.startswith("["):
        return " ".join(filter(None, [text, when]))
    return sentence(text, when, end="")


def _kept(item, where="", *, bibliography=False):
    """Where the item is kept, the particular first (14.127): its number and the place in it cited,
    "box 26, folder 17", the collection, the depository and its city; in a bibliography, as the
    CSL styles give them, "Box 26, folder 17. Charles E. Merriam Papers. Special Collections …"."""
    number = esc(field(item, "archive_location"))
    if number.startswith(("http://", "https://")):
        number = ""  # an archived copy's address, which ``links`` gives
    folio = where or esc(field(item, "page"))
    collection = esc(field(item, "archive_collection"))
    depository = sentence(*(esc(field(item, name)) for name in _keeper(item)), end="")
    if bibliography:
        shelf = _capitalised(sentence(number, folio, end=""))
        return sentence(shelf, collection, depository, separator=". ", end="")
    return sentence(number, folio, collection, depository, end="")


def _book(item, edition, *, bibliography=False):
    """The book that prints a letter (14.13): "in <i>The Papers of Martin Luther King, Jr.</i>, ed.
    Clayborne Carson, vol. 7, <i>To Save the Soul of America …</i>, ed. Tenisha Armstrong", the
    general editor before the volume, the volume's after it (18th 14.20–14.22)."""
    general = item.get("collection-editor") or []
    editors = item.get("editor") or []
    label = "edited by " if bibliography else "ed. "
    volume = sentence(
        f"vol. {esc(item['volume'])}" if item.get("volume") else "",
        italic(item["volume-title"]) if item.get("volume-title") else "",
        end="",
    )
    return sentence(
        ("In " if bibliography else "in ") + italic(item["container-title"]),
        label + edition.listed_names(general) if general else "",
        volume,
        label + edition.listed_names(editors) if editors else "",
        end="",
    )


def _facts(item, edition):
    """The book's facts of publication, "Houghton Mifflin, 1930" (18th; the 17th with its place)."""
    place = esc(field(item, "publisher-place")) if edition.place_of_publication else ""
    publisher = esc(field(item, "publisher"))
    imprint = f"{place}: {publisher}" if place and publisher else place or publisher
    return sentence(imprint, date_text(item, year_only=True) or "n.d.", end="")


def _numbered(item, where):
    """A letter's number in the book and the pages cited: "no. 42", "273" (17th 14.111)."""
    number = field(item, "number")
    return sentence(esc(f"no. {number}") if number else "", where or esc(pages(field(item, "page"))), end="")


def note(item, edition, locator_text="", label="page", *, short=False):
    """The note for a letter, a manuscript or a document (see the module's docstring)."""
    where = locator(locator_text, label)
    who = _who(item, edition, short=short)
    what = _what(item, edition, short=short)
    place = esc(field(item, "event-place")) if _is_letter(item) else ""
    when = _date_of(item)
    head = _dated(sentence(_capitalised(sentence(who, what, end="")), place, end=""), when)
    if short:
        if _is_letter(item) and not _is_titled_letter(item):
            # "Adams to Gaskell, Baden, September 22, 1867" (14.13)
            return sentence(_dated(head, "" if when else date_text(item)), where)
        return sentence(_capitalised(sentence(who, what, end="")), where)
    if _is_letter(item) and _published_in(item):
        book = f"{_book(item, edition)} ({_facts(item, edition)})"
        return sentence(head, book, _numbered(item, where), links(item))
    return sentence(head, _kept(item, where), links(item))


def bibliography(item, edition):
    """The bibliography entry: the note's elements as sentences, the writer inverted (14.128)."""
    who = _who(item, edition, bibliography=True)
    what = _capitalised(_what(item, edition, bibliography=True))
    when = _date_of(item)
    place = esc(field(item, "event-place")) if _is_letter(item) else ""
    if _is_letter(item) and _published_in(item):
        letter = _capitalised(_dated(sentence(what, place, end=""), when))
        book = sentence(_book(item, edition, bibliography=True), esc(pages(field(item, "page"))), end="")
        return sentence(who, letter, book, _facts(item, edition), links(item), separator=". ")
    what = sentence(what, place, end="")
    when = when if when == "n.d." else _capitalised(when)
    return sentence(who, what, when, _kept(item, bibliography=True), links(item), separator=". ")
