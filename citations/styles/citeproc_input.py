"""What citeproc-py is given: items with escaped values and dates it reads, style files it reads rightly.

citeproc-py copies values into its HTML as they are, reads no ``raw`` date
and no season, takes an unknown name variable for text, and ignores CSL
1.0.1's ``initialize="false"``; these functions give it what it handles.
"""

from html import escape

from citeproc import NAMES
from lxml import etree

from citations import markup
from citations.csl import NAME_PARTS
from citations.dates import read_date

DATE_VARIABLES = ("issued", "accessed", "original-date", "event-date", "submitted")
_CSL = "http://purl.org/net/xbiblio/csl"


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
        parts.append([part for part in (date.end.year, date.end.month, date.end.day) if part])
    return {"date-parts": parts, **({"circa": True} if date.circa else {})}


def escaped_item(item):
    """``item`` with its text as HTML: citeproc-py copies values into its output as they are.

    CSL's own markup in a value (``<i>``, ``<sc>``…) is kept as formatting, all else escaped.
    """
    escaped = {}
    for variable, value in item.items():
        if variable in DATE_VARIABLES:
            value = date_parts(value)
            if value is None:
                continue
        elif variable.replace("-", "_") in NAMES:
            if not isinstance(value, list):
                continue
            value = [
                {part: escape(str(name[part]), quote=False) for part in NAME_PARTS if name.get(part)}
                for name in value
                if isinstance(name, dict)
            ]
        elif isinstance(value, str):
            value = markup.to_html(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        else:  # names, dates and lists citeproc-py does not know as such would be read as text
            continue
        escaped[variable] = value
    return escaped


def style_xml(path):
    """The style file with ``initialize-with`` moved onto the names that initialize.

    citeproc-py does not read CSL 1.0.1's ``initialize="false"`` (keep given
    names whole, only tidying initials), so a style-wide ``initialize-with``
    would shorten "Jhumpa" to "J." in Chicago's and MLA's reference lists.
    """
    root = etree.parse(str(path)).getroot()
    if root.find(f".//{{{_CSL}}}name[@initialize='false']") is None:
        return etree.tostring(root)
    for scope in [root, *root.iter(f"{{{_CSL}}}citation", f"{{{_CSL}}}bibliography")]:
        mark = scope.attrib.pop("initialize-with", None)
        if mark is None:
            continue
        for name in scope.iter(f"{{{_CSL}}}name"):
            if name.get("initialize") != "false" and "initialize-with" not in name.attrib:
                name.set("initialize-with", mark)
    return etree.tostring(root)
