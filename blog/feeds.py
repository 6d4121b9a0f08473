"""RSS and Atom feeds of published posts, site-wide, per tag and per author, with full content."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
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


class AuthorFeed(LatestPostsFeed):
    """The newest published posts by one author, as RSS 2.0."""

    def get_object(self, request, username):
        return get_object_or_404(get_user_model(), username=username)

    def title(self, author):
        return f"{settings.SITE_NAME}: {author.get_full_name() or author.get_username()}"

    def description(self, author):
        return f"Posts by {author.get_full_name() or author.get_username()}."

    def link(self, author):
        return reverse("blog:author_detail", kwargs={"username": author.get_username()})

    def feed_url(self, author):
        return reverse("blog:author_feed_rss", kwargs={"username": author.get_username()})

    def items(self, author):
        posts = Post.objects.published().filter(author=author)
        return posts.select_related("author").prefetch_related("tags")[:FEED_LENGTH]


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    """One author's posts as Atom 1.0."""

    def subtitle(self, author):
        return self.description(author)

    def feed_url(self, author):
        return reverse("blog:author_feed_atom", kwargs={"username": author.get_username()})
