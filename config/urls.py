"""The site's URLs: admin, markdownx, sources, comments, then the blog at the root."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("markdownx/", include("markdownx.urls")),
    path("sources/", include("citations.urls")),
    path("comments/", include("comments.urls")),
    path("", include("blog.urls")),
]
