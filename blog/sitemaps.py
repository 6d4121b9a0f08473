"""The sitemap: an index (``/sitemap.xml``) of sections, in files of ``SitemapSection.limit`` addresses.

Sections: the list pages, published posts and pages, tags and authors with
published posts, archives, and the sources' pages. Every file costs what it
lists: items are read a file at a time (``blog.lists.ListPaginator``, whose
counts are cached), each address and ``lastmod`` comes from the item's own
columns, and a section's latest ``lastmod`` is one cached aggregate, never a
walk over its items.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from blog import lists
from blog.models import Page, Post
from blog.selectors import archive_months, authors_in_use, sources_cited_in, tags_in_use


class SitemapSection(Sitemap):
    """A section on ``settings.SITE_URL``, whatever host the request came in on, read a file at a time."""

    # Well under the protocol's 50,000, so that one file is quick to build and to fetch.
    limit = 1_000
    name = None

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    @property
    def paginator(self):
        return lists.ListPaginator(self.items(), self.limit, count_name=f"sitemap:{self.name}")


class LastModifiedSection(SitemapSection):
    """A section whose items have an ``updated`` column: each item's ``lastmod``, and the section's latest."""

    def lastmod(self, item):
        return item.updated

    def get_latest_lastmod(self):
        return lists.cached(
            f"sitemap-lastmod:{self.name}", lambda: self.items().aggregate(latest=Max("updated"))["latest"]
        )


class PostSitemap(LastModifiedSection):
    name = "posts"
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Post.objects.published().only("slug", "publish_at", "updated").order_by("-publish_at", "-pk")


class StandalonePageSitemap(LastModifiedSection):
    """Published pages (About, Colophon…)."""

    name = "standalone"
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Page.objects.published().only("slug", "updated").order_by("slug")


class SourceSitemap(LastModifiedSection):
    """The page of every source a published post cites or quotes (it lists those posts)."""

    name = "sources"
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        return sources_cited_in(Post.objects.published()).only("key", "updated")


class TagSitemap(SitemapSection):
    name = "tags"
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        return tags_in_use().only("slug")

    def location(self, tag):
        return reverse("blog:tag_detail", kwargs={"slug": tag.slug})


class AuthorSitemap(SitemapSection):
    """The page of every author with published posts."""

    name = "authors"
    changefreq = "weekly"
    priority = 0.3

    def items(self):
        return authors_in_use()

    def location(self, author):
        return reverse("blog:author_detail", kwargs={"username": author.get_username()})


class ArchiveSitemap(SitemapSection):
    """Every year and month with published posts (from the archive's cached months)."""

    name = "archives"
    changefreq = "monthly"
    priority = 0.3

    def items(self):
        months = sorted(archive_months())
        years = sorted({month.replace(month=1) for month in months})
        return [("year", day) for day in years] + [("month", day) for day in months]

    def location(self, item):
        kind, day = item
        if kind == "year":
            return reverse("blog:archive_year", kwargs={"year": day.year})
        return reverse("blog:archive_month", kwargs={"year": day.year, "month": day.month})


class PageSitemap(SitemapSection):
    """The list pages that always exist."""

    name = "pages"
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return ["blog:post_list", "blog:archive_index", "blog:tag_list", "citations:source_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    section.name: section
    for section in (
        PageSitemap,
        PostSitemap,
        StandalonePageSitemap,
        TagSitemap,
        AuthorSitemap,
        ArchiveSitemap,
        SourceSitemap,
    )
}
