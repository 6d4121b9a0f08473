"""The author's desk: capturing pages as sources and drafts, resolving identifiers, keeping snapshots."""

from django.apps import AppConfig


class CaptureConfig(AppConfig):
    name = "capture"
    verbose_name = "Capture"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from blog import hooks
        from capture import receivers, selectors  # noqa: F401 (receivers: connects the signals)

        hooks.excerpt_notes.add(selectors.checked_notes)
