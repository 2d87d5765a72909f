"""Indexes for the list's filters by kind and by sector, and the search vectors kept in the rows.

A search ranks every case that matches, so it reads every matching vector. A case's row is
over 2 kB, and PostgreSQL moved its largest value, the vector, to the TOAST table: each vector
then cost an index lookup there. With storage MAIN the texts go there first and the vector
stays in the row. Existing vectors are rewritten to move them.

The trigram index on titles (for typos) takes new entries directly, without a pending list:
titles seldom change, and a long pending list (after a bulk import, before a vacuum) made the
planner pass the index by and compare every title. PostgreSQL only.
"""

from django.db import migrations, models


def store_for_search(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE cases_case ALTER COLUMN search_vector SET STORAGE MAIN")
    # A new value is stored by the new rule.
    schema_editor.execute(
        "UPDATE cases_case SET search_vector = search_vector || ''::tsvector"
        " WHERE search_vector IS NOT NULL"
    )
    schema_editor.execute("ALTER INDEX cases_case_title_trgm SET (fastupdate = off)")
    schema_editor.execute("SELECT gin_clean_pending_list('cases_case_title_trgm')")


def store_as_before(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER INDEX cases_case_title_trgm RESET (fastupdate)")
    schema_editor.execute("ALTER TABLE cases_case ALTER COLUMN search_vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_content_language"),
        ("valoa", "0009_pg_trgm"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["status", "kind", "-published_at"], name="case_status_kind_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["status", "sector", "-published_at"], name="case_status_sector_idx"
            ),
        ),
        migrations.RunPython(store_for_search, store_as_before),
    ]
