from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = "Imports"

    def ready(self):
        from imports import checks  # noqa: F401  (registers the system check)
