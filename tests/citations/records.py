"""What the citation tests' CSL-JSON records and expected notes are written with."""


def person(given, family, **parts):
    """A CSL-JSON name: ``parts`` adds particles, suffixes and the like."""
    return {"given": given, "family": family, **parts}


def link(url):
    """A URL as a note or entry prints it: linked to itself."""
    return f'<a href="{url}">{url}</a>'
