"""Admin for comments."""

from django.contrib import admin

from comments.models import Comment


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["author_name", "post", "status", "created"]
    list_filter = ["status"]
    search_fields = ["author_name", "author_email", "body", "ip_address"]
