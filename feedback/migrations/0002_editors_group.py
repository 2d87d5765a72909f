from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "feedback", ["change_feedback", "delete_feedback", "view_feedback"])


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_feedback"), ("valoa", "0003_editors_group")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
