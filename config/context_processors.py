"""Template context shared by every page."""

from django.conf import settings


def site(request):
    """Expose the site's name, description and base URL as ``site``."""
    return {
        "site": {
            "name": settings.SITE_NAME,
            "description": settings.SITE_DESCRIPTION,
            "url": settings.SITE_URL,
        }
    }
