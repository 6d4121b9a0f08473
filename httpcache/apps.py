"""The httpcache app: its middleware and ``{% surrogate_keys %}``; apps register their objects' keys."""

from django.apps import AppConfig


class HttpCacheConfig(AppConfig):
    name = "httpcache"
    verbose_name = "HTTP caching"
