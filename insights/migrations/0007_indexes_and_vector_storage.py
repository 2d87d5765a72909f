"""An index for readers' own insights (newest first), and the search vectors kept in the rows.

A search ranks every document that matches, so it reads every matching vector. An article's
row is over 2 kB, and PostgreSQL moved its largest value, the vector, to the TOAST table:
each vector then cost an index lookup there. With storage MAIN the texts go there first and
the vector stays in the row. Existing vectors are rewritten to move them.

The trigram index on titles (for typos) takes new entries directly, without a pending list:
titles seldom change, and a long pending list (after a bulk import, before a vacuum) made the
planner pass the index by and compare every title. PostgreSQL only.
"""

from django.conf import settings
from django.db import migrations, models

TABLES = ["insights_article", "insights_comment"]


def store_for_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE MAIN")
    # A new value is stored by the new rule; comments are short enough to be in their rows.
    schema_editor.execute(
        "UPDATE insights_article SET search_vector = search_vector || ''::tsvector"
        " WHERE search_vector IS NOT NULL"
    )
    schema_editor.execute("ALTER INDEX insights_article_title_trgm SET (fastupdate = off)")
    schema_editor.execute("SELECT gin_clean_pending_list('insights_article_title_trgm')")


def store_as_before(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER INDEX insights_article_title_trgm RESET (fastupdate)")
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} ALTER COLUMN search_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0006_content_language"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="comment",
            index=models.Index(
                condition=models.Q(("article__isnull", True)),
                fields=["status", "-created_at", "-id"],
                name="comment_reader_insights_idx",
            ),
        ),
        migrations.RunPython(store_for_search, store_as_before),
    ]
