"""Editors keep the workbook's statements and questions. Teams' answers are not in the admin:
they are private to whoever holds a workbook's link. The site's owner sees all teams' results
summed by quarter and sector, never one team's (workbook.statistics)."""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from workbook import statistics
from workbook.models import ReflectionQuestion, Statement, TeamStatistics


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


@admin.register(TeamStatistics)
class TeamStatisticsAdmin(admin.ModelAdmin):
    """Not a list of rounds: one page of sums, for whoever may view it (superusers)."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_urls(self):
        # Only the page of sums: no page of any single round exists.
        name = f"{self.opts.app_label}_{self.opts.model_name}_changelist"
        return [path("", self.admin_site.admin_view(self.changelist_view), name=name)]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        statements = list(Statement.objects.active().select_related("theme"))
        quarters = [
            {
                "quarter": quarter,
                "themes": quarter.total.themes(statements) if quarter.total else [],
                "statements": quarter.total.statements(statements) if quarter.total else [],
                "sectors": [
                    (name, total.teams, total.participants, total.themes(statements))
                    for name, total in quarter.sector_names
                ],
            }
            for quarter in statistics.quarters()
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": self.opts.verbose_name_plural.capitalize(),
            "opts": self.opts,
            "quarters": quarters,
            "min_teams": statistics.MIN_TEAMS,
            "threshold": settings.WORKBOOK_TEAM_THRESHOLD,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/workbook/team_statistics.html", context)
