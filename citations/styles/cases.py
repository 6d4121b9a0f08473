"""Court decisions as Chicago cites them (CMOS 17 14.276–14.280, 18th 14.172–14.180), not as books.

A full note gives the case name in italics (``v.`` included), the volume, the
reporter's abbreviation and the first page, a pinpoint page after a comma,
then the court and the year in parentheses; a decision of the United States
Supreme Court cited to the *United States Reports* ("U.S.") omits the court,
which the reporter names (14.277): "*Brown v. Board of Education*, 347 U.S.
483, 495 (1954)." The short form is the name of the first party (of the other
when the first is a government), the volume and reporter, and "at" the
pinpoint: "*Brown*, 347 U.S. at 495." A bibliography lists a case, when it
lists one, as the full note has it without a pinpoint.

CSL-JSON holds the reporter in ``container-title``, the first page in
``page``, the court in ``authority``.
"""

import re

from citations.styles.text import date_text, esc, italic, links, sentence

GOVERNMENTS = {"united states", "people", "state", "commonwealth", "the people", "the state"}
_FIRST_PAGE = re.compile(r"[-–—,]")


def short_name(item):
    """ "Brown" for "Brown v. Board of Education", "Christmas" for "United States v. Christmas"."""
    if item.get("title-short"):
        return item["title-short"]
    title = item.get("title", "")
    parties = [party.strip() for party in re.split(r"\s+v(?:s)?\.?\s+", title, maxsplit=1)]
    if len(parties) == 2 and parties[0].casefold() in GOVERNMENTS:
        return parties[1]
    return parties[0] or title


def _report(item):
    """ "347 U.S." """
    return " ".join(filter(None, [esc(item.get("volume", "")), esc(item.get("container-title", ""))]))


def _court_and_year(item):
    """ "(4th Cir. 2000)"; "(1954)" for the Supreme Court in U.S. Reports (17th 14.277,
    18th 14.177–14.178)."""
    reporter = str(item.get("container-title", "")).replace(" ", "")
    court = "" if reporter == "U.S." else esc(item.get("authority", ""))
    inside = " ".join(filter(None, [court, date_text(item, year_only=True)]))
    return f" ({inside})" if inside else ""


def note(item, where="", *, short=False, href=None):
    """A decision's full or short note, with a pinpoint page ``where`` (HTML) if given."""
    first_page = esc(_FIRST_PAGE.split(str(item.get("page", "")), maxsplit=1)[0].strip())
    report = _report(item)
    if short:
        cite = (
            f"{report} at {where}"
            if where and report
            else sentence(report, first_page, separator=" ", end="")
        )
        return sentence(italic(short_name(item), href), cite or where)
    return sentence(_citation(item, where, href), links(item))


def _citation(item, where, href):
    """ "*United States v. Christmas*, 222 F.3d 145 (4th Cir. 2000)", with the pinpoint ``where``."""
    first_page = esc(_FIRST_PAGE.split(str(item.get("page", "")), maxsplit=1)[0].strip())
    cite = sentence(sentence(_report(item), first_page, separator=" ", end=""), where, end="")
    return sentence(italic(item.get("title", ""), href), cite, end="") + _court_and_year(item)


def bibliography(item):
    """A decision as a bibliography lists one: the full note without a pinpoint, its link after a
    period as the official CSL styles close the citation, "(2000). https://…"."""
    return sentence(_citation(item, "", None), links(item), separator=". ")
