"""Admin for the source library: editing, searching, importing and exporting sources.

Where a source is cited is the blog's knowledge, not this app's: a source's
page shows the read-only panels other apps add with ``add_panel`` (the
blog's "Where cited"), the source list the links they add with ``add_tool``,
and the blog uses ``download`` to export the sources of chosen posts.
"""

from typing import NamedTuple

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from citations import exports
from citations.forms import ImportForm, SourceAdminForm, import_max_bytes
from citations.keys import needs_braces
from citations.models import Source
from citations.permissions import may_edit_others_sources, may_edit_source
from imports import services

# Room for the multipart envelope around a file at the size limit.
UPLOAD_OVERHEAD = 64 * 1024


def download(sources, fmt):
    """A response that downloads ``sources`` as a file in ``fmt``."""
    stamp = timezone.now().strftime("%Y-%m-%d")
    response = HttpResponse(exports.export_sources(sources, fmt), content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="sources-{stamp}.{exports.EXTENSIONS[fmt]}"'
    return response


class Panel(NamedTuple):
    """A read-only section of a source's change page: ``rows`` of (label, contents), where
    ``contents(request, source)`` gives the HTML shown for that reader."""

    title: str
    rows: tuple


# By title: the panels other apps add (see add_panel), shown after the source's own fields.
panels = {}


def add_panel(title, *rows):
    """Show a read-only section ``title`` on every source's change page; ``rows`` as ``Panel`` has them."""
    panels[title] = Panel(title, rows)


# By URL name: the links other apps add to the source list's tools (see add_tool).
tools = {}


def add_tool(url_name, label, allowed=lambda request: True):
    """Link to the admin page ``url_name`` among the source list's tools, for those ``allowed(request)``."""
    tools[url_name] = (label, allowed)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    form = SourceAdminForm
    change_form_template = "admin/citations/source/change_form.html"
    list_display = ["key", "title_or_description", "container_title", "type", "issued_year"]
    list_filter = ["type", "issued_year"]
    search_fields = ["key", "title", "container_title", "names_text"]
    readonly_fields = ["added_by", "created", "updated", "csl"]
    actions = ["export_csl_json", "export_bibtex"]

    @admin.display(description="title", ordering="title")
    def title_or_description(self, source):
        return source.title_text

    fieldsets = [
        (None, {"fields": ["key", "type", "title", "short_title", "authors", "container_title", "editors"]}),
        (
            "Publication",
            {"fields": ["publisher", "publisher_place", ("issued_year", "issued_month", "issued_day")]},
        ),
        (
            "Locating",
            {"fields": ["volume", "issue", "page", "doi", "isbn", "url", "archive_url", "accessed"]},
        ),
        (None, {"fields": ["annotation", ("added_by", "created", "updated")]}),
        ("Full record", {"fields": ["csl"], "classes": ["collapse"]}),
    ]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_edit_source(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        # Bulk deletion checks no single object: deleting is for those who keep the whole library.
        return super().has_delete_permission(request, obj) and may_edit_others_sources(request.user)

    def get_readonly_fields(self, request, obj=None):
        # Posts cite a source by its key: an author's change of key would break others' citations.
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and not may_edit_others_sources(request.user):
            return [*readonly, "key"]
        return readonly

    def may_import(self, request):
        """An import updates whatever keys the file names: it is for those who keep the whole library."""
        return self.has_add_permission(request) and may_edit_others_sources(request.user)

    def changelist_view(self, request, extra_context=None):
        links = [(reverse(name), label) for name, (label, allowed) in tools.items() if allowed(request)]
        context = {"may_import": self.may_import(request), "tools": links}
        return super().changelist_view(request, {**context, **(extra_context or {})})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["panels"] = [
                (panel.title, [(label, contents(request, obj)) for label, contents in panel.rows])
                for panel in panels.values()
            ]
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.added_by = request.user
        super().save_model(request, obj, form, change)
        if needs_braces(obj.key):
            self.message_user(request, f"Posts cite this source with its key in braces: [{obj.cited_as}].")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Links to sources are https these days; Django 6 makes this the default.
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="citations_source_import"),
            path("export/", self.admin_site.admin_view(self.export_view), name="citations_source_export"),
            *super().get_urls(),
        ]

    @admin.action(description="Export selected sources as CSL-JSON", permissions=["view"])
    def export_csl_json(self, request, queryset):
        return download(queryset, "csl-json")

    @admin.action(description="Export selected sources as BibTeX", permissions=["view"])
    def export_bibtex(self, request, queryset):
        return download(queryset, "bibtex")

    def export_view(self, request):
        """The whole library as a download: ``?format=csl-json`` (default) or ``bibtex``."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        fmt = request.GET.get("format", "csl-json")
        if fmt not in exports.CONTENT_TYPES:
            return HttpResponse(
                "Unknown format; use csl-json or bibtex.", status=400, content_type="text/plain"
            )
        return download(Source.objects.all(), fmt)

    def import_view(self, request):
        """Upload a CSL-JSON or BibTeX file for the worker to import; the answer is the import's page.

        Template ``admin/citations/source/import_form.html``.
        """
        if not self.may_import(request):
            raise PermissionDenied
        form, errors, status = ImportForm(), [], 200
        if request.method == "POST":
            length = request.META.get("CONTENT_LENGTH") or "0"
            if not length.isdigit() or int(length) > import_max_bytes() + UPLOAD_OVERHEAD:
                limit = import_max_bytes()
                errors = [f"The file is larger than the limit of {limit} bytes (CITATIONS_IMPORT_MAX_BYTES)."]
                status = 413
            else:
                form = ImportForm(request.POST, request.FILES)
                if form.is_valid():
                    # The worker imports it (citations.runs); its page shows the result.
                    options = {"format": form.cleaned_data["format"], "strict": form.cleaned_data["strict"]}
                    run = services.start("sources", form.cleaned_data["file"], request.user, options)
                    return HttpResponseRedirect(reverse("admin:imports_importrun_change", args=[run.pk]))
                else:
                    status = 400
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import sources",
            "form": form,
            "import_errors": errors,
            "max_bytes": import_max_bytes(),
        }
        return TemplateResponse(request, "admin/citations/source/import_form.html", context, status=status)
