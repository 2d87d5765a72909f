from django.db import migrations

from valoa.permissions import grant_to_editors


def grant(apps, schema_editor):
    grant_to_editors(
        apps,
        "insights",
        [
            "add_article",
            "change_article",
            "delete_article",
            "view_article",
            "change_comment",
            "delete_comment",
            "view_comment",
            "moderate_comment",
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("insights", "0001_initial"), ("valoa", "0003_editors_group")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
