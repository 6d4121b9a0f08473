"""The test settings for a site without reader comments.

Only the apps go: ``comments``, and what is built on it (the WordPress
importer turns WordPress comments into comments, the demo content has some),
with the WordPress importer's redirect middleware. Nothing else names comments.
"""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in {"comments", "wordpress", "demo"}]  # noqa: F405
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("wordpress.")]  # noqa: F405
