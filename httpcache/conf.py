"""The httpcache app's settings, with their defaults, in one place.

Each is read when used, from Django's settings as ``HTTPCACHE_<NAME>``, else
the default below (``config/settings.py`` sets them from the environment).
"""

from django.conf import settings

DEFAULTS = {
    # How long a browser may reuse an anonymous page without asking (seconds). No purge reaches a
    # browser, so by default it asks each time, and gets a 304 while the page is unchanged.
    "MAX_AGE": 0,
    # How long a shared cache (a front cache, a CDN) may: purges by key retire pages sooner.
    "S_MAXAGE": 600,
    # How long past that a shared cache may serve the old page while it fetches a new one.
    "STALE_WHILE_REVALIDATE": 60,
    # How long past that it may serve the old page when the site answers with an error or not at all.
    "STALE_IF_ERROR": 86_400,
    # Base URLs of the front caches (Varnish with xkey) that a change purges by key.
    "FRONT_CACHES": [],
    # The CDN purged by key: "" (none), "cloudflare" (cache tags) or "fastly" (surrogate keys).
    "CDN": "",
    # The CDN's Cloudflare zone id or Fastly service id.
    "CDN_ID": "",
    # The CDN's API token (Cloudflare: with the Cache Purge permission; Fastly: with purge_select).
    "CDN_TOKEN": "",
    # The CDN API's base URL: empty for the provider's own (tests point it at a local server).
    "CDN_API_URL": "",
    # Seconds the worker waits for a front cache or the CDN to answer a purge.
    "PURGE_TIMEOUT": 5,
    # Seconds the committing process waits for a front cache to answer the purge it sends at once;
    # one that does not answer in time is purged by the worker instead.
    "PURGE_NOW_TIMEOUT": 1,
    # Seconds after a purge to send it to the CDN once more (0: never): the CDN may have refetched
    # the page from the front cache while that still served the old one. (A front cache needs no
    # second purge: the project's VCL stores a fetch begun before a purge already stale.)
    "PURGE_AGAIN_SECONDS": 2,
    # Paths never marked public, whatever they answer.
    "PRIVATE_PATHS": ["/admin/", "/markdownx/", "/preview/", "/healthz"],
}


def get(name):
    """The setting ``HTTPCACHE_<name>``: from Django's settings, else its default."""
    return getattr(settings, f"HTTPCACHE_{name}", DEFAULTS[name])
