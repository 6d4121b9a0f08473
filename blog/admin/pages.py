"""Admin for standalone pages: editors' work (the Editors group holds page permissions, Authors not)."""

from django.contrib import admin

from blog.admin.posts import PostAdminForm
from blog.editor import BodyWidget
from blog.models import Page


class PageAdminForm(PostAdminForm):
    """The post form's body check on a page's fields: a refused body is shown again with its errors."""

    class Meta:
        model = Page
        fields = ["title", "slug", "status", "body"]
        widgets = {"body": BodyWidget}


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    list_display = ["title", "slug", "status", "updated"]
    list_filter = ["status"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title", "body"]

    def save_model(self, request, obj, form, change):
        # The form rendered the body to check it; saving stores that rendering rather than a second one.
        obj.save(rendering=getattr(form, "rendering", None))
