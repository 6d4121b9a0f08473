"""Posts, their tags, and the rows derived from a post's body on save."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.urls import reverse
from django.utils import timezone
from markdownx.models import MarkdownxField

from blog.search import post_search_vector


class Tag(models.Model):
    """A topic a post is filed under."""

    name = models.CharField("name", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = "tag"
        verbose_name_plural = "tags"
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostQuerySet(models.QuerySet):
    def published(self, now=None):
        """Posts the public may see: published, with a publish date that has come."""
        return self.filter(status=Post.Status.PUBLISHED, publish_at__lte=now or timezone.now())


class Post(models.Model):
    """A blog post written in the commentary dialect."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField("title", max_length=300)
    slug = models.SlugField(
        "slug",
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The last part of the post's address; unique across the site.",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts", verbose_name="author"
    )
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        "publish date",
        default=timezone.now,
        db_index=True,
        help_text="A published post with a date in the future is scheduled.",
    )
    created = models.DateTimeField("created", auto_now_add=True)
    updated = models.DateTimeField("updated", auto_now=True)
    summary = models.TextField("summary", blank=True, help_text="Optional; shown in lists and feeds.")
    body = MarkdownxField("body", help_text="Markdown in the commentary dialect.")
    body_html = models.TextField("rendered body", blank=True, editable=False)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name="tags")
    comments_enabled = models.BooleanField("comments enabled", default=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "post"
        verbose_name_plural = "posts"
        ordering = ["-publish_at"]
        # Full-text search (PostgreSQL only; see blog.search and migration 0050).
        indexes = [GinIndex(post_search_vector(), name="blog_post_search")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from blog.rendering import render_post

        self.body_html = render_post(self.body).html
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        day = timezone.localdate(self.publish_at)
        return reverse(
            "blog:post_detail",
            kwargs={"year": day.year, "month": day.month, "day": day.day, "slug": self.slug},
        )
