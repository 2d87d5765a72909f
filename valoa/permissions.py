"""The editors' group ("Toimittajat"): each app's migration grants what its editors need."""

from django.contrib.auth.management import create_permissions

EDITORS_GROUP = "Toimittajat"


def grant_to_editors(apps, app_label: str, codenames: list[str]) -> None:
    """Give the editors group these permissions of one app (use in a RunPython migration)."""
    # Permissions are normally created after all migrations; make sure they exist now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)
