"""The limits an imported file must keep, checked in time linear in the file.

The parsers behind the formats (``json``, bibtexparser, pylatexenc) run in
linear time but recurse on nesting, and pylatexenc is slow per character; so
nesting, the length of one value, and the counts of records and names are
bounded, each by a setting in ``citations.conf``. Each check raises
``FormatError`` with a message naming the limit and its setting.
"""

import re

from citations import conf

# A LaTeX group opens with "{", "\begin", "\(" or "\[" and closes with "}", "\end", "\)" or "\]";
# pylatexenc recurses into each. "\{" and "\}" are characters.
_LATEX_GROUPS = re.compile(r"\\(?:begin|end)(?![A-Za-z])|\\.|[{}]", re.DOTALL)
_OPENING = {"{", "\\begin", "\\(", "\\["}
_CLOSING = {"}", "\\end", "\\)", "\\]"}


class LimitError(ValueError):
    """A file or record beyond one of the import limits; the message names the setting."""


def max_depth():
    return conf.get("IMPORT_MAX_DEPTH")


def check_size(size):
    """Refuse a file of more than ``CITATIONS_IMPORT_MAX_BYTES`` bytes."""
    limit = conf.get("IMPORT_MAX_BYTES")
    if size > limit:
        raise LimitError(f"The file is {size:,} bytes; the limit is {limit:,} (CITATIONS_IMPORT_MAX_BYTES).")


def check_records(count):
    """Refuse a file of more than ``CITATIONS_IMPORT_MAX_RECORDS`` records."""
    limit = conf.get("IMPORT_MAX_RECORDS")
    if count > limit:
        raise LimitError(
            f"The file has more than {limit:,} records; the limit is {limit:,} "
            "(CITATIONS_IMPORT_MAX_RECORDS). Split it into smaller files."
        )


def check_length(value, what):
    """Refuse a value longer than ``CITATIONS_IMPORT_MAX_FIELD_LENGTH`` characters."""
    limit = conf.get("IMPORT_MAX_FIELD_LENGTH")
    if len(value) > limit:
        raise LimitError(
            f"{what} is {len(value):,} characters long; the limit is {limit:,} "
            "(CITATIONS_IMPORT_MAX_FIELD_LENGTH)."
        )


def check_names(count, what):
    """Refuse more than ``CITATIONS_IMPORT_MAX_NAMES`` names in one field."""
    limit = conf.get("IMPORT_MAX_NAMES")
    if count > limit:
        raise LimitError(f"{what} has {count:,} names; the limit is {limit:,} (CITATIONS_IMPORT_MAX_NAMES).")


def depth_error(what):
    """The error for ``what`` nesting deeper than ``CITATIONS_IMPORT_MAX_DEPTH``."""
    return LimitError(f"{what} nests deeper than {max_depth()} levels (CITATIONS_IMPORT_MAX_DEPTH).")


def check_latex_depth(value, what):
    """Refuse LaTeX whose braces or environments nest deeper than ``CITATIONS_IMPORT_MAX_DEPTH``."""
    if "{" not in value and "\\" not in value:
        return
    limit, depth = max_depth(), 0
    for match in _LATEX_GROUPS.finditer(value):
        token = match.group()
        if token in _OPENING:
            depth += 1
            if depth > limit:
                raise depth_error(what)
        elif token in _CLOSING:
            depth = max(depth - 1, 0)


def check_json(data, what):
    """Refuse parsed JSON nested deeper than the limit or holding an over-long string (iteratively)."""
    limit = max_depth()
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            check_length(value, f"{what}: a value")
            continue
        if not isinstance(value, list | dict):
            continue
        if depth > limit:
            raise depth_error(what)
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children)
        if isinstance(value, dict):
            for key in value:
                check_length(key, f"{what}: a name")
