"""Chicago notes and bibliography (The Chicago Manual of Style, 18th and 17th eds., chapter 14).

Every function takes ``edition`` (``editions``: the 18th unless said), for the rules that changed.

Each type has a full note, a short note and a bibliography entry. Notes join
their elements with commas and put the facts of publication of books in
parentheses; bibliography entries join them with periods. Titles of works
that appear inside another are quoted; titles of whole works, and the
periodicals, books and blogs that contain them, are italic; website names
and report series stay roman (14.206, 14.123). English titles stored in
sentence case are printed in headline style (8.159, ``capitals``).
"""

import re

from citations.csl import nearest_type
from citations.styles import cases, legislation, order
from citations.styles.capitals import headline
from citations.styles.editions import EIGHTEENTH
from citations.styles.text import (
    PLURAL_LOCATOR,
    date_text,
    esc,
    italic,
    links,
    locator,
    pages,
    quoted,
    sentence,
    short_title,
    title_html,
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
UNPUBLISHED_TYPES = {"thesis", "manuscript", "speech"}
REVIEW_TYPES = {"review", "review-book"}


TITLE_VARIABLES = (
    "title",
    "title-short",
    "container-title",
    "collection-title",
    "volume-title",
    "part-title",
    "reviewed-title",
)


def headline_titles(item, edition=EIGHTEENTH):
    """``item`` with its titles in headline style (CMOS 17 8.159, 14.89; the 18th's title case, 8.160),
    unless it is not in English: titles in other languages keep the sentence style they are written
    in (CMOS chapter 11)."""
    language = str(item.get("language") or "en").lower()
    if not language.startswith("en"):
        return item
    if item.get("type") == "post":
        # A social media post's text is quoted as written (CMOS 17 14.209); only its container is a title.
        container = item.get("container-title")
        return {**item, "title": _post_text(item.get("title", ""))} | (
            {"container-title": headline(container, capitalised_from=edition.prepositions_capitalised_from)}
            if isinstance(container, str)
            else {}
        )
    titles = {
        name: headline(item[name], capitalised_from=edition.prepositions_capitalised_from)
        for name in TITLE_VARIABLES
        if isinstance(item.get(name), str)
    }
    return {**item, **titles}


def _post_text(text):
    """A post's text without its closing period, which the note's comma or period replaces (14.209)."""
    text = str(text).strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _kind(item):
    """The type whose forms the item takes: its own, or the nearest this style formats."""
    return nearest_type(str(item.get("type", "")), has_url=bool(item.get("URL")))[0]


def _periodical(item):
    """``_kind``, except that a review with no volume is dated as a newspaper's article (14.215)."""
    kind = _kind(item)
    if item.get("type") in REVIEW_TYPES and not (item.get("volume") or item.get("issue")):
        return "article-newspaper"
    return kind


def _title(item, text=None, href=None):
    text = item.get("title", "") if text is None else text
    if not str(text).strip():
        return ""  # no empty quotation marks for a record without a title
    kind = _kind(item)
    # Unpublished works are quoted (CMOS 17 8.184): theses (14.211), manuscripts, talks (14.217, 14.268).
    unpublished = item.get("type") in UNPUBLISHED_TYPES
    if kind in QUOTED_TYPES or unpublished or (kind == "broadcast" and item.get("container-title")):
        return quoted(text, href)
    return italic(text, href)


def _editor_label(editors):
    return "eds." if len(editors) > 1 else "ed."


def _stand_in(item):
    """Who stands in the author's place of a book without one (CMOS 17 14.103–4): its editors, else
    its translators, with their label; ``([], "")`` for a work with an author or neither."""
    if item.get("author") or _kind(item) not in BOOK_LIKE_TYPES:
        return [], ""
    if item.get("editor"):
        return item["editor"], _editor_label(item["editor"])
    translators = item.get("translator") or []
    return translators, "trans." if translators else ""


def _creators(item, edition, *, bibliography=False):
    """Authors, or, for a work with none, its editors labelled ed./eds. or translators labelled
    trans. (14.103–4: "Richmond Lattimore, trans., <i>The Iliad of Homer</i>")."""
    names = edition.bibliography_names if bibliography else edition.note_names
    if item.get("author"):
        return names(item["author"])
    if bibliography and _listed_under_directors(item):
        directors = item["director"]
        return f"{names(directors)}, {'dirs.' if len(directors) > 1 else 'dir.'}"
    stand_in, label = _stand_in(item)
    return f"{names(stand_in)}, {label}" if stand_in else ""


def _contributors(item, edition, *, bibliography=False):
    """Editors and translators after the title (CMOS 17 14.103–5): "ed. Elizabeth P. Peabody",
    "trans. Ann Goldstein" in a note, "edited by …", "translated by …" in a bibliography.

    Editors who stand in the author's place (before the title) are not repeated.
    """
    editors = item.get("editor") or []
    translators = item.get("translator") or []
    stand_in, _label = _stand_in(item)
    if stand_in is editors:
        editors = []
    elif stand_in is translators:
        translators = []
    if bibliography:
        roles = [("edited by ", editors), ("translated by ", translators)]
        return [label + edition.listed_names(names) for label, names in roles if names]
    roles = [("ed. ", editors), ("trans. ", translators)]
    return [label + edition.note_names(names) for label, names in roles if names]


def _edition(item):
    """ "2nd ed.", "rev. ed." (CMOS 17 14.112–13): a bare number becomes an ordinal."""
    edition = " ".join(str(item.get("edition") or "").split())
    if edition.isdigit():
        number = int(edition)
        suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
        return f"{number}{suffix} ed."
    edition = edition.removesuffix("edition").removesuffix("Edition").strip()
    if not edition:
        return ""
    return esc(edition if edition.split()[-1] in ("ed.", "ed") else f"{edition} ed.")


def _book_series(item):
    """A book's series and number, roman, before the facts of publication (CMOS 17 14.123): "Toronto
    Medieval Latin Texts 33"; a number that is more than one word after a comma, "…, 3rd ser., 14"."""
    title = item.get("collection-title", "")
    if not title:
        return ""
    number = " ".join(str(item.get("collection-number") or "").split())
    separator = " " if number.isalnum() else ", "
    return title_html(title) + (separator + esc(number) if number else "")


def _volume(item, *, bibliography=False):
    """A volume of a multivolume work, with its own title and book or part (CMOS 18 14.23, 17 14.117):
    "vol. 2, <i>A Century of Wonder</i>, bk. 3, <i>The Scholarly Disciplines</i>"."""
    pieces = []
    if item.get("volume"):
        pieces.append(f"{'Vol.' if bibliography else 'vol.'} {esc(item['volume'])}")
    if item.get("volume-title"):
        pieces.append(italic(item["volume-title"]))
    part = " ".join(str(item.get("part-number") or "").split())
    if part:
        pieces.append(esc(f"pt. {part}" if part.isdigit() else part))
    if item.get("part-title"):
        pieces.append(italic(item["part-title"]))
    return sentence(*pieces, end="")


def _is_episode(item):
    """Whether ``item`` is an episode of a television or radio series cited by the series, with no
    author of its own (an interview or a podcast's episode is cited by its guest or host)."""
    return (
        _kind(item) == "broadcast"
        and bool(item.get("container-title"))
        and not item.get("author")
        and item.get("type") != "interview"
    )


def _listed_under_directors(item):
    """Whether a bibliography lists ``item`` under its directors, "Gilliam, Terry, and Terry Jones,
    dirs.": a film, an episode or a staged performance with no author (CMOS 17 14.265, 18th
    14.165–66); its notes open with the title, the directors after it."""
    return (
        _kind(item) == "broadcast"
        and (not item.get("container-title") or _is_episode(item))
        and not item.get("author")
        and bool(item.get("director"))
    )


def _directors(item, edition, *, bibliography=False):
    """A film's or broadcast's directors after its title: "directed by Terry Gilliam" (CMOS 17 14.265)."""
    directors = item.get("director") or []
    if not directors:
        return ""
    names = edition.listed_names(directors) if bibliography else edition.note_names(directors)
    return ("Directed by " if bibliography else "directed by ") + names


def _untitled_review(item):
    """Whether ``item`` is a review without a title of its own: one that names the reviewed work's
    author but not its title, its ``title`` being the reviewed work's (as Zotero and the Chicago CSL
    styles hold it): "Ben Ratliff, review of <i>The Mystery of Samba</i>, by Hermano Vianna" (CMOS 16
    14.215, the 17th 14.215's rule)."""
    return (
        item.get("type") in REVIEW_TYPES
        and not item.get("reviewed-title")
        and bool(item.get("reviewed-author"))
        and bool(item.get("title"))
    )


def _reviewed(item, edition, *, href=None, short=False):
    """ "review of <i>Swing Time</i>, by Zadie Smith" (CMOS 17 14.215, 18th 14.102), for a review;
    ``short``: "review of <i>Mystery of Samba</i>", an untitled review's short title."""
    if item.get("type") not in REVIEW_TYPES:
        return ""
    untitled = _untitled_review(item)
    title = item.get("reviewed-title") or (item["title"] if untitled else "")
    if not title:
        return ""
    if short:
        return f"review of {italic(short_title(item), href)}"
    by = item.get("reviewed-author") or []
    return sentence(
        f"review of {italic(title, href if untitled else None)}",
        f"by {edition.note_names(by)}" if by else "",
        end="",
    )


def _section(item):
    """A newspaper's named section after its name: "<i>New York Times</i>, Sunday Book Review"
    (CMOS 17 14.191, 18th 14.89)."""
    return esc(" ".join(str(item.get("section") or "").split()))


def _interviewer(item, edition, *, bibliography=False):
    """ "interview by Terry Gross" after the title of an interview (CMOS 17 14.214)."""
    interviewers = item.get("interviewer") or []
    if item.get("type") != "interview" or not interviewers:
        return ""
    return ("Interview by " if bibliography else "interview by ") + edition.note_names(interviewers)


def _numbered(item, name, word):
    """ "season 5" from a bare number, or the record's own words lowercased, "season 3, episode 12"
    for "Season 3, Episode 12", as the Manual sets them mid-sentence (14.265)."""
    text = " ".join(str(item.get(name) or "").split())
    if text.isdigit():
        return f"{word} {text}"
    return re.sub(r"\b(Season|Episode)\b", lambda match: match[0].lower(), text)


def _episode(item):
    """ "<i>Breaking Bad</i>, season 5, episode 14": the series, then the season (CSL's
    ``collection-number``) and the episode (``number``) (CMOS 17 14.265)."""
    return sentence(
        _container(item),
        esc(_numbered(item, "collection-number", "season")),
        esc(_numbered(item, "number", "episode")),
        end="",
    )


def _broadcast(item, edition):
    """When and where an episode was shown: "aired September 15, 2013, on AMC" (CMOS 17 14.265, 18th
    14.165); for one consulted on a recording, its first showing, then the recording's facts of
    publication: "NBC, 1996; Warner Home Video, 2003", as a film's (``_film_facts``)."""
    if item.get("original-date") or item.get("original-publisher"):
        return _film_facts(item, edition)
    aired, network = date_text(item), esc(item.get("publisher", ""))
    return sentence(f"aired {aired}" if aired else "", f"on {network}" if network else "", end="")


def _medium(item):
    """ "audio, 35:25": the medium and the running time of a recording consulted (CMOS 17 14.214, 14.267)."""
    return sentence(esc(item.get("medium", "")), esc(item.get("dimensions", "")), end="")


def _talk(item):
    """Where and when a talk was given. A recording of it: "filmed November 2016 at TEDxBeaconStreet,
    Brookline, MA", then its medium and running time, "TED video, 12:51" (CMOS 17 14.268); a talk
    heard: "lecture, Art Institute of Chicago, May 5, 2017" (14.217). Returns (occasion, medium)."""
    event = esc(" ".join(str(item.get("event-title") or item.get("event") or "").split()))
    place = esc(item.get("event-place") or item.get("publisher-place") or "")
    when = date_text(item, "event-date") or date_text(item)
    at = sentence(event, place, end="")
    form = esc(item.get("medium") or item.get("genre") or "")
    medium = sentence(form, esc(item.get("dimensions", "")), end="")
    if item.get("URL") or item.get("medium") or item.get("dimensions"):
        occasion = " ".join(filter(None, ["filmed" if when or at else "", when, f"at {at}" if at else ""]))
        return occasion, medium
    return sentence(esc(item.get("genre", "")), at, when or "n.d.", end=""), ""


def _performed(item):
    """Where and when a live performance was given: "Schauspielhaus Zürich, Pfauen, May 10, 2001"
    (18th 14.166), the company or theater and the place, then the full date; no facts of publication."""
    return sentence(
        esc(item.get("publisher", "")), esc(item.get("publisher-place", "")), _dated(item), end=""
    )


def _film_facts(item, edition):
    """ "1975; Culver City, CA: Columbia TriStar Home Entertainment, 2001": the release first (14.265)."""
    released = sentence(
        esc(item.get("original-publisher", "")), date_text(item, "original-date", year_only=True), end=""
    )
    facts = _publication_facts(item, edition, year_only=True)
    return f"{released}; {facts}" if released else facts


def _capitalised(text):
    return text[:1].upper() + text[1:]


def _dated(item, *, year_only=False):
    """The date of publication, or "n.d." for a work without one (CMOS 17 14.145)."""
    return date_text(item, year_only=year_only) or "n.d."


def _publication_facts(item, edition, *, year_only=True):
    """ "New York: Penguin Press, 2016" (18th ed.: "Penguin Press, 2016"), or "n.d." where the year
    would be (14.127–14.128, 14.145)."""
    place = esc(item.get("publisher-place", "")) if edition.place_of_publication else ""
    publisher = esc(item.get("publisher", ""))
    imprint = f"{place}: {publisher}" if place and publisher else place or publisher
    return sentence(imprint, _dated(item, year_only=year_only), end="")


# "13:09" after a date's "T" or a space, or "1:09 p.m.": hours, minutes, and a.m. or p.m. if given.
TIME = re.compile(r"(?:\d[T ]|^|\s)(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*([ap])?\.?\s*m?\.?", re.I)


def _time(item):
    """The time of day a post or comment was published, "1:09 p.m." (CMOS 17 14.209, 9.38; the 18th's
    quick guide), read from the ``raw`` or ``literal`` form of ``issued`` ("2015-04-17T13:09"), since
    CSL's date parts hold none; empty without one."""
    issued = item.get("issued")
    text = str((issued.get("raw") or issued.get("literal") or "") if isinstance(issued, dict) else "")
    match = TIME.search(text)
    if not match:
        return ""
    hour, minute, half = int(match[1]), match[2], (match[3] or "").lower()
    if hour > 23 or int(minute) > 59:
        return ""
    if not half:
        half, hour = ("p" if hour >= 12 else "a"), (hour % 12 or 12)
    return f"{hour}:{minute} {half}.m."


def _stamped(item):
    """A post's or comment's date with its time stamp: "April 17, 2015, 1:09 p.m." (14.208–9)."""
    return sentence(date_text(item), _time(item) if date_text(item) else "", end="")


def _when(item):
    """The date of a web page or an article, or when it was seen if it has none (14.205), or "n.d."."""
    issued = _stamped(item) if item.get("type") == "post" or _is_comment(item) else date_text(item)
    if issued:
        return issued
    accessed = date_text(item, "accessed")
    return f"accessed {accessed}" if accessed else "n.d."


def _parent(item):
    """The publication a blog belongs to, after the blog: "<i>ProfHacker</i> (blog), <i>Chronicle of
    Higher Education</i>" (CMOS 17 14.208); a blog post's ``publisher``, Zotero having no such field."""
    if _kind(item) != "post-weblog" or item.get("type") == "post" or not item.get("publisher"):
        return ""
    return italic(item["publisher"])


def _is_comment(item):
    """A comment on a post, held as the post with the commenter as author and the post's author as
    ``container-author``, its genre (Zotero's "Website Type") "comment"."""
    return str(item.get("genre") or "").strip().casefold() == "comment"


def _comment_on(item, edition, title, *, short=False):
    """ "comment on Chicago Manual of Style, “singular they”": a comment is cited by the post it is on
    (CMOS 17 14.208; the 18th's quick guide)."""
    authors = item.get("container-author") or []
    names = (edition.short_names if short else edition.note_names)(authors) if authors else ""
    return "comment on " + sentence(names, title, end="")


def _database(item):
    """Where a work without a URL was consulted: "ProQuest (13865986)", "LexisNexis Academic" (CMOS
    17 14.175, 14.211; the 18th's quick guide), from ``archive`` and ``archive_location``."""
    if links(item) or not item.get("archive"):
        return ""
    location = str(item.get("archive_location") or "")
    return esc(item["archive"]) + (f" ({esc(location)})" if location else "")


def _container(item):
    container = item.get("container-title", "")
    kind = _kind(item)
    if not container:
        return ""
    if kind == "webpage" or kind in BOOK_LIKE_TYPES:
        return title_html(container)
    text = italic(container)
    if item.get("type") == "post":  # a social network's name is roman (CMOS 17 14.209): Twitter
        return title_html(container)
    if kind == "post-weblog" and "blog" not in container.lower():
        text += " (blog)"
    return text


def _article_number(item):
    """An article's number where a journal has no pages, "e0318239" (Zotero's "Article Number", CSL's
    ``number``); empty for an article with pages."""
    return "" if item.get("page") else esc(" ".join(str(item.get("number") or "").split()))


def _owned_by_organisation(item):
    """A web page whose authors are organisations (a literal name, no given and family names)."""
    authors = item.get("author") or []
    return bool(authors) and all(author.get("literal") and not author.get("family") for author in authors)


def _journal(item, pages_or_locator):
    """ "<i>Classical Philology</i> 111, no. 2 (April 2016): 170" (14.171); a double issue "nos. 7–8".

    An article numbered rather than paginated gives its number in the page range's place, after the
    pages cited in a note: "<i>PLOS ONE</i> 20, no. 3 (2025): 9–10, e0318239" (the 18th's quick guide).
    """
    pages_or_locator = sentence(pages_or_locator, _article_number(item), end="")
    text = sentence(_container(item) + (f" {esc(item['volume'])}" if item.get("volume") else ""), end="")
    if item.get("issue"):
        issue = str(item["issue"])
        number = "nos." if PLURAL_LOCATOR.search(issue) else "no."
        text = sentence(text, f"{number} {esc(pages(issue))}", end="")
    text += f" ({date_text(item, month_only=True) or 'n.d.'})"
    if pages_or_locator:
        text += f": {pages_or_locator}"
    return text


def _series(item):
    """A report's or document's series and number: "NBER Working Paper 12345" (CMOS 17 14.123).

    Zotero keeps a report's series in ``collection-title`` and its number in
    ``number``; older records use the container and the issue.
    """
    series = title_html(item["collection-title"]) if item.get("collection-title") else _container(item)
    number = esc(item.get("number") or item.get("issue") or "")
    if number and not series:  # "working paper 77": a number alone says nothing (CMOS 17 14.238)
        series = esc(" ".join(str(item.get("genre") or "").split()))
    return " ".join(filter(None, [series, number]))


def _thesis(item):
    """ "PhD diss., University of Chicago, 2012" (CMOS 17 14.211): the genre, the school, the year."""
    genre = " ".join(str(item.get("genre") or "").split())
    folded = genre.casefold().replace(".", "")
    if "phd" in folded or "doctor" in folded:
        genre = "PhD diss."
    elif "master" in folded:
        genre = "master’s thesis"
    return sentence(
        esc(genre or "thesis"), esc(item.get("publisher", "")), _dated(item, year_only=True), end=""
    )


def note(
    item, locator_text="", *, short=False, href=None, label="page", suppress_author=False, edition=EIGHTEENTH
):
    """The note for ``item``: full, or short (author's surname and short title, 14.29).

    With ``href``, the title links there (the site's page about the source).
    ``label`` names the locator's kind (CSL: ``page``, ``chapter``…);
    ``suppress_author`` leaves the author out, for a text that names them.
    ``edition`` is the Manual's (``editions``), the 18th unless said.
    """
    item = headline_titles(item, edition)
    where = locator(locator_text, label)
    if item.get("type") == "legal_case":
        return cases.note(item, where, short=short, href=href)
    if item.get("type") in legislation.LEGAL_TYPES:
        return legislation.note(item, where, short=short, href=href)
    if short:
        names = item.get("author") or item.get("editor") or _stand_in(item)[0]
        if _is_comment(item):
            # "Michele Truty, April 17, 2015, 1:09 p.m., comment on Chicago Manual of Style, “singular they.”"
            commenter = "" if suppress_author else edition.note_names(names)
            on = _comment_on(item, edition, _title(item, short_title(item), href), short=True)
            return sentence(commenter, _stamped(item), on, where)
        names = "" if suppress_author else edition.short_names(names)
        if item.get("type") == "interview" and names and edition.interview_short_by_kind:
            return sentence(names, "interview", where)  # "Buolamwini, interview." (18th)
        if _untitled_review(item):  # "Ratliff, review of <i>Mystery of Samba</i>."
            return sentence(names, _reviewed(item, edition, href=href, short=True), where)
        return sentence(names, _title(item, short_title(item), href), where)
    kind = _periodical(item)
    creators = "" if suppress_author else _creators(item, edition)
    if _untitled_review(item):
        title = _reviewed(item, edition, href=href)
    else:
        title = sentence(_title(item, href=href), _reviewed(item, edition), end="")
    comment = _is_comment(item)
    if comment:  # the comment's date after the commenter, then the post
        creators = sentence(creators, _stamped(item), end="")
        title = _comment_on(item, edition, title)
    medium = ""
    if item.get("type") == "thesis":
        title = sentence(title, *_contributors(item, edition), end="") + f" ({_thesis(item)})"
        body = []
    elif kind == "article-journal":
        body = [_journal(item, where or esc(pages(item.get("page", ""))))]
        where = ""
    elif kind in ("article-newspaper", "article-magazine", "post-weblog"):
        body = [_container(item), _section(item), _parent(item), "" if comment else _when(item)]
    elif kind == "chapter":
        container = f"in {_container(item)}" if item.get("container-title") else ""
        facts = _publication_facts(item, edition)
        # A chapter in one volume of a multivolume book names the volume after the book (CMOS 17 14.117).
        contained = sentence(
            container, _volume(item), *_contributors(item, edition), _book_series(item), end=""
        )
        body = [contained + (f" ({facts})" if facts else "")]
        where = where or esc(pages(item.get("page", "")))
    elif kind == "webpage":
        owner = ""
        if creators and _owned_by_organisation(item):
            # “Privacy Policy,” Privacy & Terms, Google, …: an organisation that is a page's author is
            # its owner, named after the site in a note, in the author's place in the bibliography
            # (17th 14.206, 18th 14.104).
            owner = "" if creators == esc(item.get("container-title", "")) else creators
            creators = ""
        body = [_container(item), owner, esc(item.get("publisher", "")), _when(item)]
    elif item.get("type") == "speech":
        occasion, recording = _talk(item)
        title = sentence(title, *_contributors(item, edition), end="")
        if (
            recording
        ):  # "Katie Bouman, “How to Take…,” filmed November 2016 at …, TED video, 12:51, https://…"
            body = [occasion, recording]
        else:  # "“Title” (lecture, Place, Date)" (14.217)
            title += f" ({occasion})"
            body = []
    elif kind == "broadcast" and not item.get("container-title"):
        # A film: "<i>Monty Python and the Holy Grail</i>, directed by Terry Gilliam (…, 2001), DVD", 14.265.
        title = sentence(title, _directors(item, edition), end="")
        if item.get("type") == "performance":
            body = [_performed(item)]
        else:
            title += f" ({_film_facts(item, edition)})"
            body = [esc(item.get("medium", ""))]
    elif _is_episode(item):
        # "<i>Breaking Bad</i>, season 5, episode 14, “Ozymandias,” directed by Rian Johnson, aired
        # September 15, 2013, on AMC" (14.265); on a recording: "… directed by Gail Mancuso (NBC, 1996;
        # Warner Home Video, 2003), DVD, 22 min."
        title = sentence(_episode(item), title, _directors(item, edition), end="")
        if item.get("original-date") or item.get("original-publisher"):
            title += f" ({_broadcast(item, edition)})"
            body = [_medium(item)]
        else:
            body = [_broadcast(item, edition), _medium(item)]
    elif kind == "broadcast":
        # An interview or a podcast's episode: "Mike Duncan, “The Fall of Rome,” <i>The History of Rome</i>…",
        # "Kory Stamper, “…,” interview by Terry Gross, <i>Fresh Air</i>, NPR, April 19, 2017, audio, 35:25".
        title = sentence(title, _interviewer(item, edition), end="")
        body = [
            _episode(item),
            _directors(item, edition),
            esc(item.get("publisher", "")),
            _dated(item),
            _medium(item),
        ]
    else:
        volume = _volume(item) if kind == "book" else ""
        series = _series(item) if kind != "book" else _book_series(item)
        facts = _publication_facts(item, edition, year_only=kind == "book")
        title = sentence(title, *_contributors(item, edition), _edition(item), volume, series, end="")
        title += f" ({facts})" if facts else ""
        body = []
        # An e-book's format after the locator: "(Random House, 2008), chap. 6, Kindle" (CMOS 17 14.161).
        medium = esc(item.get("medium", "")) if kind == "book" else ""
    return sentence(creators, title, *body, where, medium, links(item) or _database(item))


def bibliography(item, *, edition=EIGHTEENTH):
    """The bibliography entry for ``item`` (14.68–14.69): first author inverted, periods between.

    An unsigned newspaper or magazine article is listed under the periodical, which stands in
    the author's place (14.207): "<i>New York Times</i>. “In Texas, Ad Heats Up Race.” July 30, 2002."
    """
    item = headline_titles(item, edition)
    kind = _periodical(item)
    if item.get("type") == "legal_case":
        return cases.bibliography(item)
    if item.get("type") in legislation.LEGAL_TYPES:
        return legislation.bibliography(item)
    parts = [_creators(item, edition, bibliography=True), "" if _untitled_review(item) else _title(item)]
    if _is_comment(item):
        parts[1] = _capitalised(_comment_on(item, edition, parts[1]))
    if item.get("type") in REVIEW_TYPES:
        parts.append(_capitalised(_reviewed(item, edition)))
    if kind == "webpage" and _owned_by_organisation(item) and parts[0] == _container(item):
        item = {**item, "container-title": ""}  # the owner is the site: "Yale University. “About Yale…”"
    if kind == "webpage" and not parts[0] and item.get("container-title"):
        # The site's owner stands in the author's place: "Yale University. “About Yale…”" (CMOS 17 14.206).
        site = _container(item)
        parts = [site, parts[1]]
        item = {**item, "container-title": ""}
    if kind in ("article-newspaper", "article-magazine") and not parts[0] and item.get("container-title"):
        return sentence(_container(item), parts[1], _when(item), links(item), separator=". ")
    if item.get("type") == "thesis":
        parts += [_capitalised(piece) for piece in _contributors(item, edition, bibliography=True)]
        parts.append(_capitalised(_thesis(item)))
    elif kind == "article-journal":
        parts.append(_journal(item, esc(pages(item.get("page", "")))))
    elif kind == "post-weblog" and item.get("type") != "post":
        # CMOS 17 14.208: "<i>ProfHacker</i> (blog). <i>Chronicle of Higher Education</i>, November 22, 2016."
        parts += [_container(item), sentence(_parent(item), _when(item), end="")]
    elif kind in ("article-newspaper", "article-magazine", "post-weblog"):
        parts.append(sentence(_container(item), _section(item), _when(item), end=""))
    elif kind == "chapter":
        container = f"In {_container(item)}" if item.get("container-title") else ""
        parts.append(
            sentence(
                container,
                _volume(item),
                *_contributors(item, edition, bibliography=True),
                esc(pages(item.get("page", ""))),
                end="",
            )
        )
        parts.append(_book_series(item))
        parts.append(_publication_facts(item, edition))
    elif kind == "webpage":
        when = _when(item)
        parts += [
            _container(item),
            esc(item.get("publisher", "")),
            _capitalised(when) if when != "n.d." else when,
        ]
    elif item.get("type") == "speech":
        # "Bouman, Katie. “How to Take a Picture of a Black Hole.” Filmed November 2016 at
        # TEDxBeaconStreet, Brookline, MA. TED video, 12:51. https://…" (CMOS 17 14.268)
        occasion, medium = _talk(item)
        parts += [_capitalised(piece) for piece in _contributors(item, edition, bibliography=True)]
        parts += [_capitalised(occasion), _capitalised(medium)]
    elif kind == "broadcast" and not item.get("container-title"):
        # "Gilliam, Terry, and Terry Jones, dirs. <i>Monty Python and the Holy Grail</i>. 1975; …" (14.265)
        if not _listed_under_directors(item):
            parts.append(_directors(item, edition, bibliography=True))
        if item.get("type") == "performance":
            parts.append(_performed(item))
        else:
            parts += [_film_facts(item, edition), esc(item.get("medium", ""))]
    elif _is_episode(item):
        # "Johnson, Rian, dir. <i>Breaking Bad</i>. Season 5, episode 14, “Ozymandias.” Aired September 15,
        # 2013, on AMC." (14.265, 18th 14.165): the series, then the episode.
        season_and_number = _episode({**item, "container-title": ""})
        parts[1] = ""
        parts += [
            _container(item),
            _capitalised(sentence(season_and_number, _title(item), end="")),
            "" if _listed_under_directors(item) else _directors(item, edition, bibliography=True),
            _capitalised(_broadcast(item, edition)),
            _capitalised(_medium(item)),
        ]
    elif kind == "broadcast":
        facts = sentence(esc(item.get("publisher", "")), _dated(item), end="")
        directors = _directors(item, edition, bibliography=True)
        parts += [_interviewer(item, edition, bibliography=True)]
        # "Interview by Terry Gross. <i>Fresh Air</i>, NPR, April 19, 2017. Audio, 35:25." (14.214)
        if item.get("type") == "interview":
            parts.append(sentence(_episode(item), directors, facts, end=""))
        else:
            parts += [_episode(item), directors, facts]
        parts.append(_capitalised(_medium(item)))
    else:
        parts += [_capitalised(piece) for piece in _contributors(item, edition, bibliography=True)]
        parts.append(_capitalised(_edition(item)))
        if kind == "book":
            parts.append(_volume(item, bibliography=True))
        parts.append(_capitalised(_series(item)) if kind != "book" else _book_series(item))
        parts.append(_publication_facts(item, edition, year_only=kind == "book"))
        if kind == "book":
            parts.append(_capitalised(esc(item.get("medium", ""))))  # "Random House, 2008. Kindle."
    parts.append(links(item) or _database(item))
    return sentence(*parts, separator=". ")


def sort_key(item, *, edition=EIGHTEENTH):
    """Where the bibliography entry files (``order.sort_key``): unsigned articles under the periodical,
    a film under its directors."""
    if _listed_under_directors(item):
        item = {**item, "author": item["director"]}
    return order.sort_key(item)


def narrative(item, *, short=False, edition=EIGHTEENTH):
    """The author as running text names them: "Drew Hinshaw and Margaret Coker", later "Hinshaw and
    Coker" (four or more: the first and "et al."); a work without one, by its title."""
    item = headline_titles(item, edition)
    names = item.get("author") or item.get("editor") or []
    if names:
        return edition.short_names(names) if short else edition.note_names(names)
    return _title(item, short_title(item) if short else None)


def attribution(item, *, edition=EIGHTEENTH):
    """Who and where, for an excerpt's caption: "Drew Hinshaw and Margaret Coker, <cite>…</cite>"."""
    item = headline_titles(item, edition)
    where = item.get("container-title") or item.get("title", "")
    return sentence(_creators(item, edition), f"<cite>{title_html(where)}</cite>" if where else "", end="")
