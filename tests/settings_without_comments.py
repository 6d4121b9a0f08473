"""The test settings for a site without reader comments.

Only the apps go: ``comments``, and what is built on it (the WordPress
importer turns WordPress comments into comments, the demo content has some),
with the WordPress importer's redirect middleware and comments' context
processor. Nothing else names comments.
"""

from tests.settings import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in {"comments", "wordpress", "demo"}]  # noqa: F405
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("wordpress.")]  # noqa: F405
TEMPLATES = [  # noqa: F405
    {
        **TEMPLATES[0],  # noqa: F405
        "OPTIONS": {
            **TEMPLATES[0]["OPTIONS"],  # noqa: F405
            "context_processors": [
                name
                for name in TEMPLATES[0]["OPTIONS"]["context_processors"]  # noqa: F405
                if not name.startswith("comments.")
            ],
        },
    }
]
