"""The "Authors" group, with exactly the permissions writing posts needs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

AUTHOR_PERMISSIONS = {
    "blog": [
        "add_post", "change_post", "view_post",
        "add_tag", "change_tag", "view_tag",
        "add_revision", "change_revision", "view_revision",
        "view_excerpt", "view_aside", "view_footnote",
    ],
    "citations": ["add_source", "change_source", "view_source"],
}  # fmt: skip


def create_authors_group(apps, schema_editor):
    # On a fresh database permissions are only created after all migrations
    # (post_migrate); create them now for the apps the group needs.
    for label in AUTHOR_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Authors")
    permissions = [
        Permission.objects.get(content_type__app_label=label, codename=codename)
        for label, codenames in AUTHOR_PERMISSIONS.items()
        for codename in codenames
    ]
    group.permissions.set(permissions)


def remove_authors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Authors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("citations", "0001_initial"),
        ("blog", "0002_derived_rows_and_revisions"),
    ]

    operations = [migrations.RunPython(create_authors_group, remove_authors_group)]
