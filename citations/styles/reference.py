"""Entries in dictionaries and encyclopedias (CMOS 18 14.130–14.132; 17th 14.232–14.234).

An unsigned entry in a printed reference work is cited by the work, its edition and date, then the
entry "under" its heading (the 18th's word; the 17th's "s.v."): "<i>Encyclopaedia Britannica</i>,
15th ed. (1980), under “salvation.”" (18th 14.130). One consulted online is quoted before the work
and dated in full, as its page gives the date, with what the date is: "“Stevie Nicks,” Wikipedia,
last modified March 7, 2025, https://…" (18th 14.131). A signed entry is cited as a contribution to
the work (18th 14.132).
"""

from citations.styles.text import date_text, field, links, quoted

TYPES = {"entry", "entry-dictionary", "entry-encyclopedia"}


def is_entry(item):
    return item.get("type") in TYPES


def is_online(item):
    """Whether the entry was consulted online: its record gives a link."""
    return bool(links(item))


def is_under_heading(item):
    """Whether ``item`` is an unsigned entry in a printed reference work, cited under its heading."""
    return (
        is_entry(item)
        and not item.get("author")
        and not is_online(item)
        and bool(item.get("container-title"))
    )


def under(item, edition):
    """ "under “salvation”" (18th 14.130), "s.v. “salvation”" in the 17th (14.232)."""
    word = "s.v." if edition.number < 18 else "under"
    return f"{word} {quoted(item.get('title', ''))}" if item.get("title") else ""


def dated(item, *, year_only=True):
    """An entry's date: the year of a printed work's edition; for one online, the whole date, after the
    record's ``status`` saying what it is, "last modified March 7, 2025", or when it was seen (18th
    14.131). Empty without one: a reference work is cited without "n.d." (18th 14.131)."""
    if not is_online(item):
        return date_text(item, year_only=year_only)
    when, status = date_text(item), field(item, "status")
    if not when:  # an undated page, by when it was seen: "accessed February 8, 2024"
        accessed = date_text(item, "accessed")
        return f"accessed {accessed}" if accessed else ""
    return f"{status} {when}" if status else when
