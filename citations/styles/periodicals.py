"""What Chicago adds to an article's or a web page's note beyond its title and periodical (CMOS 18
14.64–14.112; 17th 14.166–14.210): the kind of piece ("editorial", "reply to …"), a department or
section named in headline style, the page's own label for its date ("last modified"), the place that
tells two periodicals of one name apart, and the facts of an article not yet in an issue.

``chicago`` calls these with the record's titles already in headline style.
"""

from citations.styles.capitals import headline
from citations.styles.text import date_text, esc, field, quoted, sentence, title_html

# Records' genres that say what a blog is or that a post is a comment, which the forms say otherwise.
DESCRIBED_TYPES = {"article-newspaper", "article-magazine", "post", "webpage"}
STATUS_DATED_TYPES = {"webpage"}


def description(item):
    """What the piece is, as its record's genre says it, lowercase as written: "editorial", "letter
    to the editor" (18th 14.94), "reply to NASA Webb Telescope", "series of seven photos" (14.106),
    "news release" (14.98), "infographic" (14.167); empty for the other types and for a comment,
    cited by the post it is on."""
    genre = field(item, "genre")
    if item.get("type") not in DESCRIBED_TYPES or genre.casefold() == "comment":
        return ""
    return title_html(genre)


def section(item, edition):
    """A periodical's department or section, a name capitalised in headline style without quotation
    marks (18th 14.88, 14.90, 14.93): "Kitchen Notebook", "Modern Love"."""
    name = field(item, "section")
    if str(item.get("language") or "en").lower().startswith("en"):
        name = headline(name, capitalised_from=edition.prepositions_capitalised_from)
    return esc(name)


def status_dated(item, when):
    """A web page's date with the page's own label for it, "last modified September 9, 2022",
    "effective November 15, 2023", "archived October 19, 2023" (18th 14.104; 17th 14.206), from the
    record's ``status``."""
    status = field(item, "status")
    if item.get("type") not in STATUS_DATED_TYPES or not status or not date_text(item):
        return when
    return f"{esc(status.lower())} {when}"


def owner(item):
    """The organisation that owns a web page, which a bibliography lists in the author's place
    (18th 14.104: "Google. “Privacy Policy.” Privacy & Terms. …"); CSL's ``publisher``."""
    return esc(field(item, "publisher")) if item.get("type") == "webpage" else ""


def place(item):
    """The place or institution that tells a periodical from others of its name, in parentheses after
    it: "<i>Lake Forester</i> (Lake Forest, IL)" (18th 14.90), "<i>Victorian Poetry</i> (West Virginia
    University)" (18th 14.81)."""
    where = field(item, "publisher-place")
    return f" ({esc(where)})" if where else ""


def issue_series(item):
    """A journal's series after its title, "2nd ser.", "n.s." (18th 14.83; 17th 14.179)."""
    series = field(item, "collection-title") if item.get("type") == "article-journal" else ""
    return esc(series.lower() if "." in series else series)  # abbreviated lowercase, not as a title


def special_issue(item, edition, *, bibliography=False):
    """The special issue an article appears in, with its editors: "in “Historicizing Renewables,” ed.
    Ute Hasenöhrl and Patrick Kupper" (18th 14.77; 17th 14.180)."""
    title = item.get("volume-title")
    if item.get("type") != "article-journal" or not title:
        return ""
    editors = item.get("editor") or []
    names = (edition.listed_names if bibliography else edition.note_names)(editors) if editors else ""
    by = ("edited by " if bibliography else "ed. ") + names if names else ""
    return sentence(f"{'In' if bibliography else 'in'} {quoted(title)}", by, end="")


def unpublished_status(item):
    """Where an article not yet in an issue stands, in the date's place (18th 14.75): "forthcoming",
    or "accepted January 6, 2023, forthcoming" for one the journal has accepted, or "ahead of print,
    April 5, 2023" for one published online before its issue; empty for an article in an issue."""
    if item.get("volume") or item.get("issue") or item.get("page") or item.get("number"):
        return ""
    published = date_text(item)
    if published:
        return f"ahead of print, {published}"
    accepted = date_text(item, "available-date")
    if accepted:
        return f"accepted {accepted}, forthcoming"
    return ""


def as_generated(item):
    """A generative AI tool's response shared as a web page, its record describing it as the "response to
    “…”" a prompt got, held as the content the tool generated (``chicago._generated``: the tool as
    author, the prompt as title), which 18th 14.112 cites by the tool: "ChatGPT 3.5, response to
    “Explain how to make pizza dough …,” OpenAI, December 9, 2023"."""
    genre = field(item, "genre")
    if item.get("type") != "webpage" or item.get("title") or not genre.startswith("response to "):
        return item
    if not item.get("container-title"):
        return item
    prompt = genre.removeprefix("response to ").strip().strip('"“”')
    tool = [{"literal": item["container-title"]}]
    return {**item, "type": "software", "genre": "AI-generated text", "author": tool, "title": prompt}
