"""The "Moderators" group, and comment moderation for the "Authors" group.

Moderators may view and change comments and nothing else: no posts, no
sources. Authors get the same two permissions; the comment admin limits them
to comments on their own posts. Permissions are created here because on a
fresh database they do not exist until after all migrations have run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAMES = ["Moderators", "Authors"]
CODENAMES = ["view_comment", "change_comment"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
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
    Group.objects.filter(name="Moderators", permissions=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("comments", "0002_refine_comment"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
