"""The site's URLs plus views that answer in ways the page cache must not keep."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.vary import vary_on_headers

from config.urls import urlpatterns as site_urlpatterns


def sets_cookie(request):
    response = HttpResponse("cookie")
    response.set_cookie("seen", "1")
    return response


def writes_session(request):
    request.session["seen"] = True
    return HttpResponse("session")


@never_cache
def private(request):
    return HttpResponse("private")


@vary_on_headers("Accept-Language")
def by_language(request):
    return HttpResponse("language")


def plain(request):
    return HttpResponse("plain")


urlpatterns = [
    path("test/cookie/", sets_cookie),
    path("test/session/", writes_session),
    path("test/private/", private),
    path("test/language/", by_language),
    path("test/plain/", plain),
    *site_urlpatterns,
]
