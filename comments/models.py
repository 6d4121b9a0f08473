"""Reader comments on posts, with their moderation status."""

from django.conf import settings
from django.db import models

from blog.models import Post


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """Comments the public may see."""
        return self.filter(status=Comment.Status.APPROVED)


class Comment(models.Model):
    """A reader's comment on a post, possibly a reply to another comment."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        REMOVED = "removed", "Removed"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments", verbose_name="post")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name="in reply to",
    )
    author_name = models.CharField("name", max_length=100)
    author_email = models.EmailField("email", help_text="Never shown publicly.")
    author_url = models.URLField("website", max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name="user",
    )
    body = models.TextField("comment", help_text="As written, in Markdown.")
    body_html = models.TextField("rendered comment", blank=True, editable=False)
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    status_reason = models.CharField("reason", max_length=300, blank=True)
    created = models.DateTimeField("created", auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField("user agent", max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="moderated by",
    )
    moderated_at = models.DateTimeField("moderated at", null=True, blank=True)
    notify_replies = models.BooleanField("notify of replies", default=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "comment"
        verbose_name_plural = "comments"
        ordering = ["created"]

    def __str__(self):
        return f"{self.author_name} on {self.post}"

    def save(self, *args, **kwargs):
        from blog.rendering import render_comment

        self.body_html = render_comment(self.body)
        super().save(*args, **kwargs)
