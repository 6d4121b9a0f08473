"""Exporting sources as a file people can take elsewhere."""

from citations import formats

CONTENT_TYPES = {"csl-json": "application/vnd.citationstyles.csl+json", "bibtex": "application/x-bibtex"}
EXTENSIONS = {"csl-json": "json", "bibtex": "bib"}


def export_sources(sources, fmt="csl-json"):
    """The text of a file holding ``sources`` (any iterable of Source) in ``fmt``."""
    return formats.write([source.as_csl() for source in sources], fmt)
