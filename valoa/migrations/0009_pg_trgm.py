"""pg_trgm for the search's typo tolerance. On SQLite (no extensions) this does nothing."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class TrigramExtensionOnPostgres(TrigramExtension):
    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("valoa", "0008_editors_personal_data")]

    operations = [TrigramExtensionOnPostgres()]
