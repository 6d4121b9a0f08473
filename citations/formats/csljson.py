"""CSL-JSON, as Zotero, Pandoc and citeproc write it, to and from model fields."""

import datetime
import json

from citations import csl
from citations.formats import limits

TEXT_VARIABLES = {
    "title": "title",
    "title-short": "short_title",
    "container-title": "container_title",
    "publisher": "publisher",
    "publisher-place": "publisher_place",
    "URL": "url",
    "volume": "volume",
    "issue": "issue",
    "page": "page",
    "DOI": "doi",
    "ISBN": "isbn",
    "note": "annotation",
}


class RecordError(ValueError):
    """One record that cannot be read."""


def read(text):
    """The items in a CSL-JSON file (a list of objects, or one), each with where it stands."""
    from citations.formats import FormatError, Record

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"Not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        if not text.rstrip().endswith(("]", "}")):
            message += " The file may be truncated."
        raise FormatError(message) from None
    except RecursionError:
        # The decoder recurses once per level and stops at the interpreter's limit, far
        # past the setting's; the message is the setting's all the same.
        raise limits.depth_error("The file") from None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise FormatError("A CSL-JSON file holds a list of records.")
    limits.check_records(len(data))
    for index, item in enumerate(data, 1):
        limits.check_json(item, f"Record {index}")
        for variable in ("author", "editor"):
            if isinstance(item, dict) and isinstance(item.get(variable), list):
                limits.check_names(len(item[variable]), f"Record {index}: the {variable} list")
    return [Record(f"record {index}", item, False) for index, item in enumerate(data, 1)]


def write(items):
    """CSL-JSON text for ``items``."""
    return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"


def _text(value, *, keep_lines=False):
    if isinstance(value, list):  # some exporters send one-element lists
        value = value[0] if value else ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise RecordError(f"expected text, got {type(value).__name__}")
    if keep_lines:
        return "\n".join(" ".join(line.split()) for line in value.strip().splitlines())
    return " ".join(value.split())


def _names(value, variable):
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(name, dict) for name in value):
        raise RecordError(f"{variable}: names must be a list of objects")
    names = [csl.normalize_name(name) for name in value]
    problems = csl.name_errors(names)
    if problems:
        raise RecordError(f"{variable}: {problems[0]}")
    return names


def item_to_fields(item):
    """Model field values from a CSL-JSON item, and whether its type had to be mapped.

    Raises ``RecordError`` for what no field can hold; field-level checks
    (lengths, URLs, the key's characters) are the model's ``full_clean``.
    """
    if not isinstance(item, dict):
        raise RecordError("a record must be an object")
    key = item.get("id")
    if key in (None, ""):
        raise RecordError("the record has no id (citation key)")
    if not str(item.get("title") or "").strip():
        raise RecordError("the record has no title")
    kind, mapped = csl.nearest_type(str(item.get("type", "")), has_url=bool(item.get("URL")))
    fields = {"key": str(key).strip(), "type": kind}
    for variable, field in TEXT_VARIABLES.items():
        try:
            fields[field] = _text(item.get(variable) or "", keep_lines=field == "annotation")
        except RecordError as error:
            raise RecordError(f"{variable}: {error}") from None
    fields["authors"] = _names(item.get("author"), "author")
    fields["editors"] = _names(item.get("editor"), "editor")
    try:
        fields["issued_year"], fields["issued_month"], fields["issued_day"] = csl.parse_csl_date(
            item.get("issued")
        )
    except (ValueError, TypeError) as error:
        raise RecordError(f"issued: {error}") from None
    try:
        year, month, day = csl.parse_csl_date(item.get("accessed"))
    except (ValueError, TypeError) as error:
        raise RecordError(f"accessed: {error}") from None
    if year is not None and (month is None or day is None):
        raise RecordError("accessed: needs a year, month and day")
    fields["accessed"] = datetime.date(year, month, day) if year is not None and year > 0 else None
    archive = _text(item.get("archive_location") or "")
    fields["archive_url"] = archive if archive.startswith(("http://", "https://")) else ""
    if any("\x00" in str(value) for value in fields.values()):
        raise RecordError("the record contains a NUL character")
    return fields, mapped
