from django.contrib import admin
from django.contrib.auth import get_user_model

from subscriptions.models import EditorMailPreference


@admin.register(EditorMailPreference)
class EditorMailPreferenceAdmin(admin.ModelAdmin):
    """Per editor: a mail about every new comment, insight, story and feedback, or a daily
    digest of what waits (manage.py send_editor_digests)."""

    list_display = ["user", "choice"]
    list_editable = ["choice"]
    list_select_related = ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
