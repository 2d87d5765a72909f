from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(
        apps,
        "workbook",
        [
            "add_statement",
            "change_statement",
            "delete_statement",
            "view_statement",
            "add_reflectionquestion",
            "change_reflectionquestion",
            "delete_reflectionquestion",
            "view_reflectionquestion",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("workbook", "0002_initial_content"), ("valoa", "0003_editors_group")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
