"""Editors import from WordPress: ``add_importeditem`` is the permission to run an import.

An import writes posts for many authors, publishes them and adds comments,
tags and sources, so it is an editor's (and an administrator's) work, never
an author's or a moderator's.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_importeditem", "view_importeditem"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("wordpress")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="wordpress", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="wordpress", codename__in=CODENAMES)
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("blog", "0008_editors_group"),
        ("wordpress", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
