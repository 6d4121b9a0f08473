"""One way for an app to read its settings: Django's settings, then the environment, then a default.

Each app keeps its defaults, with a comment on each, in ``<app>/conf.py`` and
reads them through an ``AppSettings``: ``COMMENTS_MAX_LENGTH`` is looked up
in Django's settings (so ``override_settings`` works in tests), then in the
environment (parsed by ``config.env`` as the default's type), then taken from
the defaults. Reading at the moment of use lets a deployment tune an app
without code.
"""

from django.conf import settings

from config import env


class AppSettings:
    """The settings named ``<prefix>_<NAME>`` with ``defaults``; integers read from the environment
    are at least ``minimum``."""

    def __init__(self, prefix, defaults, *, minimum=0):
        self.prefix = prefix
        self.defaults = defaults
        self.minimum = minimum

    def get(self, name):
        """The setting ``name`` (without the prefix)."""
        default = self.defaults[name]
        full_name = f"{self.prefix}_{name}"
        if hasattr(settings, full_name):
            return getattr(settings, full_name)
        if isinstance(default, bool):
            return env.get_bool(full_name, default)
        if isinstance(default, int):
            return env.get_int(full_name, default, minimum=self.minimum)
        if isinstance(default, list):
            return env.get_list(full_name, default)
        return env.get_str(full_name, default)
