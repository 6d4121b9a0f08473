"""What citeproc-py is given: items with escaped values and dates it reads, style files it reads rightly.

citeproc-py copies values into its HTML as they are, reads no ``raw`` date
and no season (its ``season`` fails where a month is numeric), knows only CSL
1.0's name variables (``NAMES``: CSL 1.0.2's director, host, producer… were
read as text), takes ``disambiguate="true"`` for always true, prints a
label's term without its variable, passes a substitute's name options on to
its children only, finds no hyphenated name variable (``reviewed-author``),
leaves straight quotation marks straight, ignores CSL 1.0.1's
``initialize="false"``, joins a localized date's parts with the
calling ``<date>``'s delimiter rather than the locale's, prints nothing of a
date range within one year shown by its year alone, and title-cases no
label; these functions give it what it handles.
"""

import re
from copy import deepcopy
from html import escape

from citeproc import DATES, NAMES
from citeproc.frontend import CitationStylesLocale
from lxml import etree

from citations import markup
from citations.csl import NAME_PARTS, normalize_name
from citations.dates import read_date

DATE_VARIABLES = ("issued", "accessed", "available-date", "original-date", "event-date", "submitted")
_CSL = "http://purl.org/net/xbiblio/csl"

# CSL 1.0.2's name variables that citeproc-py 0.11 lacks. Its readers look a variable up in its
# ``NAMES`` list, so listing them there has them read as names, labelled with the locale's terms
# ("(Director)"), where before a film was cited by its title in its director's place.
NEW_NAME_VARIABLES = (
    *("chair", "compiler", "contributor", "curator", "director", "executive_producer", "guest", "host"),
    *("narrator", "organizer", "performer", "producer", "reviewed_author", "script_writer", "series_creator"),
)
NAMES.extend(name for name in NEW_NAME_VARIABLES if name not in NAMES)
# And CSL 1.0.2's date variable it lacks: a multivolume work's years of publication, 1965–1993.
DATES.extend(date for date in ("available_date",) if date not in DATES)

# Each date as a style shows it by its year alone (``_years_shown_alone``), under a name no record
# holds: a range within one year as that year, which citeproc-py printed as nothing.
YEAR_ALONE = "x-year-of-"
DATES.extend(
    name for name in (f"{YEAR_ALONE}{date}".replace("-", "_") for date in DATE_VARIABLES) if name not in DATES
)

# The variable an item holds when its citation alone would be ambiguous (``disambiguate_condition``):
# no CSL variable, so no record holds it.
AMBIGUOUS = "x-ambiguous"


def date_parts(value):
    """A CSL date as the ``date-parts`` citeproc-py reads: it knows neither ``raw`` nor seasons.

    A season (Pandoc's months 13–24, CSL's ``season``) is left out, keeping the year; a
    literal date stays as written. None for what is no date.
    """
    try:
        date = read_date(value)
    except ValueError:
        return None
    if date.literal:
        return {"literal": escape(date.literal, quote=False)}
    if not date.year:
        return None
    parts = [[part for part in (date.year, date.month, date.day) if part]]
    if date.end is not None and date.end.year:
        end = [part for part in (date.end.year, date.end.month, date.end.day) if part]
        if end != parts[0]:  # a range of seasons in one year is that year (citeproc-py prints none)
            parts.append(end)
    return {"date-parts": parts, **({"circa": True} if date.circa else {})}


# Text variables whose quotation marks are the text's own (not addresses, numbers or identifiers).
QUOTED_VARIABLES = {
    *("title", "title-short", "container-title", "container-title-short", "collection-title"),
    *("volume-title", "part-title", "reviewed-title", "original-title", "event-title", "note", "genre"),
    "publisher",
}
_DOUBLE = re.compile(r'(^|[\s(\[—–-])"(?=\S)(.*?)(?<=\S)"(?=$|[\s).,;:!?\]—–-])')
_SINGLE = re.compile(r"(^|[\s(\[—–-])['‘](?=\S)(.*?)(?<=\S)['’](?=$|[\s).,;:!?\]—–-])")


def curly_quotes(text):
    """Straight quotation marks in a title as typeset ones, as CSL's rich text reads them.

    Pandoc's citeproc and citeproc-js take a pair of ' or " (or ‘ and ’) around words
    for quotation marks, printed as the locale's outer (“”) and, within them, inner
    (‘’) quotes; a lone ' is an apostrophe (’). citeproc-py leaves them straight.
    """
    text = _DOUBLE.sub(lambda match: f"{match[1]}\ue002{match[2]}\ue003", text)
    text = _SINGLE.sub(lambda match: f"{match[1]}\ue002{match[2]}\ue003", text)
    text = text.replace("'", "’")
    if "\ue002" not in text:
        return text
    # Quotes within quotes alternate: the outermost double, the next single.
    depth, typeset = 0, []
    for character in text:
        if character == "\ue002":
            typeset.append("“‘"[depth % 2])
            depth += 1
        elif character == "\ue003":
            depth = max(depth - 1, 0)
            typeset.append("”’"[depth % 2])
        else:
            typeset.append(character)
    return "".join(typeset)


_RUN_OF_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")


def tidy_initials(given):
    """ "Nancy K" as "Nancy K.", "H.C.G." as "H. C. G.": initials stopped and spaced, as CSL's
    ``initialize-with=". "`` tidies them and citeproc-py, for a style that keeps given names
    whole (``initialize="false"``, see ``style_xml``), does not."""
    words = []
    for word in str(given).split():
        if _RUN_OF_INITIALS.match(word):
            words += [f"{letter}." for letter in word.replace(".", "")]
        elif len(word.rstrip(".")) == 1 and word[0].isupper():
            words.append(word.rstrip(".") + ".")
        else:
            words.append(word)
    return " ".join(words)


def _name_part(name, part):
    return tidy_initials(name[part]) if part == "given" else str(name[part])


_PARTICLES = re.compile(r"^((?:[a-z][\w'’]*\s+)+)(?=[^\W\d_])(?![a-z])")


def with_particles(name):
    """A name whose surname opens with lowercase words, "de la Mare", with them as its particle.

    CSL-JSON processors (citeproc-js, Pandoc) read them so (``parse-names``), and a
    style then files and inverts the name as it says ("Mare, Walter de la" under
    ``demote-non-dropping-particle``); citeproc-py takes the whole for the surname.
    """
    family = name.get("family")
    if not isinstance(family, str) or name.get("non-dropping-particle") or name.get("parse-names") is False:
        return name
    match = _PARTICLES.match(family)
    if not match:
        return name
    return {**name, "non-dropping-particle": match[1].strip(), "family": family[match.end() :]}


def escaped_item(item, *, page_range_format=None):
    """``item`` with its text as HTML: citeproc-py copies values into its output as they are.

    CSL's own markup in a value (``<i>``, ``<sc>``…) is kept as formatting, all else escaped.
    Page ranges are abbreviated here where the style's ``page_range_format`` is one
    citeproc-py gets wrong (``ABBREVIATED_HERE``).
    """
    escaped = {}
    for variable, value in item.items():
        if variable == AMBIGUOUS:
            value = "true"
        elif variable in DATE_VARIABLES:
            value = date_parts(value)
            if value is None:
                continue
            escaped[YEAR_ALONE + variable] = _year_alone(value)
        elif variable.replace("-", "_") in NAMES:
            if not isinstance(value, list):
                continue
            value = [
                {part: escape(_name_part(name, part), quote=False) for part in NAME_PARTS if name.get(part)}
                for name in map(
                    with_particles, map(normalize_name, filter(lambda name: isinstance(name, dict), value))
                )
            ]
        elif isinstance(value, str):
            if variable == "page" and page_range_format in ABBREVIATED_HERE:
                value = minimal_two(value)
            value = markup.to_html(curly_quotes(value) if variable in QUOTED_VARIABLES else value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        else:  # names, dates and lists citeproc-py does not know as such would be read as text
            continue
        escaped[variable] = value
    return escaped


def _year_alone(date):
    """``date`` (``date_parts``) as shown by its year alone: a range within one year is that year."""
    parts = date.get("date-parts")
    if parts and len(parts) == 2 and parts[0][0] == parts[1][0]:
        return {**date, "date-parts": [parts[0][:1]]}
    return date


_RANGE = re.compile(r"\b([A-Za-z]*)(\d+)\s*[-–]\s*\1(\d+)\b")
# Page-range formats citeproc-py gets wrong, so ``escaped_item`` abbreviates pages and the style is
# given "expanded": citeproc-py's ``minimal-two`` cut 1–17 to "1–7" (any first page of one digit).
ABBREVIATED_HERE = ("minimal-two",)


def minimal_two(page):
    """Page ranges as CSL's ``minimal-two`` abbreviates them: "321–28", "42–45", "1–17", "2787–816",
    "B13–14"."""

    def abbreviated(match):
        prefix, first, last = match[1], match[2], match[3]
        common = 0
        if len(first) == len(last):
            while common < len(last) and first[common] == last[common]:
                common += 1
        kept = max(len(last) - common, min(2, len(last)))
        return f"{prefix}{first}-{last[len(last) - kept :]}"

    return _RANGE.sub(abbreviated, page)


def style_xml(path, *, names_shown=None):
    """The style file rewritten where citeproc-py would misread it (each function below says how);
    with ``names_shown``, its citations show that many names before "et al." (``_names_shown``)."""
    root = etree.parse(str(path)).getroot()
    if names_shown is not None:
        _names_shown(root, names_shown)
    if root.get("page-range-format") in ABBREVIATED_HERE:
        root.set("page-range-format", "expanded")
    _initialize_where_named(root)
    _years_shown_alone(root)
    _localized_date_delimiters(root)
    _title_case_labels(root)
    _disambiguate_condition(root)
    _labels_of_present_variables(root)
    _substitutes_inherit_names(root)
    _hyphenated_names_read(root)
    return etree.tostring(root)


def _names_shown(root, shown):
    """Citations that show ``shown`` names before "et al." (``et-al-use-first``), and all of no more
    than ``shown`` names, as CSL's ``disambiguate-add-names`` has them where fewer would read alike.

    citeproc-py adds "et al." to a list it cuts, though the cut leaves every name ("Smith, Jones,
    Brown, et al."), so ``et-al-min`` is raised past ``shown``.
    """
    for citation in root.iter(f"{{{_CSL}}}citation"):
        for scope in [citation, *citation.iter(f"{{{_CSL}}}name")]:
            if scope is citation or "et-al-use-first" in scope.attrib:
                scope.set("et-al-use-first", str(shown))
                scope.set("et-al-min", str(max(int(scope.get("et-al-min", "0")), shown + 1)))


def _years_shown_alone(root):
    """A date the style shows by its year alone reads the date as that year shows it (``YEAR_ALONE``).

    citeproc-py leaves out of a range what its two ends share, so a range within one year
    (1800-01-01/1800-12-31) shown by its year was nothing: "(Doe)" for Chicago's "(Doe 1800)".
    """
    for date in root.iter(f"{{{_CSL}}}date"):
        variable = date.get("variable")
        if variable not in DATE_VARIABLES:
            continue
        if date.get("form"):
            shown = date.get("date-parts", "year-month-day").split("-")
        else:
            shown = [part.get("name") for part in date.iterfind(f"{{{_CSL}}}date-part")]
        if shown == ["year"]:
            date.set("variable", YEAR_ALONE + variable)


def _initialize_where_named(root):
    """``initialize-with`` moved onto the names that initialize.

    citeproc-py does not read CSL 1.0.1's ``initialize="false"`` (keep given
    names whole, only tidying initials), so a style-wide ``initialize-with``
    would shorten "Jhumpa" to "J." in Chicago's and MLA's reference lists.
    """
    if root.find(f".//{{{_CSL}}}name[@initialize='false']") is None:
        return
    for scope in [root, *root.iter(f"{{{_CSL}}}citation", f"{{{_CSL}}}bibliography")]:
        mark = scope.attrib.pop("initialize-with", None)
        if mark is None:
            continue
        for name in scope.iter(f"{{{_CSL}}}name"):
            if name.get("initialize") != "false" and "initialize-with" not in name.attrib:
                name.set("initialize-with", mark)


def _localized_date_delimiters(root):
    """A localized date's delimiter copied onto each ``<date form=…>`` that calls it.

    citeproc-py joins the parts of a localized date with the delimiter of the
    ``<date>`` calling it, not that of the locale's definition: NLM's "2006 Jun 1"
    (``<date form="text" delimiter=" ">`` in the style's English locale) came out
    "2006Jun1". Only the style's own English (or unlabelled) locales are read,
    as the site cites in American English.
    """
    delimiters = {}
    for locale in root.iter(f"{{{_CSL}}}locale"):
        language = locale.get("{http://www.w3.org/XML/1998/namespace}lang", "")
        if language not in ("", "en", "en-US"):
            continue
        for date in locale.iter(f"{{{_CSL}}}date"):
            if date.get("form") and date.get("delimiter") is not None:
                delimiters.setdefault(date.get("form"), date.get("delimiter"))
    for date in root.iter(f"{{{_CSL}}}date"):
        inside_locale = any(parent.tag == f"{{{_CSL}}}locale" for parent in date.iterancestors())
        if not inside_locale and date.get("form") in delimiters and date.get("delimiter") is None:
            date.set("delimiter", delimiters[date.get("form")])


def _title_case_labels(root):
    """``text-case="title"`` on a ``<label>`` as ``capitalize-all``: "(Eds.)", "(Director)".

    citeproc-py title-cases only text it knows to be English, and a label's term
    comes with no language, so APA's "(Ed.)" stayed "(ed.)". A term has no
    stop words to keep lowercase, so capitalizing every word is the same.
    """
    for label in root.iter(f"{{{_CSL}}}label"):
        if label.get("text-case") == "title":
            label.set("text-case", "capitalize-all")


def _disambiguate_condition(root):
    """``disambiguate="true"`` as a test of ``AMBIGUOUS``, which ``processor.CslStyle`` gives
    the items whose citations would otherwise read alike.

    citeproc-py reads no ``disambiguate`` test, and a condition with no test it
    reads holds: MLA's every citation added the title, "(Olson, “Codes, Costs,
    and Critiques” 33)" for "(Olson 33)".
    """
    for condition in root.iter(f"{{{_CSL}}}if", f"{{{_CSL}}}else-if"):
        if condition.attrib.pop("disambiguate", None) == "true":
            tests = condition.get("variable", "").split()
            condition.set("variable", " ".join([*tests, AMBIGUOUS]))


def _labels_of_present_variables(root):
    """Each ``<label variable="…">`` printed only where its variable is, as CSL says.

    citeproc-py prints a label's term whether or not the item has the
    variable: Chicago's newspaper articles ended "February 22. Edition.".
    """
    for label in list(root.iter(f"{{{_CSL}}}label")):
        variable = label.get("variable")
        if not variable:
            continue
        choose = etree.Element(f"{{{_CSL}}}choose")
        test = etree.SubElement(choose, f"{{{_CSL}}}if", variable=variable)
        label.addprevious(choose)
        test.append(label)


def _substitutes_inherit_names(root):
    """A bare ``<names>`` anywhere within a ``<substitute>`` given its parent's ``<name>`` and
    ``<et-al>``, as CSL's shorthand says.

    citeproc-py passes them on only to the substitute's own children, so a film's
    directors inside a ``<choose>`` were cited in full: "(John Doe, Rob Roe 2015)"
    for Chicago's "(Doe and Roe 2015)".
    """
    for substitute in root.iter(f"{{{_CSL}}}substitute"):
        parent = substitute.getparent()
        inherited = [child for child in parent if child.tag in (f"{{{_CSL}}}name", f"{{{_CSL}}}et-al")]
        for names in substitute.iter(f"{{{_CSL}}}names"):
            if names.getparent() is substitute or names.find(f"{{{_CSL}}}name") is not None:
                continue
            for position, child in enumerate(inherited):
                names.insert(position, deepcopy(child))


def _hyphenated_names_read(root):
    """``<names variable="reviewed-author">`` as ``reviewed_author``, with its terms so named.

    citeproc-py keeps an item's variables under names with underscores and looks a
    ``<names>`` variable up as the style spells it, so no hyphenated one was ever
    found: reviews lost "by Michael Pollan", episodes their writers. Its label
    looks up the term of the same spelling, so the English terms of each role are
    copied under it into the style's unlabelled locale.
    """
    roles = set()
    for names in root.iter(f"{{{_CSL}}}names"):
        variables = names.get("variable", "").split()
        roles.update(variable for variable in variables if "-" in variable)
        names.set("variable", " ".join(variable.replace("-", "_") for variable in variables))
    if not roles:
        return
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    in_style = {locale.get(xml_lang): locale for locale in root.findall(f"{{{_CSL}}}locale")}
    sources = [in_style[lang] for lang in ("en-US", "en", None) if lang in in_style]
    sources.append(CitationStylesLocale("en-US", validate=False).root)
    target = in_style.get(None)
    if target is None:
        target = etree.Element(f"{{{_CSL}}}locale")
        info = root.find(f"{{{_CSL}}}info")
        (info if info is not None else root[0]).addnext(target)
    terms = target.find(f"{{{_CSL}}}terms")
    if terms is None:
        terms = etree.SubElement(target, f"{{{_CSL}}}terms")
    for role in sorted(roles):
        found = {}
        for source in sources:
            for term in source.iterfind(f"{{{_CSL}}}terms/{{{_CSL}}}term[@name='{role}']"):
                found.setdefault(term.get("form"), term)
        # A form the locale lacks falls back as CSL says ("verb-short" to "verb", "short" to the long).
        for form, fallback in (("verb-short", "verb"), ("short", None), ("symbol", "short")):
            if form not in found and fallback in found:
                found[form] = found[fallback]
        for form, term in found.items():
            copy = etree.fromstring(etree.tostring(term))
            copy.set("name", role.replace("-", "_"))
            if form is not None:
                copy.set("form", form)
            terms.append(copy)
