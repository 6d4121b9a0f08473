"""Surrogate keys: the names of the objects a page shows, so a change can purge exactly those pages.

A request collects keys as its page is made: views and template tags call
``add(request, key, ...)``, and ``{% surrogate_keys %}`` (in ``base.html``)
adds the keys of every object in the page's context through the registry
that apps fill with ``register``. ``HttpCacheMiddleware`` sends them as
``Surrogate-Key`` (Fastly, Varnish xkey) and ``Cache-Tag`` (Cloudflare).
Keys are short ASCII words: ``post-12``, ``thread-12``, ``tag-3``,
``source-7``, ``author-2``, ``posts`` (every list of posts), ``home``.
"""

from collections.abc import Callable, Iterable

from django.core.paginator import Page
from django.db.models import Model
from django.utils.functional import LazyObject

# By model: (instance, shown_in_full) → its keys. ``shown_in_full`` is False for an item of a list.
REGISTRY: dict[type[Model], Callable[[Model, bool], Iterable[str]]] = {}
# By URL name: the keys of the page it answers with, whatever its context (feeds, lists).
VIEW_KEYS: dict[str, tuple[str, ...]] = {}


def register(model, keys_of):
    """Say which keys an instance of ``model`` brings to the page showing it: ``keys_of(instance, full)``."""
    REGISTRY[model] = keys_of


def register_view(url_name, *keys):
    """Give every page answered by the URL named ``url_name`` (``"blog:feed_rss"``) ``keys``.

    A key may name the URL's arguments: ``"thread-{post_id}"``.
    """
    VIEW_KEYS[url_name] = keys


def collected(request):
    """The keys collected for ``request`` so far (a set that ``add`` fills)."""
    return request.__dict__.setdefault("surrogate_keys", set())


def add(request, *keys):
    collected(request).update(keys)


def of_object(obj, full=True):
    """The keys ``obj`` brings: its registered ones, else ``<model name>-<pk>``."""
    for model in type(obj).__mro__:
        if model in REGISTRY:
            return set(REGISTRY[model](obj, full))
    return {f"{obj._meta.model_name}-{obj.pk}"}


def of_value(value):
    """The keys of a context value: a model instance, or the items of a page, list or tuple.

    A QuerySet is passed over: reading it could cost a query the page did not
    make (a view names the keys of its lists with ``register_view``). A page
    of a paginator the template showed holds a list by then. A lazy object
    (the CSRF token, the user) is never woken: that would make a token or
    read the session.
    """
    if isinstance(value, LazyObject):
        return set()
    if isinstance(value, Model):
        return of_object(value)
    if isinstance(value, Page):
        value = value.object_list
    if isinstance(value, list | tuple):
        found = set()
        for item in value:
            if isinstance(item, Model):
                found |= of_object(item, full=False)
        return found
    return set()


def of_view(request):
    """The keys the URL that answered ``request`` gives its page."""
    match = request.resolver_match
    if match is None:
        return set()
    return {key.format(**match.kwargs) for key in VIEW_KEYS.get(match.view_name, ())}
