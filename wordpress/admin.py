"""Admin: the list of imported items, and the page that imports a WordPress export."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from wordpress.forms import ImportForm
from wordpress.importer import ImportStopped, import_wxr
from wordpress.mediafiles import MediaOptions
from wordpress.models import ImportedItem
from wordpress.wxr import WXRError

# An import publishes posts under other accounts' names: an editor's work (WordPress's import
# needs an administrator). add_importeditem is held by the Editors group and superusers.
IMPORT_PERMISSIONS = ("wordpress.add_importeditem", "blog.edit_others_posts")


@admin.register(ImportedItem)
class ImportedItemAdmin(admin.ModelAdmin):
    list_display = ["wp_id", "kind", "content_type", "object_id", "link_path", "site", "updated"]
    list_filter = ["kind", "site"]
    search_fields = ["wp_slug", "link_path", "=wp_id"]
    readonly_fields = [field.name for field in ImportedItem._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def may_import(self, request):
        return request.user.is_active and request.user.has_perms(IMPORT_PERMISSIONS)

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {"may_import": self.may_import(request), **(extra_context or {})}
        )

    def get_urls(self):
        upload = self.admin_site.admin_view(self.import_view)
        return [path("import/", upload, name="wordpress_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload a WXR file and import it; shows the report.

        Template ``admin/wordpress/import.html``; context: ``form``, ``report``
        (a list of lines, after an import) and the admin's usual context.
        """
        if not self.may_import(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
        report = None
        if request.method == "POST" and form.is_valid():
            try:
                report = import_wxr(
                    form.cleaned_data["export"],
                    dry_run=form.cleaned_data["dry_run"],
                    assign_to=form.cleaned_data["assign_to"],
                    imported_by=request.user,
                    media=MediaOptions(copy=form.cleaned_data["media"]),
                )
            except ImportStopped as error:
                form.add_error("export", str(error))
                report = error.report
            except WXRError as error:
                form.add_error("export", f"{error} Nothing was imported.")
        context = {
            **self.admin_site.each_context(request),
            "title": "Import from WordPress",
            "opts": self.model._meta,
            "form": form,
            "report": report.lines() if report else None,
        }
        return TemplateResponse(request, "admin/wordpress/import.html", context)
