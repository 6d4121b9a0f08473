"""Take invisible and direction-changing characters out of the names already stored.

New names lose them in the comment form (``comments.text.clean_line``); this
cleans the names written before, so feeds, emails and the admin show them
plainly too.
"""

from django.db import migrations


def clean_names(apps, schema_editor):
    from comments.text import clean_line

    Comment = apps.get_model("comments", "Comment")
    changed = []
    for pk, name in Comment.objects.values_list("pk", "author_name").iterator():
        cleaned = clean_line(name) or "Anonymous"
        if cleaned != name:
            changed.append(Comment(pk=pk, author_name=cleaned))
    Comment.objects.bulk_update(changed, ["author_name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("comments", "0006_editors_and_moderators_moderate_every_comment")]

    operations = [migrations.RunPython(clean_names, migrations.RunPython.noop)]
