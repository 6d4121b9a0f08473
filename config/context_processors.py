"""Template context shared by every page."""

from django.conf import settings

from config.webapp import THEME_COLOR


def site(request):
    """Expose the site's name, description, base URL and theme colour as ``site``."""
    return {
        "site": {
            "name": settings.SITE_NAME,
            "description": settings.SITE_DESCRIPTION,
            "url": settings.SITE_URL,
            "theme_color": THEME_COLOR,
        }
    }
