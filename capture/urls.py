"""The desk's admin pages, mounted under /admin/capture/ (config.urls) and behind the admin's login."""

from django.contrib import admin
from django.urls import path

from capture import views

app_name = "capture"
urlpatterns = [
    path("page/", admin.site.admin_view(views.page_view), name="page"),
    path("source/", admin.site.admin_view(views.source_view), name="source"),
]
