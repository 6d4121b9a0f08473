"""The page cache app: it connects its invalidation receivers when Django starts."""

from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "page cache"

    def ready(self):
        from pagecache import receivers

        receivers.connect()
