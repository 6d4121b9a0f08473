"""Moderators and Editors moderate the comments on every post.

Authors keep view and change on comments, which the admin limits to the
comments on their own posts; ``moderate_every_comment`` lifts that limit.
Editors moderate as WordPress's Editor does.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_comment", "change_comment", "moderate_every_comment"]
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
    every = Permission.objects.filter(content_type__app_label="comments", codename="moderate_every_comment")
    for group in Group.objects.filter(name__in=GROUP_NAMES):
        group.permissions.remove(*every)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("blog", "0008_editors_group"),
        ("comments", "0005_moderate_every_comment_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
