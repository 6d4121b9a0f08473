"""Old WordPress addresses answer with a permanent redirect to where their content now lives.

Like ``django.contrib.redirects``' fallback middleware, this only looks at
requests the site itself answered with 404, so it costs nothing on pages that
exist. The exception is WordPress's query forms on the home page (``/?p=ID``,
``/?feed=rss2``…): the home page answers them with 200, so they are
recognised before the view runs. Each address is one look-up by an indexed
key (see ``wordpress.addresses``): no guess at the old permalink structure is
needed, and anything not found keeps its normal answer. The home page's
query forms look in the importers' redirect table first (``imports.redirects``:
an attachment's page leads to its copied file); other 404s find it through
``imports.middleware``. Only posts the public may see are redirected to:
published posts, published pages.
"""

import re

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.text import slugify

from blog.models import Page, Post, Tag
from imports import redirects
from wordpress.addresses import author_slug
from wordpress.models import ImportedItem, ImportedSite

DATE_PERMALINK = re.compile(r"^/\d{4}/\d{2}/(?:\d{2}/)?(?P<slug>[^/]+)/?$")
# Category archives may nest (/category/parent/child/); the last part is the category's own slug.
ARCHIVE = re.compile(
    r"^/(?P<kind>category|tag|author)/(?:[^/]+/)*?(?P<slug>[^/]+)/(?P<feed>feed/(?:\w+/)?)?$"
)
FEEDS = {"/feed/": "blog:feed_rss", "/feed/rss2/": "blog:feed_rss", "/feed/rss/": "blog:feed_rss",
         "/feed/atom/": "blog:feed_atom", "/comments/feed/": "comments:feed"}  # fmt: skip
QUERY_FEEDS = {"rss2": "blog:feed_rss", "rss": "blog:feed_rss", "atom": "blog:feed_atom",
               "comments-rss2": "comments:feed"}  # fmt: skip
HOME_PATHS = ("/", "/index.php")
# The query forms WordPress answers on its home page.
QUERY_KEYS = ("p", "page_id", "attachment_id", "feed", "author", "tag", "category_name")
# How many leading path segments may be an install's sub-directory (/blog, /sites/blog).
MAX_BASE_DEPTH = 3


def _public_url(items) -> str | None:
    """The address of the newest public post among ``items`` (ImportedItem rows), or ``None``."""
    post_ids = list(items.values_list("object_id", flat=True)[:20])
    post = Post.objects.published().filter(pk__in=post_ids).order_by("-publish_at").first()
    return post.get_absolute_url() if post else None


def _page_url(items) -> str | None:
    """The address of a published page among ``items`` (ImportedItem rows), or ``None``."""
    page_ids = list(items.values_list("object_id", flat=True)[:20])
    page = Page.objects.published().filter(pk__in=page_ids).order_by("-updated").only("slug").first()
    return page.get_absolute_url() if page else None


def _strip_base(path: str) -> str:
    """``path`` without the sub-directory an imported site was installed under, if it starts with one."""
    segments = path.split("/")[1 : MAX_BASE_DEPTH + 1]
    prefixes = ["/" + "/".join(segments[:depth]) for depth in range(1, len(segments))]
    bases = ImportedSite.objects.filter(base_path__in=prefixes).values_list("base_path", flat=True)
    base = max(bases, key=len, default="")
    return path[len(base) :] or "/"


def _tag_url(slug: str, feed: str) -> str | None:
    tag = Tag.objects.filter(slug=slugify(slug, allow_unicode=True)[:100]).first()
    if tag is None:
        return None
    name = "blog:tag_feed_atom" if feed.startswith("feed/atom") else "blog:tag_feed_rss"
    return reverse(name, args=[tag.slug]) if feed else reverse("blog:tag_detail", args=[tag.slug])


def _author_url(authors) -> str | None:
    row = authors.order_by("-updated").first()
    user = row.item if row else None
    return reverse("blog:author_detail", args=[user.get_username()]) if user else None


def _query_redirect(query) -> str | None:
    """Where WordPress's home-page query forms (``?p=``, ``?feed=``…) now lead."""
    items = ImportedItem.objects
    if (wp_id := query.get("p", "")).isdigit():
        return _public_url(items.posts().filter(wp_id=wp_id))
    if (wp_id := query.get("page_id", "")).isdigit():
        return _page_url(items.pages().filter(wp_id=wp_id))
    if (wp_id := query.get("attachment_id", "")).isdigit():
        return _public_url(items.filter(kind=ImportedItem.Kind.ATTACHMENT, wp_id=wp_id))
    if (wp_id := query.get("author", "")).isdigit():
        return _author_url(items.filter(kind=ImportedItem.Kind.AUTHOR, wp_id=wp_id))
    if slug := query.get("tag") or query.get("category_name"):
        return _tag_url(slug.rstrip("/").rsplit("/", 1)[-1], "")
    if name := QUERY_FEEDS.get(query.get("feed", "")):
        return reverse(name)
    return None


def _path_redirect(path: str, rest: str) -> str | None:
    """Where an old path (``path`` as asked, ``rest`` without the install's sub-directory) now leads."""
    addressed = ImportedItem.objects.addressed()
    candidates = {path, path.rstrip("/"), rest, rest.rstrip("/")} - {""}
    if url := _public_url(addressed.filter(link_path__in=candidates)):
        return url
    if url := _page_url(ImportedItem.objects.pages().filter(link_path__in=candidates)):
        return url
    if name := FEEDS.get(rest):
        return reverse(name)
    if match := ARCHIVE.match(rest):
        if match["kind"] != "author":
            return _tag_url(match["slug"], match["feed"] or "")
        slugs = {match["slug"], author_slug(match["slug"])}
        return _author_url(ImportedItem.objects.filter(kind=ImportedItem.Kind.AUTHOR, wp_slug__in=slugs))
    match = DATE_PERMALINK.match(rest)
    return _public_url(ImportedItem.objects.posts().filter(wp_slug=match["slug"])) if match else None


def redirect_for(request) -> str | None:
    """Where an old WordPress address in ``request`` now lives, or ``None``."""
    path = request.path if request.path.endswith("/") or request.path.endswith(".php") else f"{request.path}/"
    rest = _strip_base(path)
    if rest in HOME_PATHS:
        return _query_redirect(request.GET)
    return _path_redirect(path, rest)


def _home_query(request) -> bool:
    """Whether ``request`` is one of WordPress's query forms on the site's own home page."""
    return request.path == "/" and any(key in request.GET for key in QUERY_KEYS)


class WordPressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _home_query(request) and (url := redirects.target(request) or redirect_for(request)):
            return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            url = redirect_for(request)
            if url and url != request.path:
                return HttpResponsePermanentRedirect(url)
        return response
