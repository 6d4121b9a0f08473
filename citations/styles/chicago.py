"""Chicago notes and bibliography (The Chicago Manual of Style, 17th ed., chapter 14).

Each type has a full note, a short note and a bibliography entry. Notes join
their elements with commas and put the facts of publication of books in
parentheses; bibliography entries join them with periods. Titles of works
that appear inside another are quoted; titles of whole works, and the
periodicals, books and blogs that contain them, are italic; website names
and report series stay roman (14.206, 14.123).
"""

from citations.styles.text import (
    bibliography_names,
    date_text,
    esc,
    italic,
    links,
    listed_names,
    locator,
    note_names,
    pages,
    quoted,
    sentence,
    short_names,
    short_title,
)

QUOTED_TYPES = {
    "article-newspaper",
    "article-magazine",
    "article-journal",
    "chapter",
    "webpage",
    "post-weblog",
}
BOOK_LIKE_TYPES = {"book", "report", "legislation"}


def _title(item, text=None, href=None):
    text = item.get("title", "") if text is None else text
    kind = item.get("type")
    if kind in QUOTED_TYPES or (kind == "broadcast" and item.get("container-title")):
        return quoted(text, href)
    return italic(text, href)


def _editor_label(editors):
    return "eds." if len(editors) > 1 else "ed."


def _creators(item, *, bibliography=False):
    """Authors, or, for a work with none, its editors labelled ed./eds. (14.103)."""
    names = bibliography_names if bibliography else note_names
    if item.get("author"):
        return names(item["author"])
    editors = item.get("editor") or []
    if editors and item.get("type") in BOOK_LIKE_TYPES:
        return f"{names(editors)}, {_editor_label(editors)}"
    return ""


def _edited_by(item, *, bibliography=False):
    """ "ed. Elizabeth P. Peabody" in a note, "edited by …" in a bibliography."""
    editors = item.get("editor") or []
    if not editors or (not item.get("author") and item.get("type") in BOOK_LIKE_TYPES):
        return ""
    return "edited by " + listed_names(editors) if bibliography else "ed. " + note_names(editors)


def _publication_facts(item, *, year_only=True):
    """ "New York: Penguin Press, 2016" (14.127–14.128)."""
    place, publisher = esc(item.get("publisher-place", "")), esc(item.get("publisher", ""))
    imprint = f"{place}: {publisher}" if place and publisher else place or publisher
    return sentence(imprint, date_text(item, year_only=year_only), end="")


def _when(item):
    """The date of a web page, or when it was seen if it has none (14.205)."""
    issued = date_text(item)
    if issued:
        return issued
    accessed = date_text(item, "accessed")
    return f"accessed {accessed}" if accessed else ""


def _container(item):
    container = item.get("container-title", "")
    kind = item.get("type")
    if not container:
        return ""
    if kind == "webpage" or kind in BOOK_LIKE_TYPES:
        return esc(container)
    text = italic(container)
    if kind == "post-weblog" and "blog" not in container.lower():
        text += " (blog)"
    return text


def _journal(item, pages_or_locator):
    """ "<i>Classical Philology</i> 111, no. 2 (April 2016): 170" (14.171)."""
    text = sentence(_container(item) + (f" {esc(item['volume'])}" if item.get("volume") else ""), end="")
    if item.get("issue"):
        text = sentence(text, f"no. {esc(item['issue'])}", end="")
    when = date_text(item)
    if when:
        text += f" ({when})"
    if pages_or_locator:
        text += f": {pages_or_locator}"
    return text


def _series(item):
    """A report's or document's series and number: "NBER Working Paper 12345" (14.123)."""
    return " ".join(filter(None, [_container(item), esc(item.get("issue", ""))]))


def note(item, locator_text="", *, short=False, href=None):
    """The note for ``item``: full, or short (author's surname and short title, 14.29).

    With ``href``, the title links there (the site's page about the source).
    """
    where = locator(locator_text)
    if short:
        names = short_names(item.get("author") or item.get("editor") or [])
        return sentence(names, _title(item, short_title(item), href), where)
    kind = item.get("type")
    creators, title = _creators(item), _title(item, href=href)
    if kind == "article-journal":
        body = [_journal(item, where or esc(pages(item.get("page", ""))))]
        where = ""
    elif kind in ("article-newspaper", "article-magazine", "post-weblog"):
        body = [_container(item), date_text(item) or _when(item)]
    elif kind == "chapter":
        container = f"in {_container(item)}" if item.get("container-title") else ""
        facts = _publication_facts(item)
        body = [sentence(container, _edited_by(item), end="") + (f" ({facts})" if facts else "")]
        where = where or esc(pages(item.get("page", "")))
    elif kind == "webpage":
        body = [_container(item), esc(item.get("publisher", "")), _when(item)]
    elif kind == "broadcast":
        body = [_container(item), esc(item.get("publisher", "")), date_text(item)]
    else:
        volume = f"vol. {esc(item['volume'])}" if item.get("volume") and kind == "book" else ""
        series = _series(item) if kind != "book" else ""
        facts = _publication_facts(item, year_only=kind == "book")
        title = sentence(title, _edited_by(item), volume, series, end="") + (f" ({facts})" if facts else "")
        body = []
    return sentence(creators, title, *body, where, links(item))


def bibliography(item):
    """The bibliography entry for ``item`` (14.68–14.69): first author inverted, periods between."""
    kind = item.get("type")
    parts = [_creators(item, bibliography=True), _title(item)]
    if kind == "article-journal":
        parts.append(_journal(item, esc(pages(item.get("page", "")))))
    elif kind in ("article-newspaper", "article-magazine", "post-weblog"):
        parts.append(sentence(_container(item), date_text(item) or _when(item), end=""))
    elif kind == "chapter":
        container = f"In {_container(item)}" if item.get("container-title") else ""
        parts.append(
            sentence(container, _edited_by(item, bibliography=True), esc(pages(item.get("page", ""))), end="")
        )
        parts.append(_publication_facts(item))
    elif kind == "webpage":
        when = _when(item)
        parts += [_container(item), esc(item.get("publisher", "")), when[:1].upper() + when[1:]]
    elif kind == "broadcast":
        parts += [_container(item), sentence(esc(item.get("publisher", "")), date_text(item), end="")]
    else:
        edited = _edited_by(item, bibliography=True)
        parts.append(edited[:1].upper() + edited[1:])
        if item.get("volume") and kind == "book":
            parts.append(f"Vol. {esc(item['volume'])}")
        if kind != "book":
            parts.append(_series(item))
        parts.append(_publication_facts(item, year_only=kind == "book"))
    parts.append(links(item))
    return sentence(*parts, separator=". ")


def attribution(item):
    """Who and where, for an excerpt's caption: "Drew Hinshaw and Margaret Coker, <cite>…</cite>"."""
    where = item.get("container-title") or item.get("title", "")
    return sentence(_creators(item), f"<cite>{esc(where)}</cite>" if where else "", end="")
