"""Template context shared by every page."""

from django.conf import settings

from config.crossorigin import has_session
from config.webapp import THEME_COLOR


def site(request):
    """The site's name, description, base URL and theme colour as ``site``; ``signed_in`` when forms
    need a CSRF token."""
    return {
        "site": {
            "name": settings.SITE_NAME,
            "description": settings.SITE_DESCRIPTION,
            "url": settings.SITE_URL,
            "theme_color": THEME_COLOR,
        },
        "signed_in": has_session(request),
    }
