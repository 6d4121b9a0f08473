"""Recordings, interviews, talks, artworks, maps and patents as Chicago cites them (18th 14.108–14.110,
14.115, 14.133–14.135, 14.158, 14.163–14.168; 17th 14.213–14.220, 14.258, 14.263–14.268).

Each form is a list of groups of elements: a note joins every element with commas, a bibliography
entry joins the elements of a group with commas and the groups with periods, each group beginning
with a capital ("Interview by Cardi B, TEN Nail Bar, Detroit, MI, July 29, 2019. Posted August 15,
2019. YouTube."). Where a record has no field for an element the Manual prints, Zotero's "Extra"
convention holds it in the note (``citations.csl.note_variables``): a talk's ``status``
("recorded", "posted"), a recording's ``event-date`` (when it was recorded).
"""

from citations.csl import note_type
from citations.styles.text import (
    date_text,
    esc,
    field,
    italic,
    linked,
    links,
    quoted,
    sentence,
    short_title,
    title_html,
)

MEDIA_TYPES = {"song", "interview", "speech", "graphic", "map", "patent"}


def handles(item):
    """Whether these forms are ``item``'s: its type is one of ``MEDIA_TYPES`` and, for a talk, not a
    staged performance its note says it is ("type: performance", 18th 14.166), which the Chicago
    style cites as a film's kin; or it is a part of a film by its own authors (``_film_part``) or a
    podcast or program cited whole (``_program``)."""
    return bool(_form(item))


def _form(item):
    kind = item.get("type")
    if kind in MEDIA_TYPES and not performance(item):
        return FORMS[kind]
    if kind == "motion_picture" and item.get("container-title") and item.get("author"):
        return _film_part
    if kind == "broadcast" and not (item.get("container-title") or item.get("director")):
        return _program
    return None


def filed_under(item):
    """``item`` with the names its bibliography entry opens with as its author, for where the entry
    files: a recording's composer, or its director where it names neither composer nor performer
    (18th 14.163)."""
    if item.get("type") != "song":
        return item
    if item.get("composer"):
        return {**item, "author": item["composer"]}
    if not item.get("author") and item.get("director"):
        return {**item, "author": item["director"]}
    return item


def performance(item):
    """``item`` as a staged performance where its note says it is one, else None."""
    if note_type(item) == "performance" and item.get("type") == "speech":
        return {**item, "type": "performance"}
    return None


def _title(item, text=None, href=None):
    """The title, linked to ``href`` if given: quoted for an interview, a talk and a part of a
    recording or film (a track, a scene), roman for a patent (14.158), italic for a whole work."""
    text = item.get("title", "") if text is None else text
    if not text:
        return ""
    kind = item.get("type")
    if kind == "patent":
        return linked(esc(text), href)
    part = item.get("container-title") and kind in ("song", "motion_picture", "broadcast")
    return quoted(text, href) if part or kind in ("interview", "speech") else italic(text, href)


def _capitalised(text):
    return text[:1].upper() + text[1:]


def _medium(item):
    """ "compact disc", "oil on canvas", "audio, 37:58": what the work is on, and its length or size;
    a medium may hold a title in italics, "photograph, <i>National Geographic</i>, cover"."""
    return [title_html(field(item, "medium")) if item.get("medium") else "", esc(field(item, "dimensions"))]


def _names(item, variable, edition, *, bibliography=False):
    names = item.get(variable) or []
    if not names:
        return ""
    return edition.listed_names(names) if bibliography else edition.note_names(names)


def _labelled(label, names, *, bibliography=False):
    return f"{_capitalised(label) if bibliography else label} {names}" if names else ""


def _creator(item, variable, edition, *, bibliography=False):
    names = item.get(variable) or []
    if not names:
        return ""
    return edition.bibliography_names(names) if bibliography else edition.note_names(names)


# Recordings (18th 14.163–14.164, 17th 14.263–14.264).


def _recording(item, edition, bibliography):
    """A recording listed under its composer, the performers after the title (as the Chicago CSL
    style does, 18th 14.163: "Mozart… <i>Don Giovanni</i>. Orchestra and Chorus…"), or under its
    performers; a reader "read by" (14.164); the track "on" its album; when (and where) it was
    recorded; the label with the recording's number; the medium. Without either, a director stands
    in the author's place of a bibliography entry, "Miller, Mitch, dir." (14.163)."""
    composer = bool(item.get("composer"))
    performers = "author" if composer else "performer"
    creator = _creator(item, "composer" if composer else "author", edition, bibliography=bibliography)
    directed = _names(item, "director", edition, bibliography=bibliography)
    if bibliography and not creator and directed:
        directors = edition.bibliography_names(item["director"])
        creator, directed = f"{directors}, {'dirs.' if len(item['director']) > 1 else 'dir.'}", ""
    track = field(item, "chapter-number")
    album = italic(item["container-title"]) if item.get("container-title") else ""
    on_album = f"track {esc(track)} on {album}" if track and album else album
    recorded, at = date_text(item, "event-date"), esc(field(item, "event-title"))
    if at:  # "recorded at the Madeira Festival, June 1–2, 1981"
        session = sentence(f"recorded at {at}", recorded, end="")
    else:
        session = f"recorded {recorded}" if recorded else ""
    label = " ".join(filter(None, [esc(field(item, "publisher")), esc(field(item, "number"))]))
    volume = esc(f"vol. {field(item, 'volume')}") if item.get("volume") else ""
    return [
        [creator],
        [_title(item)],
        [_labelled("directed by", directed, bibliography=bibliography), volume]
        if directed
        else [volume, _names(item, performers, edition, bibliography=bibliography)],
        [_labelled("read by", _names(item, "narrator", edition, bibliography=bibliography))],
        [_names(item, "contributor", edition, bibliography=bibliography)],
        [on_album],
        [session],
        [label, date_text(item) or "n.d."],
        _medium(item),
    ]


# Interviews (18th 14.108–14.110, 17th 14.213–14.220).


def _interview(item, edition, bibliography):
    """An interview under the person interviewed, its title (if any) quoted, "interview by" the
    interviewer or the record's genre ("in discussion with the author", 14.108), where and when it
    took place, then where it was published ("posted" on a site, a journal's issue, a program) or is
    kept ("interview 67A, transcript, Senn Oral History Collection, National Library of Medicine",
    14.108), its medium and length."""
    interviewers = _names(item, "interviewer", edition)
    what = _labelled("interview by", interviewers, bibliography=bibliography) or esc(field(item, "genre"))
    event_date = date_text(item, "event-date")
    issued = date_text(item)
    posted = bool(event_date and issued) or field(item, "status").casefold() == "posted"
    occasion = [what, esc(field(item, "event-title")), esc(field(item, "event-place")), event_date]
    if item.get("issue") or item.get("volume"):
        from citations.styles import chicago

        published = [chicago._journal(item, esc(field(item, "page")))]
    elif item.get("container-title") or item.get("publisher"):
        published = [italic(item.get("container-title", "")) if item.get("container-title") else ""]
        published += [esc(field(item, "publisher")), issued]
    else:
        published = [f"posted {issued}" if posted and issued else issued]
    if not (item.get("author") or item.get("title")):
        occasion[0] = _capitalised(occasion[0])
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        occasion,
        published,
        [esc(field(item, "archive_location"))],
        [esc(field(item, name)) for name in ("archive_collection", "archive", "archive-place")],
        _medium(item),
    ]


# Talks (18th 14.115, 14.164, 14.167; 17th 14.217, 14.264, 14.268).


def _recorded_talk(item, edition, bibliography):
    """A talk consulted as a recording: what it was, who chaired it, the event and place, when it was
    given ("recorded" when the record's status says so), when it was posted, who published it, its
    medium and length (18th 14.164, 14.167: "Vaitea Cowan, “How Green Hydrogen …,” TED Talk,
    Vancouver, BC, April 2022, 9 min., 15 sec."). The 17th: "filmed November 2016 at
    TEDxBeaconStreet, Brookline, MA" for a talk at a named event (17th 14.268)."""
    event = esc(field(item, "event-title", "event"))
    place = esc(field(item, "event-place", "publisher-place"))
    given = date_text(item, "event-date") or date_text(item)
    posted = date_text(item) if item.get("event-date") else ""
    status = field(item, "status").casefold()
    if edition.number == 17 and event and not (status or item.get("genre")):
        occasion = [" ".join(filter(None, ["filmed", given, f"at {sentence(event, place, end='')}"]))]
    elif status == "recorded":  # "recorded March 2, 1920, in New York"
        occasion = [event, f"recorded {given}" if given else "", f"in {place}" if place else ""]
    else:
        occasion = [event, place, given]
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        [esc(field(item, "genre"))],
        [_labelled("chaired by", _names(item, "chair", edition), bibliography=bibliography)],
        occasion,
        [f"posted {posted}" if posted else ""],
        [esc(field(item, "publisher"))],
        _medium(item),
    ]


def _talk_heard(item):
    """ "lecture, Art Institute of Chicago, Chicago, May 5, 2017": what, where and when (17th 14.217,
    18th 14.115), in a note's parentheses after the title."""
    event = esc(field(item, "event-title", "event"))
    place = esc(field(item, "event-place", "publisher-place"))
    when = date_text(item, "event-date") or date_text(item) or "n.d."
    return sentence(esc(field(item, "genre")), event, place, when, end="")


def _is_recorded(item):
    return bool(item.get("URL") or item.get("medium") or item.get("dimensions"))


# Artworks and maps (18th 14.133–14.135, 17th 14.235–14.236).


def _artwork(item, edition, bibliography):
    """A work of art or a map under its maker, its title in italics (and translated), when it was made
    ("1957, printed 1965"; "1909; reprint, 1951"), its medium and size, its scale, and where it is
    kept ("Museum of Modern Art, New York, object no. 162.1934")."""
    made, issued = date_text(item, "original-date"), date_text(item)
    status, edition_text = field(item, "status"), esc(field(item, "edition"))
    if made and status:
        dates = [[made, f"{esc(status)} {issued}" if issued else ""]]
    elif made and edition_text:  # a reprint, as a book's (14.114 in the 17th, 14.16 in the 18th)
        dates = [[made], [edition_text, issued]] if bibliography else [[f"{made}; {edition_text}", issued]]
    else:
        dates = [[made, edition_text, issued or ("" if made else "n.d.")]]
    contained = _contained(item, edition, bibliography) if item.get("container-title") else []
    if contained:  # the date of publication is the book's
        dates = [[made]]
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        *dates,
        [*_medium(item), esc(field(item, "scale"))],
        *contained,
        [esc(field(item, name)) for name in ("archive", "archive-place", "archive_location")],
    ]


def _contained(item, edition, bibliography):
    """The book a map or an artwork is reproduced in, as a chapter's: "in <i>The History of
    Cartography</i>, ed. David Woodward, vol. 3, <i>Cartography in the European Renaissance</i>
    (University of Chicago Press, 2007), fig. 51.3"."""
    from citations.styles import chicago

    editors = item.get("editor") or item.get("collection-editor") or []
    edited = ("edited by " if bibliography else "ed. ") + edition.listed_names(editors) if editors else ""
    book = sentence(f"in {italic(item['container-title'])}", edited, chicago._volume(item), end="")
    facts = chicago._publication_facts(item, edition)
    if bibliography:
        return [[book], [facts], [esc(field(item, "page"))]]
    return [[f"{book} ({facts})" if facts else book, esc(field(item, "page"))]]


# Films and programs (18th 14.165, 14.168; 17th 14.265, 14.267).


def _film_part(item, edition, bibliography):
    """A scene or an extra of a film by its own authors, its title quoted, then the film, its edition
    and disc, the film's release and the recording's facts: "“Commentaries,” <i>Monty Python and the
    Holy Grail</i>, special ed., disc 2 (Columbia TriStar Home Entertainment, 2001), DVD" (17th
    14.265, 18th 14.165)."""
    from citations.styles import chicago

    disc = esc(field(item, "volume"))
    film = sentence(italic(item["container-title"]), chicago._edition(item), disc, end="")
    facts = chicago._film_facts(item, edition)
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        *([[film], [facts]] if bibliography else [[f"{film} ({facts})"]]),
        _medium(item),
    ]


def _program(item, edition, bibliography):
    """A podcast or a program cited whole, under its host, its title in italics, who produced it,
    its network and date (18th 14.168): "Dexter Thomas Jr., <i>Authentic: The Story of Tablo</i>,
    produced by Stephanie Kariuki, VICE / iHeart Podcast Network, March 24, 2022"."""
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        [_labelled("produced by", _names(item, "producer", edition), bibliography=bibliography)],
        [esc(field(item, "publisher")), date_text(item) or "n.d."],
        _medium(item),
    ]


# Patents (18th 14.158, 17th 14.258).


def _patent(item, edition, bibliography):
    """ "Iizuka, Masanori, and Hideki Tanaka. Cement admixture. US Patent 4,586,960, filed June 26,
    1984, and issued May 6, 1986." (17th 14.157, 18th 14.158): the title as the patent gives it,
    the country's patent and number, when it was filed and issued."""
    number = " ".join(filter(None, [esc(field(item, "authority")), "Patent", esc(field(item, "number"))]))
    filed, issued = date_text(item, "submitted"), date_text(item)
    dates = f"filed {filed}, and issued {issued}" if filed and issued else issued and f"issued {issued}"
    return [
        [_creator(item, "author", edition, bibliography=bibliography)],
        [_title(item)],
        [number if field(item, "number") else "", dates],
    ]


FORMS = {
    "song": _recording,
    "interview": _interview,
    "graphic": _artwork,
    "map": _artwork,
    "patent": _patent,
    "speech": _recorded_talk,
}


def _groups(item, edition, bibliography):
    return _form(item)(item, edition, bibliography)


def _short(item, edition, where, href):
    """A short note: the first group's surnames (a recording's composer), then the short title, or,
    for an interview in the 18th or an untitled one, what it is: "Sanders, interview."."""
    kind = item["type"]
    variable = "composer" if kind == "song" and item.get("composer") else "author"
    names = edition.short_names(item.get(variable) or [])
    title = short_title(item)
    if kind == "interview" and names and (edition.interview_short_by_kind or not title):
        return sentence(names, "interview", where)
    shown = _title(item, title, href)
    if not (names or shown) and kind == "interview":  # "Interview with health-care worker." (18th 14.109)
        shown = _capitalised(esc(field(item, "genre"))) or "Interview"
    return sentence(names, shown, where)


def note(item, edition, where="", *, short=False, href=None, suppress_author=False):
    """The full or short note for a recording, interview, talk, artwork, map or patent."""
    if short:
        return _short({**item, "author": []} if suppress_author else item, edition, where, href)
    if item["type"] == "speech" and not _is_recorded(item):
        creator = "" if suppress_author else _creator(item, "author", edition)
        title = _title(item, href=href)
        return sentence(creator, f"{title} ({_talk_heard(item)})" if title else _talk_heard(item), where)
    groups = _groups(item, edition, bibliography=False)
    if suppress_author:
        groups[0] = []
    if href:
        groups[1] = [_title(item, href=href)]
    pieces = [piece for group in groups for piece in group]
    return sentence(*pieces, where, links(item))


def bibliography(item, edition):
    """The bibliography entry: the note's elements, its groups as sentences, the record's remarks
    ("Transcript available on request.") after them."""
    if item["type"] == "speech" and not _is_recorded(item):
        creator = _creator(item, "author", edition, bibliography=True)
        heard = _capitalised(_talk_heard(item))
        return sentence(creator, _title(item), heard, separator=". ")
    groups = _groups(item, edition, bibliography=True)
    written = [_capitalised(sentence(*group, end="")) for group in groups]
    return sentence(*written, esc(field(item, "references")), links(item), separator=". ")
