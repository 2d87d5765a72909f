from django.db import migrations


class Migration(migrations.Migration):
    """Stories moved to their own app with their table (stories/migrations/0001_initial.py)."""

    dependencies = [
        ("cases", "0006_search_index_of_analysed_words"),
        ("stories", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Submission")]
        ),
    ]
