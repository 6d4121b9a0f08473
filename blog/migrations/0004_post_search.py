"""The GIN index behind full-text search (blog.search), on PostgreSQL only.

The index lives in the model state everywhere, so makemigrations stays quiet,
but only PostgreSQL gets it built: SQLite has no GIN indexes and searches
with a plain match instead.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex that touches the database only when it is PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0003_authors_group"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="post",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.SearchVector("title", config="english", weight="A"),
                        "||",
                        django.contrib.postgres.search.SearchVector("summary", config="english", weight="B"),
                        django.contrib.postgres.search.SearchConfig("english"),
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector("body", config="english", weight="C"),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                name="blog_post_search",
            ),
        ),
    ]
