from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Oivallukset")

    def ready(self) -> None:
        # Register the moderation queue, personal data, search source and sitemap.
        from insights import moderation, personal_data, search, sitemaps  # noqa: F401
        from insights.models import Article, Comment
        from valoa.page_cache import invalidate_on_change
        from valoa.posting.notifications import delete_mail_about_deleted

        invalidate_on_change(Article, Comment, relations=[Article.themes.through])
        delete_mail_about_deleted(Comment)
