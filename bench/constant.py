"""The ceiling for Python: bare Django answering a constant response, no middleware, no database.

Served by gunicorn with the same settings as the site (``bench.constant:application``).
The page is ``BENCH_CONSTANT_BYTES`` long (``bench.run`` sets it to the size of
the post page it compares with), so both send as much over the wire.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-constant-view-not-a-secret",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)


PAGE = b"<!DOCTYPE html>\n<title>Constant</title>\n"
PAGE += b"x" * max(int(os.environ.get("BENCH_CONSTANT_BYTES", "150000")) - len(PAGE), 0)


def constant(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", constant)]

application = get_wsgi_application()
