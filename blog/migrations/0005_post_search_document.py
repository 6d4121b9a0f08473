"""Store each post's search vector instead of computing it per search.

Ranking over an expression index still made PostgreSQL build the vector of
every matching post for every search; a stored ``search_document`` (kept by
``Post.save``) with a GIN index on it does not. PostgreSQL only, as in 0004.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations


class OnPostgreSQLOnly:
    """Touch the database only when it is PostgreSQL; the model state changes everywhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class RemoveIndexOnPostgreSQL(OnPostgreSQLOnly, migrations.RemoveIndex):
    pass


class AddIndexOnPostgreSQL(OnPostgreSQLOnly, migrations.AddIndex):
    pass


def fill_search_documents(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from blog.search import post_search_vector

    apps.get_model("blog", "Post").objects.update(search_document=post_search_vector())


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0004_post_search"),
    ]

    operations = [
        RemoveIndexOnPostgreSQL(model_name="post", name="blog_post_search"),
        migrations.AddField(
            model_name="post",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="Title, summary and body as PostgreSQL full-text search reads them; kept by save().",
                null=True,
                verbose_name="search document",
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="post",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_document"], name="blog_post_search_document"
            ),
        ),
        migrations.RunPython(fill_search_documents, migrations.RunPython.noop),
    ]
