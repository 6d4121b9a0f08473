"""RSS and Atom feeds of approved comments, site-wide and per post."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator

from blog.models import Post
from blog.seo import absolute_url
from comments.models import Comment

FEED_LENGTH = 30


class LatestCommentsFeed(Feed):
    """The newest approved comments on published posts, as RSS."""

    description_template = "comments/feed_description.html"

    def title(self):
        return f"Comments on {settings.SITE_NAME}"

    def link(self):
        return reverse("blog:post_list")

    def description(self):
        return f"The latest reader comments on {settings.SITE_NAME}."

    def feed_url(self):
        return reverse("comments:feed")

    def items(self):
        return Comment.objects.public().select_related("post").order_by("-created", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.author_name} on “{item.post.title}”: {Truncator(item.body).words(8)}"

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        # The address items had before threads had pages, so readers see no item twice.
        return absolute_url(f"{item.post.get_absolute_url()}#comment-{item.pk}")

    def item_guid_is_permalink(self, item):
        return False

    def item_author_name(self, item):
        return item.author_name

    def item_author_link(self, item):
        return item.author_url or None

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.edited or item.created


class LatestCommentsAtomFeed(LatestCommentsFeed):
    feed_type = Atom1Feed
    subtitle = LatestCommentsFeed.description

    def feed_url(self):
        return reverse("comments:feed_atom")


class PostCommentsFeed(LatestCommentsFeed):
    """One published post's approved comments, newest first, as RSS."""

    def get_object(self, request, post_id):
        return get_object_or_404(Post.objects.published(), pk=post_id)

    def title(self, obj):
        return f"Comments on “{obj.title}”"

    def link(self, obj):
        return f"{obj.get_absolute_url()}#comments"

    def description(self, obj):
        return f"Reader comments on “{obj.title}” at {settings.SITE_NAME}."

    def feed_url(self, obj):
        return reverse("comments:post_feed", kwargs={"post_id": obj.pk})

    def items(self, obj):
        return obj.comments.approved().select_related("post").order_by("-created", "-pk")[:FEED_LENGTH]


class PostCommentsAtomFeed(PostCommentsFeed):
    feed_type = Atom1Feed
    subtitle = PostCommentsFeed.description

    def feed_url(self, obj):
        return reverse("comments:post_feed_atom", kwargs={"post_id": obj.pk})
