"""Software, data sets and standards in the Chicago notes and bibliography style (18th 14.157,
14.159, 14.169; 17th 14.257 (unchecked), 14.259, 14.169 (unchecked)).

Each names its version after its title, "version 1.2" (14.157, 14.169); a data set described rather
than titled gives its description and accession number in the title's place (14.157); a standard its
designation, "ANSI/NISO Z39.29-2005 (R2010)", and the dates of its approval (14.159); a program or
game its platform last, "PlayStation 4 and 5" (14.169). A standard and a program are listed in the
bibliography under the body that issues them, which their notes name only as publisher.
"""

from citations.styles.text import (
    date_text,
    esc,
    field,
    italic,
    links,
    locator,
    quoted,
    sentence,
    short_title,
    title_html,
)

TECHNICAL_TYPES = {"software", "dataset", "standard"}


def handles(item):
    return item.get("type") in TECHNICAL_TYPES


def _capitalised(text):
    return text[:1].upper() + text[1:]


def _lowercased(text):
    """A description mid-sentence, "dataset for 2020–22"; an acronym or a name keeps its capital."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _title(item, text=None):
    """A program's title italic, as a book's (14.169); a data set's quoted, as a part of its
    repository (14.157); a standard's italic, as a publication's (14.159)."""
    text = item.get("title", "") if text is None else text
    if not str(text).strip():
        return ""
    return quoted(text) if item.get("type") == "dataset" else italic(text)


def _designation(item):
    """ "ANSI/NISO Z39.29-2005 (R2010)", "ISO 4:1997", "accession no. AC087526.3": the genre and number."""
    return title_html(" ".join(filter(None, [field(item, "genre"), field(item, "number")])))


def _version(item):
    version = field(item, "version")
    return esc(f"version {version}") if version else ""


def _facts(item, edition):
    """ "NISO, approved June 9, 2005; …" (the 17th: "Bethesda, MD: NISO, …"), as a book's (14.159)."""
    place = esc(field(item, "publisher-place")) if edition.place_of_publication else ""
    publisher = esc(field(item, "publisher"))
    imprint = f"{place}: {publisher}" if place and publisher else place or publisher
    return sentence(imprint, _dated(item) or "n.d.", end="")


def _dated(item):
    """The date with its status before it, "approved June 9, 2005; reaffirmed May 13, 2010" (14.159)."""
    written, status = date_text(item), esc(field(item, "status"))
    return f"{status} {written}" if status and written else written


def _edition_and_editors(item, edition, *, bibliography=False):
    from citations.styles.chicago import _edition  # noqa: PLC0415 (chicago imports this module)

    editors = item.get("editor") or []
    if bibliography:
        named = f"Edited by {edition.listed_names(editors)}" if editors else ""
        return [_capitalised(_edition(item)), named]
    return [_edition(item), f"ed. {edition.note_names(editors)}" if editors else ""]


def _issuer(item):
    """The body a standard or a program is listed under: its authority, else its publisher."""
    if item.get("type") == "standard":
        return esc(field(item, "authority"))
    return esc(field(item, "publisher"))


def note(item, edition, locator_text="", label="page", *, short=False):
    where = locator(locator_text, label)
    authors = edition.note_names(item.get("author") or [])
    kind = item.get("type")
    if short:
        authors = edition.short_names(item.get("author") or [])
        title = _title(item, short_title(item)) or _designation(item)
        return sentence(authors, title, where)
    title = _title(item)
    description = _designation(item)
    if title and kind == "dataset":
        description = _lowercased(description)
    head = sentence(authors, title, end="")
    head = _capitalised(sentence(head, description, end="")) if head else _capitalised(description)
    if kind == "software":
        released = date_text(item)
        body = [
            _version(item),
            esc(field(item, "publisher")),
            f"released {released}" if released else "",
            esc(field(item, "medium")),
        ]
    elif kind == "standard":
        facts = _facts(item, edition)
        extras = sentence(_version(item), *_edition_and_editors(item, edition), end="")
        return sentence(sentence(head, extras, end="") + f" ({facts})", where, links(item))
    else:
        when = date_text(item) or (f"accessed {date_text(item, 'accessed')}" if item.get("accessed") else "")
        body = [
            _version(item),
            title_html(item["container-title"]) if item.get("container-title") else "",
            esc(field(item, "publisher")),
            when,
            esc(field(item, "dimensions")),
        ]
    return sentence(head, *body, where, links(item))


def bibliography(item, edition):
    authors = edition.bibliography_names(item.get("author") or [])
    kind = item.get("type")
    issuer = "" if authors else _issuer(item)
    container = title_html(item["container-title"]) if item.get("container-title") else ""
    if kind == "dataset" and not authors:
        issuer, container = container, ""
    parts = [authors or issuer, _title(item), _capitalised(_designation(item)), _capitalised(_version(item))]
    if kind == "software":
        released = date_text(item)
        parts += [
            esc(field(item, "publisher")) if authors else "",
            f"Released {released}" if released else "",
            esc(field(item, "medium")),
        ]
    elif kind == "standard":
        parts += _edition_and_editors(item, edition, bibliography=True)
        parts.append(_facts(item, edition))
    else:
        when = date_text(item) or (f"Accessed {date_text(item, 'accessed')}" if item.get("accessed") else "")
        parts += [
            sentence(container, esc(field(item, "publisher")), when, end=""),
            esc(field(item, "dimensions")),
        ]
    parts.append(links(item))
    return sentence(*parts, separator=". ")
