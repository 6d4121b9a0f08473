"""The ceiling for Python: bare Django answering a constant response, no middleware, no database.

Served by gunicorn with the same settings as the site (``bench.constant:application``).
"""

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


def constant(request):
    return HttpResponse(b"Hello from Django.\n", content_type="text/plain")


urlpatterns = [path("", constant)]

application = get_wsgi_application()
