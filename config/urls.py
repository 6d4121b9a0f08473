"""The site's URLs: admin, the editor's endpoints, sources, comments, then the blog at the root."""

from django.contrib import admin
from django.urls import include, path

from blog import views as blog_views
from config.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("markdownx/", include("blog.editor")),
    # A source's page with the posts that cite it: blog's view extends citations'
    # (citations knows nothing of posts), on the same path as citations:source_detail.
    path("sources/<path:key>/", blog_views.source_detail, name="source_detail_cited_in"),
    path("sources/", include("citations.urls")),
    path("comments/", include("comments.urls")),
    path("", include("blog.urls")),
]
