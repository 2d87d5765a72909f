"""Editors keep the workbook's statements and questions. Teams' answers are not in the admin:
they are private to whoever holds a workbook's link."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from workbook.models import ReflectionQuestion, Statement


class WorkbookItemAdmin(TranslationAdmin):  # the text in Finnish, Swedish and English
    list_display = ["text", "theme", "order", "is_active", "answer_count"]
    list_editable = ["order", "is_active"]
    list_filter = ["theme", "is_active"]
    list_select_related = ["theme"]
    search_fields = ["text"]
    fields = ["theme", "text", "order", "is_active"]
    ordering = ["order", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_total=Count("answers"))

    @admin.display(description=_("vastauksia"), ordering="answer_total")
    def answer_count(self, item) -> int:
        return item.answer_total


@admin.register(Statement)
class StatementAdmin(WorkbookItemAdmin):
    pass


@admin.register(ReflectionQuestion)
class ReflectionQuestionAdmin(WorkbookItemAdmin):
    pass
