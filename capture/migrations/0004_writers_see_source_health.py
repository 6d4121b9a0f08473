"""Authors and editors see the health of re-fetched sources: which quoted pages changed, moved or died."""

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
    view = Permission.objects.filter(content_type__app_label="capture", codename="view_sourcehealth")
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*view)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="capture", codename="view_sourcehealth")
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*view)


class Migration(migrations.Migration):
    dependencies = [
        ("capture", "0003_quotation_checks_source_health"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
