"""The workers in the admin: who is running background jobs, and when each was last heard from."""

from django.contrib import admin

from jobs.models import Worker


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "host", "pid", "started", "seen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
