"""What browsers ask of any site: ``/favicon.ico`` and the web app manifest (``/manifest.webmanifest``)."""

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

# The site's link colour (``--link`` in static/css/site.css): the browser's bar and the icon's ground.
THEME_COLOR = "#8e2a0c"
BACKGROUND_COLOR = "#fbf9f4"
ICON = "favicon.svg"


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers that ask for ``/favicon.ico`` without reading the page's ``<link rel="icon">``
    are sent to the SVG icon: not permanently, since its static address changes with its content."""
    return HttpResponseRedirect(static(ICON))


@require_safe
@cache_control(max_age=86400, public=True)
def manifest(request):
    """The web app manifest: the site's name, start page, colours and icon."""
    data = {
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME[:12],
        "description": settings.SITE_DESCRIPTION,
        "start_url": reverse("blog:post_list"),
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{"src": static(ICON), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }
    options = {"ensure_ascii": False}
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params=options)
