from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Oivallukset")

    def ready(self) -> None:
        # Register the moderation queue, personal data, search source and sitemap.
        from insights import moderation, personal_data, search, sitemaps  # noqa: F401
        from insights.models import Article, Author, Comment
        from valoa.notifications import delete_mail_about_deleted
        from valoa.page_cache import changes_on_schedule, invalidate_on_change

        changes_on_schedule(Article.objects.next_scheduled)
        invalidate_on_change(Article, Author, Comment, relations=[Article.themes.through])
        delete_mail_about_deleted(Comment)
