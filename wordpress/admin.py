"""Admin: the list of imported items, and the page that imports a WordPress export."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from config.guard import takes_large_uploads
from imports import services
from wordpress.forms import ImportForm, max_request_bytes
from wordpress.models import ImportedItem
from wordpress.runs import options_from_form

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
        upload = takes_large_uploads(max_request_bytes)(self.admin_site.admin_view(self.import_view))
        return [path("import/", upload, name="wordpress_import"), *super().get_urls()]

    def import_view(self, request):
        """Upload a WXR file; the worker imports it, and the answer is the import's page.

        Template ``admin/wordpress/import.html``; context: ``form`` and the admin's usual context.
        """
        if not self.may_import(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            run = services.start(
                "wordpress", form.cleaned_data["export"], request.user, options_from_form(form.cleaned_data)
            )
            return HttpResponseRedirect(reverse("admin:imports_importrun_change", args=[run.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Import from WordPress",
            "opts": self.model._meta,
            "form": form,
        }
        return TemplateResponse(request, "admin/wordpress/import.html", context)
