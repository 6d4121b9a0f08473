"""Template context shared by every page."""

from django.conf import settings

from config.crossorigin import has_session


def site(request):
    """The site's name, description and base URL as ``site``; ``signed_in`` if forms need a CSRF token."""
    return {
        "site": {
            "name": settings.SITE_NAME,
            "description": settings.SITE_DESCRIPTION,
            "url": settings.SITE_URL,
        },
        "signed_in": has_session(request),
    }
