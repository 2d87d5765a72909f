from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbookConfig(AppConfig):
    name = "workbook"
    verbose_name = _("Työkirja")

    def ready(self):
        from valoa.page_cache import invalidate_on_change
        from workbook.models import ReflectionQuestion, Statement

        # Cached summaries show the statements and questions editors keep in the admin.
        invalidate_on_change(Statement, ReflectionQuestion)
