"""The citations app's settings, with their defaults, in one place.

Each setting is read, when it is used, from Django's settings as
``CITATIONS_<NAME>``, else taken from the default below (``config/settings.py``
sets it from the environment variable of the same name). The import limits keep
the work of reading a hostile file bounded: the parsers run in time linear in
their input, and these bound what linear alone does not (nesting, the size of
one value, the count of records and names).
"""

from django.conf import settings

DEFAULTS = {
    # The largest CSL-JSON or BibTeX file an import accepts, in bytes.
    "IMPORT_MAX_BYTES": 10 * 1024 * 1024,
    # At most this many records (BibTeX: @-blocks) in one file.
    "IMPORT_MAX_RECORDS": 10_000,
    # JSON arrays and objects, BibTeX braces and LaTeX environments nest at most this deep.
    "IMPORT_MAX_DEPTH": 20,
    # The longest value of one field (a title, a note, an author list), in characters.
    "IMPORT_MAX_FIELD_LENGTH": 20_000,
    # At most this many authors (or editors) in one record.
    "IMPORT_MAX_NAMES": 500,
}


def get(name):
    """The setting ``CITATIONS_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"CITATIONS_{name}", DEFAULTS[name])
