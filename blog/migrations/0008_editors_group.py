"""The "Editors" group, and authors limited to their own posts and tags they add.

Editors (WordPress's Editor) write, publish and reassign everyone's posts,
manage tags, and keep the source library. Authors keep add/change/view on
posts, which the admin limits to their own posts; renaming or re-slugging a
tag changes everyone's posts, so that becomes an editor's work.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMISSIONS = {
    "blog": [
        "add_post", "change_post", "delete_post", "view_post", "edit_others_posts",
        "add_tag", "change_tag", "delete_tag", "view_tag",
        "add_revision", "change_revision", "view_revision",
        "view_excerpt", "view_aside", "view_footnote",
    ],
    "citations": ["add_source", "change_source", "delete_source", "view_source", "edit_others_sources"],
}  # fmt: skip
TAKEN_FROM_AUTHORS = [("blog", "change_tag")]


def permission(Permission, label, codename):
    return Permission.objects.get(content_type__app_label=label, codename=codename)


def create_editors_group(apps, schema_editor):
    # Permissions exist only after all migrations (post_migrate) on a fresh database.
    for label in EDITOR_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *(
            permission(Permission, label, codename)
            for label, codenames in EDITOR_PERMISSIONS.items()
            for codename in codenames
        )
    )
    for authors in Group.objects.filter(name="Authors"):
        authors.permissions.remove(*(permission(Permission, *taken) for taken in TAKEN_FROM_AUTHORS))


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name="Editors").delete()
    for authors in Group.objects.filter(name="Authors"):
        authors.permissions.add(*(permission(Permission, *taken) for taken in TAKEN_FROM_AUTHORS))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("citations", "0003_source_added_by"),
        ("blog", "0007_post_edit_others_permission"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
