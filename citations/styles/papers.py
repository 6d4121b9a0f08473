"""Papers not published in a journal: preprints and working papers (CMOS 18 14.76, 14.116; 17th 14.173,
14.218) and papers given at a meeting (18th 14.115; 17th 14.217).

A preprint names its repository and its full date, "“Title,” PsyArXiv, September 4, 2022, https://…";
a working paper says what it is, with its number, and who issued it in parentheses, "working paper
2022-120 (Becker Friedman Institute for Economics, August 30, 2022)"; a paper given at a meeting, where,
"paper presented at the Society for Cinema and Media Studies annual conference, March 20, 2021".
"""

from citations.styles.text import date_text, esc, field, sentence


def is_unpublished_paper(item):
    """A record typed ``article`` (CSL's for a preprint or working paper) that names who issued it."""
    return item.get("type") == "article" and bool(item.get("publisher") or item.get("genre"))


def issued(item, *, bibliography=False):
    """ "PsyArXiv, September 4, 2022" (a preprint), "working paper 2022-120 (Becker Friedman Institute…,
    August 30, 2022)" (a working paper; in a bibliography "Working paper 2022-120. Becker…, August
    30, 2022")."""
    facts = sentence(esc(field(item, "publisher")), date_text(item) or "n.d.", end="")
    genre = esc(sentence(field(item, "genre"), separator=" ", end=""))
    if not genre:
        return facts
    described = " ".join(filter(None, [genre, esc(field(item, "number"))]))
    if bibliography:
        return f"{described[:1].upper()}{described[1:]}. {facts}"
    return f"{described} ({facts})"


def is_presented(item):
    """A paper given at a meeting whose record names the meeting but no proceedings."""
    return (
        item.get("type") == "paper-conference"
        and not item.get("container-title")
        and bool(item.get("event-title") or item.get("event"))
    )


def presented(item):
    """ "paper presented at the Society for Cinema and Media Studies annual conference (virtual), March
    20, 2021" (18th 14.115): the meeting, its place, the day."""
    when = date_text(item, "event-date") or date_text(item)
    meeting = sentence(esc(field(item, "event-title", "event")), esc(field(item, "event-place")), end="")
    return sentence(f"paper presented at {meeting}", when, end="")
