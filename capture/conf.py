"""The capture app's settings, with their defaults, in one place.

Each is read, when used, from Django's settings as ``CAPTURE_<NAME>``, else
the default below (``config/settings.py`` sets it from the environment
variable of the same name).
"""

from django.conf import settings

DEFAULTS = {
    # Seconds a fetch may take in all: connecting, every redirect and reading the body.
    "FETCH_TIMEOUT": 15,
    # The largest page (or API answer) read, in bytes; a larger one is refused.
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    # Redirects followed before giving up.
    "FETCH_MAX_REDIRECTS": 5,
    # Fetch private, loopback, link-local and reserved addresses too (tests, an intranet).
    "ALLOW_PRIVATE_ADDRESSES": False,
    # Keep a snapshot of a source's page when a post first cites it (in the background).
    "SNAPSHOT_CITED": True,
    # Ask a public web archive to save each captured or first-cited page.
    "ARCHIVE_SAVE": False,
    # The archive's save endpoint; the page's address is appended.
    "ARCHIVE_SAVE_URL": "https://web.archive.org/save/",
    # Crossref's REST API, for DOIs.
    "CROSSREF_URL": "https://api.crossref.org",
    # Open Library, for ISBNs.
    "OPENLIBRARY_URL": "https://openlibrary.org",
    # Under an excerpt whose every word was found in its source's snapshot, say so to readers, with the date.
    "SHOW_CHECKED": False,
    # Cited sources fetched again per daily run of the re-check (the longest unchecked first).
    "RECHECK_BATCH": 50,
    # How the site names itself to the sites it fetches (Crossref asks for a contact in it).
    "USER_AGENT": "Commonplace/1.0 (+https://github.com/commonplace)",
}


def get(name):
    """The setting ``CAPTURE_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"CAPTURE_{name}", DEFAULTS[name])
