"""The site's URLs: media, admin, editor, sources, comments, sitemaps, robots, icon, manifest, then the blog.

Comments' URLs are mounted only when the app is installed: the blog works without it.
Errors are answered by ``config.errors`` (404 by Django's own view, with ``404.html``).
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from blog import views as blog_views
from blog.sitemaps import SITEMAPS
from config.health import healthz
from config.media import serve_media
from config.webapp import favicon, manifest

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # The desk's pages (capture a page, add a source by identifier), inside the admin's login.
    path("admin/capture/", include("capture.urls")),
    path("admin/", admin.site.urls),
    path("markdownx/", include("blog.editor")),
    # A source's page with the posts that cite it: blog's view extends citations'
    # (citations knows nothing of posts), on the same path as citations:source_detail.
    path("sources/<path:key>/", blog_views.SourceDetailView.as_view(), name="source_detail_cited_in"),
    path("sources/", include("citations.urls")),
    *([path("comments/", include("comments.urls"))] if apps.is_installed("comments") else []),
    # An index of sections, each served in files of at most SitemapSection.limit addresses (?p=2…).
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", manifest, name="webmanifest"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("", include("blog.urls")),
]

# Uploads, when they are on this site's disk (config.media; SERVE_MEDIA says whether it answers).
if settings.MEDIA_URL.startswith("/"):
    urlpatterns.insert(0, path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", serve_media, name="media"))

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler500 = "config.errors.server_error"
