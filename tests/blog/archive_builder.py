"""Many published posts at once, for tests that compare a page's cost at two sizes."""

from django.utils import timezone

from blog import lists
from blog.models import Post, Tag
from tests.factories import make_user


def build_archive(count, *, tag=None, start=None, word="archive"):
    """``count`` published posts, one a day back from ``start``, all by one author (and under ``tag``)."""
    author = make_user()
    start = start or timezone.now() - timezone.timedelta(hours=1)
    posts = Post.objects.bulk_create(
        Post(
            title=f"Post {number} of the {word}",
            slug=f"{word}-{number}",
            body=f"The {word} body {number}.",
            body_html=f"<p>The {word} body {number}.</p>",
            status=Post.Status.PUBLISHED,
            publish_at=start - timezone.timedelta(days=number),
            author=author,
        )
        for number in range(count)
    )
    Post.objects.filter(pk__in=[post.pk for post in posts]).refresh_search_documents()
    if tag is not None:
        Post.tags.through.objects.bulk_create(Post.tags.through(post=post, tag=tag) for post in posts)
    lists.retire()  # bulk_create sends no signal: say the lists changed, as a bulk writer must
    return posts


def make_tags(count, post):
    """``count`` tags, each on ``post``."""
    tags = Tag.objects.bulk_create(
        Tag(name=f"Topic {number:04d}", slug=f"topic-{number:04d}") for number in range(count)
    )
    Post.tags.through.objects.bulk_create(Post.tags.through(post=post, tag=tag) for tag in tags)
    lists.retire()
    return tags
