from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "valoa", ["handle_personal_data", "view_personaldataaction"])


class Migration(migrations.Migration):
    dependencies = [("valoa", "0007_personal_data_action")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
