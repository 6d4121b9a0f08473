"""Authors and editors see snapshots: the copies of the pages they quote, to check their quotations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Authors", "Editors"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("capture")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="capture", codename="view_snapshot")
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="capture", codename="view_snapshot")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("blog", "0008_editors_group"),
        ("capture", "0001_snapshot"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
