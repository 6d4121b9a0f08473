"""A second citation style for the tests: Chicago's notes with every title in capitals."""

from html import escape

from citations.styles import chicago


def note(item, locator_text="", *, short=False, href=None, label="page", suppress_author=False):
    return f"SHOUTED {escape(item.get('title', '').upper())}"


bibliography = chicago.bibliography
attribution = chicago.attribution
narrative = chicago.narrative
sort_key = chicago.sort_key
