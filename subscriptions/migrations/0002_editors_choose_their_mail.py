from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(
        apps,
        "subscriptions",
        [
            "add_editormailpreference",
            "change_editormailpreference",
            "delete_editormailpreference",
            "view_editormailpreference",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_subscriptions_and_editor_mail"),
        ("valoa", "0003_editors_group"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
