from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0013_comment_staff_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishedthread",
            name="roots",
            field=models.PositiveIntegerField(default=0, verbose_name="top-level comments"),
        ),
        migrations.AddField(
            model_name="publishedthread",
            name="root_offsets",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Where each top-level comment starts in the HTML, in characters: pages are cut there.",
                verbose_name="top-level comments' offsets",
            ),
        ),
    ]
