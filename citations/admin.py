"""Admin for the source library."""

from django.contrib import admin

from citations.models import Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "title", "container_title", "type", "issued_year"]
    list_filter = ["type", "issued_year"]
    search_fields = ["key", "title", "container_title"]
