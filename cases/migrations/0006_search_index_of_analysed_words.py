"""Search by base forms and compound parts (valoa.search): cases re-indexed.

PostgreSQL: the search vectors are rewritten from Voikko's analysis (the `simple` sense: the
tokens as they are, no stemming); the trigram index on titles is no longer used. SQLite: an
FTS5 table cases_case_fts, filled from the existing rows.
"""

from django.db import migrations

from valoa.search.index import rebuild
from valoa.search.sources import Indexed

FTS_COLUMNS = "a, b, c, d, forms, lemmas, tokenize = \"unicode61 remove_diacritics 0 tokenchars ':'\""
FIELDS = {
    "title": "A",
    "lead": "B",
    "background": "C",
    "actions": "C",
    "learnings": "C",
    "tips": "C",
}


def index_existing(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS cases_case_title_trgm")
    elif vendor == "sqlite":
        schema_editor.execute(f"CREATE VIRTUAL TABLE cases_case_fts USING fts5({FTS_COLUMNS})")
    Case = apps.get_model("cases", "Case")
    rebuild(
        [Indexed(Case, FIELDS, suggests=lambda case: case.status == "published")],
        using=schema_editor.connection.alias,
    )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS cases_case_title_trgm"
            " ON cases_case USING gin (title gin_trgm_ops) WITH (fastupdate = off)"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS cases_case_fts")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_indexes_and_vector_storage"),
        ("valoa", "0013_search_words"),
    ]

    operations = [migrations.RunPython(index_existing, drop_index)]
