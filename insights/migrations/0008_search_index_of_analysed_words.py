"""Search by base forms and compound parts (valoa.search): articles and comments re-indexed.

PostgreSQL: the search vectors are rewritten from Voikko's analysis (the `simple` sense: the
tokens as they are, no stemming); the trigram index on titles is no longer used. SQLite: FTS5
tables insights_article_fts and insights_comment_fts, filled from the existing rows.
"""

from django.db import migrations

from valoa.search.index import rebuild
from valoa.search.sources import Indexed

FTS_TABLES = ["insights_article_fts", "insights_comment_fts"]
FTS_COLUMNS = "a, b, c, d, forms, lemmas, tokenize = \"unicode61 remove_diacritics 0 tokenchars ':'\""


def index_existing(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS insights_article_title_trgm")
    elif vendor == "sqlite":
        for table in FTS_TABLES:
            schema_editor.execute(f"CREATE VIRTUAL TABLE {table} USING fts5({FTS_COLUMNS})")
    Article = apps.get_model("insights", "Article")
    Comment = apps.get_model("insights", "Comment")
    rebuild(
        [
            Indexed(
                Article,
                {"title": "A", "lead": "B", "body": "C"},
                suggests=lambda article: article.status == "published",
            ),
            Indexed(
                Comment,
                {"body": "D"},
                language=lambda comment: comment.article.language if comment.article_id else "fi",
                related=("article",),
            ),
        ],
        using=schema_editor.connection.alias,
    )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS insights_article_title_trgm"
            " ON insights_article USING gin (title gin_trgm_ops) WITH (fastupdate = off)"
        )
    elif vendor == "sqlite":
        for table in FTS_TABLES:
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0007_indexes_and_vector_storage"),
        ("valoa", "0013_search_words"),
    ]

    operations = [migrations.RunPython(index_existing, drop_index)]
