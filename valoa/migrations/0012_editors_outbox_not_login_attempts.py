from django.db import migrations

from valoa.permissions import EDITORS_GROUP, grant_to_editors

LOGIN_ATTEMPTS = ["view_accessattempt", "delete_accessattempt"]


def change(apps, schema_editor):
    # Editors see the outgoing mail and send failed messages again.
    grant_to_editors(apps, "valoa", ["view_outboxmessage", "change_outboxmessage"])
    # Login attempts hold IP addresses, and deleting one lifts a lockout: superusers only.
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS_GROUP):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="axes", codename__in=LOGIN_ATTEMPTS)
        )


class Migration(migrations.Migration):
    dependencies = [("valoa", "0011_outbox_retries_and_about"), ("axes", "0009_add_session_hash")]
    operations = [migrations.RunPython(change, migrations.RunPython.noop)]
