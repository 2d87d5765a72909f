from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkbookConfig(AppConfig):
    name = "workbook"
    verbose_name = _("Työkirja")
    sitemap_pages = ["workbook:start"]  # see valoa.apps

    def ready(self):
        from django.db.models.signals import post_delete

        from valoa.web.page_cache import invalidate_on_change, invalidate_scope
        from workbook.models import ReflectionQuestion, Statement, Workbook

        # Cached summaries show the statements and questions editors keep in the admin.
        invalidate_on_change(Statement, ReflectionQuestion)
        post_delete.connect(
            lambda instance, **kwargs: invalidate_scope(instance.page_cache_scope),
            sender=Workbook,
            weak=False,
            dispatch_uid="page-cache-workbook-deleted",
        )
