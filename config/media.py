"""Serving uploaded media from ``MEDIA_ROOT`` when ``SERVE_MEDIA`` is on (``make run``, ``make serve``).

Django's ``django.views.static.serve`` reads the file (paths outside the
folder are refused, ``If-Modified-Since`` is answered 304); this wrapper
adds what a production answer needs. Files are named once and never
rewritten (``blog.images`` adds a random part to each name), so browsers
may keep them a year. ``nosniff`` and a policy that allows no script, style,
frame or form keep a file opened on its own from acting as a page, and
anything but an image of the accepted types is sent as a download.
whitenoise is not used: it indexes its files when the server starts and
would not see uploads made since. With several application servers, media
belong in object storage instead (README, "Media files").
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

MEDIA_POLICY = "default-src 'none'; img-src 'self' data:; sandbox"
CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    """A file below ``MEDIA_ROOT``, or 404 (also for hidden files, and when ``SERVE_MEDIA`` is off)."""
    if not settings.SERVE_MEDIA or any(part.startswith(".") for part in posixpath.normpath(path).split("/")):
        raise Http404("No such file.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Security-Policy"] = MEDIA_POLICY
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = CACHE_CONTROL
    is_image = response.get("Content-Type") in settings.MARKDOWNX_UPLOAD_CONTENT_TYPES
    if response.status_code == 200 and not is_image:
        response["Content-Disposition"] = "attachment"
    return response
