from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Oivallukset")

    def ready(self) -> None:
        from insights import moderation, personal_data  # noqa: F401  (register queue, data)
        from insights.models import Article, Comment
        from valoa.page_cache import invalidate_on_change

        invalidate_on_change(Article, Comment)
