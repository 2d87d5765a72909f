from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from valoa.models import Theme


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):  # name and description in Finnish, Swedish and English
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name", "description"]
