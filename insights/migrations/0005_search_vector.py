"""Full-text search: a stored Finnish search vector on articles (title A, lead B, body C) and on
comments, filled for existing rows, with GIN indexes and a trigram index on article titles.

The vectors stay empty and the indexes are not created on SQLite, which searches without them.
"""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("insights_article_search_vector_gin", "insights_article USING gin (search_vector)"),
    ("insights_article_title_trgm", "insights_article USING gin (title gin_trgm_ops)"),
    ("insights_comment_search_vector_gin", "insights_comment USING gin (search_vector)"),
]


def vector(fields):
    vectors = [SearchVector(name, weight=weight, config="finnish") for name, weight in fields]
    combined = vectors[0]
    for other in vectors[1:]:
        combined = combined + other
    return combined


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("insights", "Article")
    Comment = apps.get_model("insights", "Comment")
    Article.objects.update(search_vector=vector([("title", "A"), ("lead", "B"), ("body", "C")]))
    Comment.objects.update(search_vector=vector([("body", "D")]))
    for name, target in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _target in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0004_comment_submission_key"),
        ("valoa", "0009_pg_trgm"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="comment",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_and_index, drop_indexes),
    ]
