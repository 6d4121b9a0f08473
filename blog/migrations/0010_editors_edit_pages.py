"""Editors manage pages; Authors get no page permission, as WordPress's Authors cannot edit pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = ["add_page", "change_page", "delete_page", "view_page"]


def give_editors_pages(apps, schema_editor):
    # Permissions exist only after all migrations (post_migrate) on a fresh database.
    app_config = apps.get_app_config("blog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="blog", codename__in=PAGE_PERMISSIONS)
    for editors in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        editors.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("blog", "0009_page")]

    operations = [migrations.RunPython(give_editors_pages, migrations.RunPython.noop)]
