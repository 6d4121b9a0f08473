"""Admin: the list of imports, and each import's page (its progress, then its report or error).

Imports are started from each kind's upload page (WordPress exports, source
files); a person sees the runs of the kinds they may start.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.urls import reverse

from imports import kinds
from imports.models import ImportRun, Redirect

# Seconds between reloads of a page whose import is queued or running.
REFRESH_SECONDS = 2


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["filename", "kind_label", "status", "progress_or_summary", "started_by", "created"]
    list_filter = ["status", "kind"]
    search_fields = ["filename"]

    def get_queryset(self, request):
        names = [kind.name for kind in kinds.allowed(request.user)]
        return super().get_queryset(request).filter(kind__in=names).select_related("started_by")

    def has_module_permission(self, request):
        return bool(kinds.allowed(request.user))

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return kinds.may_run(request.user, obj.kind)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="kind", ordering="kind")
    def kind_label(self, run):
        kind = kinds.KINDS.get(run.kind)
        return kind.label if kind else run.kind

    @admin.display(description="progress or result")
    def progress_or_summary(self, run):
        if run.status == ImportRun.Status.FAILED:
            return run.error
        if run.status == ImportRun.Status.RUNNING:
            return run.phase + (f" ({run.percent}%)" if run.percent is not None else "")
        return run.summary

    def changelist_view(self, request, extra_context=None):
        starts = [(kind.label, reverse(kind.upload_url)) for kind in kinds.allowed(request.user)]
        return super().changelist_view(request, {"starts": starts, **(extra_context or {})})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The import's page: progress, reloading itself while it runs; then the report or the error.

        Template ``admin/imports/importrun/run.html``; context: ``run``, ``kind``, ``refresh``
        (seconds, while it runs) and the admin's usual context.
        """
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if not self.has_view_permission(request):
            raise PermissionDenied
        # Only the runs of kinds this person may start: another kind's run is not found.
        run = self.get_object(request, object_id)
        if run is None:
            raise Http404("No such import.")
        kind = kinds.KINDS.get(run.kind)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Import of {run.filename}",
            "opts": self.opts,
            "run": run,
            "kind": kind,
            "upload_url": reverse(kind.upload_url) if kind else None,
            "refresh": REFRESH_SECONDS if run.in_progress else None,
        }
        return TemplateResponse(request, "admin/imports/importrun/run.html", context)


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    list_display = ["old_path", "new_path", "origin", "updated"]
    list_filter = ["origin"]
    search_fields = ["old_path", "new_path"]
