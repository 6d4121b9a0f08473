"""Moderators and Editors keep the block list (and block from the queue); the discussion settings stay
with administrators: no group is given ``change_discussionsettings``."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_block", "add_block", "change_block", "delete_block"]
GROUP_NAMES = ["Moderators", "Editors"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="comments", codename__in=CODENAMES)
    for name in GROUP_NAMES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="comments", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUP_NAMES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("comments", "0010_discussion_settings_and_block_list")]

    operations = [migrations.RunPython(grant, revoke)]
