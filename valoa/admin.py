from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from valoa.models import Theme


class PreviewStyles:
    """For a model admin whose `preview` field shows the text in a valoa-preview box: the
    site's text styles for it (static/css/admin.css)."""

    class Media:
        css = {"all": ["css/admin.css"]}


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):  # name and description in Finnish, Swedish and English
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "description"]
