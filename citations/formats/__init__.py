"""Reading and writing the library in the formats people already have.

Every format reads into CSL-JSON items and writes from them, so a BibTeX
record and a Zotero export go through the same validation and the same
model fields.
"""

from typing import NamedTuple

from citations.formats import bibtex, csljson, limits, ris

FORMATS = {"csl-json": csljson, "bibtex": bibtex}
# Formats written but not read: RIS, for reference managers.
WRITERS = {**FORMATS, "ris": ris}
EXTENSIONS = {".json": "csl-json", ".bib": "bibtex", ".bibtex": "bibtex"}


class Record(NamedTuple):
    """One record read from a file: where it stands, its CSL-JSON item,
    whether its type was mapped to the nearest supported one on reading,
    why it cannot be imported (empty when it can), and what the import should
    say of how it was read (a field given twice, a key made for it)."""

    where: str
    item: dict
    mapped: bool
    error: str = ""
    notes: tuple = ()


class FormatError(ValueError):
    """A file or record that cannot be read, with where it went wrong."""


def format_for_filename(filename):
    """The format a file name's extension implies, or None."""
    name = str(filename).lower()
    return next((fmt for ext, fmt in EXTENSIONS.items() if name.endswith(ext)), None)


def decode(data):
    """Bytes (or text) from an upload or file as text, refusing binary files."""
    if isinstance(data, bytes):
        if b"\x00" in data:
            position = data.index(b"\x00")
            raise FormatError(f"The file contains a NUL byte at position {position}; is it a text file?")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError(f"The file is not UTF-8 text (byte {error.start}).") from None
    if "\x00" in data:
        position = data.index("\x00")
        raise FormatError(f"The file contains a NUL character at position {position}.")
    return data


def read(data, fmt):
    """The records in a file's contents in ``fmt`` (``csl-json`` or ``bibtex``).

    Raises ``FormatError`` for a file that cannot be read at all; a record
    that cannot be read is returned with its ``error``.
    """
    if fmt not in FORMATS:
        raise FormatError(f"Unknown format {fmt!r}; use csl-json or bibtex.")
    try:
        limits.check_size(len(data) if isinstance(data, bytes) else len(data.encode()))
        return FORMATS[fmt].read(decode(data))
    except limits.LimitError as error:
        raise FormatError(str(error)) from None


def write(items, fmt):
    """CSL-JSON items as a file's text in ``fmt`` (``csl-json``, ``bibtex`` or ``ris``)."""
    if fmt not in WRITERS:
        raise FormatError(f"Unknown format {fmt!r}; use csl-json, bibtex or ris.")
    return WRITERS[fmt].write(items)
