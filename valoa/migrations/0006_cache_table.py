from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The database cache holds abuse-limit counters shared by every web process; creating its
    # table here means `migrate` is the only set-up step a deployment needs.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("valoa", "0005_editors_unlock_logins")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
