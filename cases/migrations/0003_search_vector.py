"""Full-text search: a stored Finnish search vector on cases (title A, lead B, the four sections
C), filled for existing rows, with a GIN index and a trigram index on titles.

The vectors stay empty and the indexes are not created on SQLite, which searches without them.
"""

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations

FIELDS = [
    ("title", "A"),
    ("lead", "B"),
    ("background", "C"),
    ("actions", "C"),
    ("learnings", "C"),
    ("tips", "C"),
]
INDEXES = [
    ("cases_case_search_vector_gin", "cases_case USING gin (search_vector)"),
    ("cases_case_title_trgm", "cases_case USING gin (title gin_trgm_ops)"),
]


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Case = apps.get_model("cases", "Case")
    vectors = [SearchVector(name, weight=weight, config="finnish") for name, weight in FIELDS]
    combined = vectors[0]
    for other in vectors[1:]:
        combined = combined + other
    Case.objects.update(search_vector=combined)
    for name, target in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _target in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_editors_group"),
        ("valoa", "0009_pg_trgm"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill_and_index, drop_indexes),
    ]
