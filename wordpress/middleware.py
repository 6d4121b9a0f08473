"""Old WordPress addresses answer with a permanent redirect to the imported post.

Like ``django.contrib.redirects``' fallback middleware, this only looks at
requests the site itself answered with 404, so it costs nothing on pages that
exist. The one exception is ``/?p=ID``: the home page answers that address
with 200, so it is recognised before the view runs. Only posts the public may
see are redirected to; anything else stays a 404.
"""

import re

from django.http import HttpResponsePermanentRedirect

from blog.models import Post
from wordpress.models import ImportedItem

DATE_PERMALINK = re.compile(r"^/\d{4}/\d{2}/(?:\d{2}/)?(?P<slug>[^/]+)/?$")


def _public_url(items) -> str | None:
    """The address of the newest public post among ``items`` (ImportedItem rows), or ``None``."""
    post_ids = list(items.values_list("object_id", flat=True)[:20])
    post = Post.objects.published().filter(pk__in=post_ids).order_by("-publish_at").first()
    return post.get_absolute_url() if post else None


def redirect_for(request) -> str | None:
    """Where an old WordPress address in ``request`` now lives, or ``None``."""
    posts = ImportedItem.objects.posts()
    if request.path == "/":
        wp_id = request.GET.get("p", "")
        return _public_url(posts.filter(wp_id=wp_id)) if wp_id.isdigit() else None
    path = request.path if request.path.endswith("/") else f"{request.path}/"
    if url := _public_url(posts.filter(link_path__in=[path, path.rstrip("/")])):
        return url
    match = DATE_PERMALINK.match(path)
    return _public_url(posts.filter(wp_slug=match["slug"])) if match else None


class WordPressRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and "p" in request.GET and (url := redirect_for(request)):
            return HttpResponsePermanentRedirect(url)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            url = redirect_for(request)
            if url and url != request.path:
                return HttpResponsePermanentRedirect(url)
        return response
