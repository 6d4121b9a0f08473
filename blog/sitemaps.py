"""sitemap.xml: published posts and pages; tags, sources and authors of published posts; archives; lists."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sitemaps import Sitemap
from django.db.models.functions import TruncMonth, TruncYear
from django.urls import reverse

from blog.models import Page, Post, Tag
from blog.selectors import sources_cited_in


class CanonicalSitemap(Sitemap):
    """Locations on ``settings.SITE_URL``, whatever host the request came in on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PostSitemap(CanonicalSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Post.objects.published().only("slug", "publish_at", "updated").order_by("-publish_at")

    def lastmod(self, post):
        return post.updated


class StandalonePageSitemap(CanonicalSitemap):
    """Published pages (About, Colophon…)."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.published().only("slug", "updated").order_by("slug")

    def lastmod(self, page):
        return page.updated


class TagSitemap(CanonicalSitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return Tag.objects.filter(posts__in=Post.objects.published()).distinct().order_by("name")

    def location(self, tag):
        return reverse("blog:tag_detail", kwargs={"slug": tag.slug})


class SourceSitemap(CanonicalSitemap):
    """Sources a published post cites or quotes: their pages list those posts."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return sources_cited_in(Post.objects.published()).only("key", "updated")

    def lastmod(self, source):
        return source.updated


class AuthorSitemap(CanonicalSitemap):
    """Authors with published posts."""

    changefreq = "weekly"
    priority = 0.3

    def items(self):
        authors = Post.objects.published().values("author")
        return get_user_model().objects.filter(pk__in=authors).order_by("pk")

    def location(self, author):
        return reverse("blog:author_detail", kwargs={"username": author.get_username()})


class ArchiveSitemap(CanonicalSitemap):
    """Every year and month with published posts."""

    changefreq = "monthly"
    priority = 0.3

    def items(self):
        published = Post.objects.published()
        years = published.annotate(period=TruncYear("publish_at")).values_list("period", flat=True)
        months = published.annotate(period=TruncMonth("publish_at")).values_list("period", flat=True)
        return [("year", day) for day in sorted(set(years))] + [("month", day) for day in sorted(set(months))]

    def location(self, item):
        kind, day = item
        if kind == "year":
            return reverse("blog:archive_year", kwargs={"year": day.year})
        return reverse("blog:archive_month", kwargs={"year": day.year, "month": day.month})


class PageSitemap(CanonicalSitemap):
    """The list pages that always exist."""

    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["blog:post_list", "blog:archive_index", "blog:tag_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "posts": PostSitemap,
    "standalone": StandalonePageSitemap,
    "tags": TagSitemap,
    "archives": ArchiveSitemap,
    "sources": SourceSitemap,
    "authors": AuthorSitemap,
}
