from django.db import migrations, models

from blog.seo import source_json_ld


def store_cited_works(apps, schema_editor):
    """Fill ``cited_works`` for existing posts from their excerpt and footnote rows."""
    Post = apps.get_model("blog", "Post")
    Source = apps.get_model("citations", "Source")
    for post in Post.objects.only("pk").iterator():
        sources = Source.objects.filter(
            models.Q(pk__in=post.footnotes.values("source")) | models.Q(pk__in=post.excerpts.values("source"))
        ).order_by("key")
        works = [source_json_ld(source) for source in sources]
        if works:
            Post.objects.filter(pk=post.pk).update(cited_works=works)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0005_post_search_document"),
        ("citations", "0002_refine_source"),
    ]

    operations = [
        migrations.AddField(
            model_name="post",
            name="cited_works",
            field=models.JSONField(
                default=list,
                editable=False,
                help_text="A schema.org CreativeWork for each source cited or quoted, for the page's JSON-LD; "
                "kept by save().",
                verbose_name="cited works",
            ),
        ),
        migrations.RunPython(store_cited_works, migrations.RunPython.noop),
    ]
