"""The blog app: posts, tags, derived rows and revisions."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog import receivers  # noqa: F401  (connects the signal receivers)
