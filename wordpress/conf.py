"""The WordPress importer's settings, with their defaults, in one place.

Each setting is read, when it is used, from Django's settings as
``WORDPRESS_<NAME>``, else taken from the default below (``config/settings.py``
sets it from the environment variable of the same name). The converters run in
time linear in their input; these limits bound what linear alone does not.
"""

from django.conf import settings

from importing import htmltree

DEFAULTS = {
    # The largest export the admin's upload accepts, in bytes (the command reads any size). The worker
    # imports it in bounded memory; the file waits in IMPORTS_UPLOAD_DIR meanwhile.
    "IMPORT_MAX_UPLOAD_SIZE": 512 * 1024 * 1024,
    # Elements of the export's XML nest at most this deep (a WordPress export needs 6).
    "IMPORT_MAX_XML_DEPTH": 32,
    # Elements (and shortcodes) of a post's or comment's HTML nest at most this deep.
    "IMPORT_MAX_HTML_DEPTH": htmltree.DEFAULT_MAX_DEPTH,
    # The longest post or comment content, in characters of HTML.
    "IMPORT_MAX_CONTENT_LENGTH": 1024 * 1024,
    # Items imported per transaction: an import that stops keeps the batches before, and resumes.
    "IMPORT_BATCH_SIZE": 100,
    # The largest media file the import copies from the old site, in bytes.
    "IMPORT_MEDIA_MAX_BYTES": 20 * 1024 * 1024,
    # Seconds a media download may wait for the old site (to connect, and between bytes).
    "IMPORT_MEDIA_TIMEOUT": 20,
}
# What the importer's HTML depth limit is called where its errors name it.
HTML_DEPTH_SETTING = "WORDPRESS_IMPORT_MAX_HTML_DEPTH"


def get(name):
    """The setting ``WORDPRESS_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"WORDPRESS_{name}", DEFAULTS[name])
