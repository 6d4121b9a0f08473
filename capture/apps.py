"""The author's desk: capturing pages as sources and drafts, resolving identifiers, keeping snapshots."""

from django.apps import AppConfig


class CaptureConfig(AppConfig):
    name = "capture"
    verbose_name = "Capture"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from capture import receivers  # noqa: F401 (connects the signals)
