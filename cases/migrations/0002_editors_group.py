from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(
        apps,
        "cases",
        [
            "add_case",
            "change_case",
            "delete_case",
            "view_case",
            "change_submission",
            "delete_submission",
            "view_submission",
            "export_submission",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial"), ("valoa", "0003_editors_group")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
