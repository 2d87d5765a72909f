from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(apps, "valoa", ["view_theme", "change_theme", "add_theme"])


class Migration(migrations.Migration):
    dependencies = [("valoa", "0002_themes"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
