from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbookConfig(AppConfig):
    name = "workbook"
    verbose_name = _("Työkirja")
