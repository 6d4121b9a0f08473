"""The moderation queue; on the blog's post admin, pending-comment counts and the comments switch.

Moderators and editors (``comments.moderate_every_comment``) see every
comment; an author sees and moderates only the comments on their own posts,
as in WordPress. Nobody adds or deletes comments here: readers
write them, and moderation only changes their status, through
``comments.services``.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from blog.admin import posts as posts_admin
from comments import services
from comments.models import Comment
from comments.selectors import comment_count

# The queue's order: what needs a decision first.
QUEUE_RANK = Case(
    When(status=Comment.Status.PENDING, then=Value(0)),
    When(status=Comment.Status.SPAM, then=Value(2)),
    When(status=Comment.Status.REMOVED, then=Value(3)),
    default=Value(1),
    output_field=IntegerField(),
)


def is_moderator(user):
    """Whether ``user`` moderates the comments on every post, not only on their own."""
    return user.is_active and user.has_perm("comments.moderate_every_comment")


def _moderation_action(status, description):
    def action(modeladmin, request, queryset):
        changed = services.comment_moderate(comments=queryset, status=status, moderator=request.user)
        modeladmin.message_user(request, f"{changed} comment{'s' if changed != 1 else ''} {description}.")

    action.__name__ = f"mark_{status}"
    action.short_description = f"Mark selected comments as {Comment.Status(status).label.lower()}"
    action.allowed_permissions = ("change",)
    return action


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "commenter", "post", "status", "status_reason", "created", "ip_address"]
    list_display_links = ["excerpt"]
    list_filter = ["status", ("post", admin.RelatedOnlyFieldListFilter), "created"]
    list_select_related = ["post"]
    search_fields = ["author_name", "author_email", "body", "ip_address"]
    date_hierarchy = "created"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [
        _moderation_action(Comment.Status.APPROVED, "approved"),
        _moderation_action(Comment.Status.SPAM, "marked as spam"),
        _moderation_action(Comment.Status.REMOVED, "removed"),
        _moderation_action(Comment.Status.PENDING, "sent back to pending"),
    ]
    fieldsets = [
        (None, {"fields": ["post", "parent_link", "status", "status_reason", "body"]}),
        ("Commenter", {"fields": ["author_name", "author_email", "author_url", "user", "notify_replies"]}),
        (
            "Record",
            {"fields": ["created", "edited", "ip_address", "user_agent", "moderated_by", "moderated_at"]},
        ),
    ]
    readonly_fields = [
        "post",
        "parent_link",
        "status_reason",
        "user",
        "created",
        "edited",
        "ip_address",
        "user_agent",
        "moderated_by",
        "moderated_at",
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not is_moderator(request.user):
            queryset = queryset.filter(post__author=request.user)
        return queryset

    def get_ordering(self, request):
        return [QUEUE_RANK.asc(), "-created"]

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may_moderate(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_moderate(request, obj)

    @staticmethod
    def _may_moderate(request, comment):
        # get_queryset already limits authors; this says it for any caller holding a comment.
        return comment is None or is_moderator(request.user) or comment.post.author_id == request.user.pk

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="comment")
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    @admin.display(description="name", ordering="author_name")
    def commenter(self, obj):
        # Isolated, so a name's direction cannot reorder the columns beside it.
        return format_html("<bdi>{}</bdi>", obj.author_name)

    @admin.display(description="in reply to")
    def parent_link(self, obj):
        if not obj.parent_id:
            return "—"
        url = reverse("admin:comments_comment_change", args=[obj.parent_id])
        return format_html('<a href="{}">comment #{}</a>', url, obj.parent_id)

    def save_model(self, request, obj, form, change):
        """Save edits; a status changed in the form goes through the service, to record who and when."""
        new_status = obj.status
        if "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if new_status != obj.status:
            services.comment_moderate(comments=[obj], status=new_status, moderator=request.user)


@admin.display(description="pending comments", ordering="pending_comment_count")
def pending_comments(post):
    """A post's count of comments awaiting moderation, linked to them in the queue."""
    if not post.pending_comment_count:
        return "0"
    url = reverse("admin:comments_comment_changelist")
    return format_html(
        '<a href="{}?post__id__exact={}&amp;status__exact=pending">{}</a>',
        url,
        post.pk,
        post.pending_comment_count,
    )


posts_admin.add_column(pending_comments, pending_comment_count=comment_count(Comment.Status.PENDING))
posts_admin.add_fields("Publishing", "comments_enabled")
