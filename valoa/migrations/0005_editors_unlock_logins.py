from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    # Editors lift a login lockout by deleting its access attempt in the admin.
    grant_to_editors(apps, "axes", ["view_accessattempt", "delete_accessattempt"])


class Migration(migrations.Migration):
    dependencies = [("valoa", "0004_outboxmessage"), ("axes", "0009_add_session_hash")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
