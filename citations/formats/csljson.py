"""CSL-JSON, as Zotero, Pandoc and citeproc write it, to and from model fields.

A record is read whole: the model's fields are what the admin edits and
the styles index, and the item itself is kept beside them (``Source.csl``),
so variables the fields have no room for (translator, edition, series,
genre…) and forms they cannot hold (seasons, ranges, literal dates,
over-long values) survive untouched. ``item_to_fields`` is therefore
lenient: what a field cannot hold is left out of the field, with a note,
and only what makes a record unusable (no key, nothing to cite it by, an
impossible date, names that are not names) is a ``RecordError``. A record
without a title is usable: the Manual cites letters, comments, interviews,
manuscripts and articles by their authors and descriptions.
"""

import datetime
import json
from functools import cache
from typing import NamedTuple

from django.core.exceptions import ValidationError

from citations import csl, dates
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
# Zotero's older exports spell some variables their own way.
ALIASES = {"title-short": "shortTitle"}


class RecordError(ValueError):
    """One record that cannot be read."""


class Fields(NamedTuple):
    """A record read into model fields: the values, whether its type was mapped to the
    nearest supported one, and notes on what the fields could not hold as given."""

    fields: dict
    mapped: bool
    notes: list


def read(text):
    """The items in a CSL-JSON file (a list of objects, or one), each with where it stands.

    The file as a whole is refused (``FormatError``) when it is not JSON,
    nests too deep for the decoder or holds too many records; a record beyond
    a limit of its own is returned with the error, for the import to skip.
    """
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
    records = []
    for index, item in enumerate(data, 1):
        try:
            limits.check_json(item, "the record")
            for variable in ("author", "editor"):
                if isinstance(item, dict) and isinstance(item.get(variable), list):
                    limits.check_names(len(item[variable]), f"the {variable} list")
        except limits.LimitError as error:
            records.append(Record(f"record {index}", item, False, str(error)))
            continue
        records.append(Record(f"record {index}", item, False))
    return records


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


@cache
def _model_fields():
    from citations.models import Source

    return {field.name: field for field in Source._meta.get_fields() if hasattr(field, "max_length")}


def _fitted(name, value, notes):
    """``value`` cut to the field's length, with a note; the item keeps the whole."""
    limit = _model_fields()[name].max_length
    if limit and len(value) > limit:
        notes.append(
            f"{name.replace('_', ' ')} shortened to {limit} characters here (kept whole in the record)"
        )
        return value[: limit - 1].rstrip() + "…"
    return value


def _url(name, value, notes):
    """A link the field accepts: a bare "www.example.org/x" gets https://; the first of several
    addresses is taken, and spaces within one address are "%20" ("…/Volume 9/Issue 2/7 Smith.pdf");
    anything else that is not a valid http(s) address, or too long, is left out of the field, with
    a note."""
    candidates = value.split()
    address = candidates[0] if candidates else ""
    if not any("://" in piece or piece.startswith("www.") for piece in candidates[1:]):
        address = "%20".join(candidates)
    if address and "://" not in address and "." in address.split("/")[0]:
        address = "https://" + address
    try:
        _model_fields()[name].run_validators(address)
    except ValidationError:
        if value:
            notes.append(
                f"{name.replace('_', ' ')} {value[:80]!r} is not a web address; kept in the record only"
            )
        return ""
    if address and address != value:
        notes.append(f"{name.replace('_', ' ')} {value[:80]!r} read as {address[:80]}")
    return address


def _doi(value):
    if value.lower().startswith(("http://", "https://", "doi:")):
        return value.split("doi.org/", 1)[-1].removeprefix("doi:").removeprefix("DOI:").strip()
    return value


def _text_fields(item, notes):
    fields = {}
    for variable, field in TEXT_VARIABLES.items():
        value = item.get(variable)
        if value in (None, "") and variable in ALIASES:
            value = item.get(ALIASES[variable])
        try:
            text = _text(value or "", keep_lines=field == "annotation")
        except RecordError as error:
            if field == "title":
                raise RecordError(f"{variable}: {error}") from None
            notes.append(f"{variable}: {error}; kept in the record only")
            text = ""
        if field == "doi":
            text = _doi(text)
        fields[field] = _url(field, text, notes) if field == "url" else _fitted(field, text, notes)
    return fields


def item_to_fields(item):
    """Model field values from a CSL-JSON item (``Fields``: values, type mapped, notes).

    Raises ``RecordError`` for a record no source can be made of; the key's
    characters and length are the model's ``full_clean``.
    """
    if not isinstance(item, dict):
        raise RecordError("a record must be an object")
    key = item.get("id")
    if key in (None, "") or isinstance(key, bool | dict | list):
        raise RecordError("the record has no id (citation key)")
    if not csl.names_the_work(csl.as_text(item)):
        raise RecordError("the record has nothing to cite it by: no title, name, container or description")
    notes = []
    kind, mapped = csl.nearest_type(str(item.get("type", "")), has_url=bool(item.get("URL")))
    fields = {"key": str(key).strip(), "type": kind, **_text_fields(item, notes)}
    fields["authors"] = _names(item.get("author"), "author")
    fields["editors"] = _names(item.get("editor"), "editor")
    try:
        issued = dates.read_date(item.get("issued"))
    except (ValueError, TypeError) as error:
        raise RecordError(f"issued: {error}") from None
    fields["issued_year"], fields["issued_month"], fields["issued_day"] = issued.parts
    try:
        accessed = dates.read_date(item.get("accessed"))
    except (ValueError, TypeError) as error:
        notes.append(f"accessed: {error} Kept in the record only")
        accessed = dates.EMPTY
    whole_day = accessed.day is not None and accessed.year > 0
    fields["accessed"] = datetime.date(*accessed.parts) if whole_day else None
    archive = (
        _text(item.get("archive_location") or "") if isinstance(item.get("archive_location"), str) else ""
    )
    fields["archive_url"] = (
        _url("archive_url", archive, []) if archive.startswith(("http://", "https://")) else ""
    )
    if any("\x00" in str(value) for value in fields.values()):
        raise RecordError("the record contains a NUL character")
    return Fields(fields, mapped, notes)
