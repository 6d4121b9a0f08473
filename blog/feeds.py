"""RSS and Atom feeds of published posts, site-wide and per tag, with full content."""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from blog.models import Post, Tag
from blog.rendering import without_sidenotes
from blog.seo import absolute_url

FEED_LENGTH = 20

# href="#fn-1" and href="/sources/…" in the stored HTML only work on our pages.
_RELATIVE_LINK = re.compile(r'(\s(?:href|src)=")(#|/(?!/))')


def absolutize_links(html, page_url):
    """Make fragment links point into ``page_url`` and root-relative links into the site.

    Sidenotes are left out: a feed reader shows no stylesheet, so the notes
    are read once, in the list at the end.
    """
    html = without_sidenotes(html)

    def replace(match):
        attribute, start = match.groups()
        return attribute + (page_url + "#" if start == "#" else absolute_url("/"))

    return _RELATIVE_LINK.sub(replace, html)


class LatestPostsFeed(Feed):
    """The newest published posts as RSS 2.0, each with its whole body."""

    description = settings.SITE_DESCRIPTION

    def title(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("blog:post_list")

    def feed_url(self):
        return reverse("blog:feed_rss")

    def items(self):
        return Post.objects.published().select_related("author").prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return absolutize_links(item.body_html, absolute_url(item.get_absolute_url()))

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.author.get_full_name() or item.author.get_username()

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class FullContentAtom1Feed(Atom1Feed):
    """Atom with the whole post in ``<content>`` and the summary, if any, in ``<summary>``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class AtomMixin:
    """Turns one of the RSS feeds here into its Atom twin."""

    feed_type = FullContentAtom1Feed

    def item_description(self, item):
        return item.summary or None

    def item_extra_kwargs(self, item):
        return {"content": absolutize_links(item.body_html, absolute_url(item.get_absolute_url()))}


class LatestPostsAtomFeed(AtomMixin, LatestPostsFeed):
    """The newest published posts as Atom 1.0."""

    subtitle = LatestPostsFeed.description

    def feed_url(self):
        return reverse("blog:feed_atom")


class TagFeed(LatestPostsFeed):
    """The newest published posts filed under one tag, as RSS 2.0."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def title(self, tag):
        return f"{settings.SITE_NAME}: {tag.name}"

    def description(self, tag):
        return f"Posts filed under {tag.name}."

    def link(self, tag):
        return reverse("blog:tag_detail", kwargs={"slug": tag.slug})

    def feed_url(self, tag):
        return reverse("blog:tag_feed_rss", kwargs={"slug": tag.slug})

    def items(self, tag):
        posts = Post.objects.published().filter(tags=tag)
        return posts.select_related("author").prefetch_related("tags")[:FEED_LENGTH]


class TagAtomFeed(AtomMixin, TagFeed):
    """One tag's posts as Atom 1.0."""

    def subtitle(self, tag):
        return f"Posts filed under {tag.name}."

    def feed_url(self, tag):
        return reverse("blog:tag_feed_atom", kwargs={"slug": tag.slug})
