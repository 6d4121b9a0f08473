"""The blog app: posts, tags, derived rows and revisions."""

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Blog"

    def ready(self):
        from blog import receivers  # connects the signal receivers

        post_migrate.connect(receivers.rerender_stale_after_migrate, sender=self)
        if apps.is_installed("httpcache"):
            from blog import surrogates

            surrogates.connect()
