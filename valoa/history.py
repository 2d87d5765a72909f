"""Versions of articles and cases (django-simple-history)."""

from django.utils import timezone


def record_current_versions(apps, app_label: str, model_name: str) -> None:
    """Keep what each existing row holds now as its first version (use in a RunPython
    migration), so that an editor can return to it after the next change."""
    model = apps.get_model(app_label, model_name)
    historical = apps.get_model(app_label, f"Historical{model_name}")
    through = apps.get_model(app_label, f"Historical{model_name}_themes")
    names = {field.attname for field in historical._meta.concrete_fields}
    fields = [field.attname for field in model._meta.concrete_fields if field.attname in names]
    links = model.themes.through.objects
    owner = f"{model_name.lower()}_id"
    for row in model.objects.all():
        version = historical.objects.create(
            **{name: getattr(row, name) for name in fields},
            history_date=getattr(row, "updated_at", None) or timezone.now(),
            history_type="+",
        )
        through.objects.bulk_create(
            through(id=link.id, history=version, theme_id=link.theme_id, **{owner: row.pk})
            for link in links.filter(**{owner: row.pk})
        )
