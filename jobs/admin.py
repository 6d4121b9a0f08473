"""The workers in the admin: who is running background jobs, when each was last heard from, what is due."""

from django.contrib import admin

from jobs.models import PeriodicJob, Worker


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "host", "pid", "started", "seen"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PeriodicJob)
class PeriodicJobAdmin(admin.ModelAdmin):
    list_display = ["name", "due", "last_queued"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
