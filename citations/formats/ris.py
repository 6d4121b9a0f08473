"""RIS (the RefMan/EndNote tagged format) written from CSL-JSON items.

Written only: reference managers read it, and the library imports CSL-JSON
and BibTeX. One ``TAG  - value`` line per field, each record closed by ``ER``.
"""

TYPES = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "broadcast": "VIDEO",
    "motion_picture": "MPCT",
    "legislation": "STAT",
    "dataset": "DATA",
}
FIELDS = [
    ("title", "TI"),
    ("container-title", "T2"),
    ("publisher", "PB"),
    ("publisher-place", "CY"),
    ("volume", "VL"),
    ("issue", "IS"),
    ("URL", "UR"),
    ("DOI", "DO"),
    ("ISBN", "SN"),
    ("language", "LA"),
    ("abstract", "AB"),
]


def name_text(name):
    """A CSL name as RIS writes it: "Family, Given", or the literal name."""
    if not isinstance(name, dict):
        return str(name)
    if name.get("literal"):
        return name["literal"]
    family = " ".join(filter(None, [name.get("non-dropping-particle"), name.get("family")]))
    return ", ".join(filter(None, [family, name.get("given")]))


def date_text(date):
    """A CSL date as RIS's ``YYYY/MM/DD/``, as far as it is known."""
    parts = ((date or {}).get("date-parts") or [[]])[0]
    if not parts:
        return ""
    padded = [str(parts[0])] + [f"{int(part):02d}" for part in parts[1:3]]
    return "/".join(padded + [""] * (3 - len(padded))) + "/"


def line(tag, value):
    return f"{tag}  - {' '.join(str(value).split())}"


def record(item):
    lines = [line("TY", TYPES.get(item.get("type", ""), "GEN"))]
    lines += [line("AU", name_text(name)) for name in item.get("author") or []]
    lines += [line("ED", name_text(name)) for name in item.get("editor") or []]
    lines += [line(tag, item[field]) for field, tag in FIELDS if item.get(field)]
    if issued := date_text(item.get("issued")):
        lines += [line("PY", issued.split("/", 1)[0]), line("DA", issued)]
    if item.get("page"):
        first, _, last = str(item["page"]).replace("–", "-").partition("-")
        lines += [line("SP", first)] + ([line("EP", last)] if last else [])
    if item.get("id"):
        lines.append(line("ID", item["id"]))
    lines.append("ER  - ")
    return "\r\n".join(lines)


def write(items):
    """RIS text for CSL-JSON items (CRLF line ends, as the format's readers expect)."""
    return "\r\n\r\n".join(record(item) for item in items) + "\r\n"
