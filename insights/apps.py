from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = _("Oivallukset")

    # What the site takes from this app (see valoa.apps).
    search_sources = ["insights.search.ArticleSource"]
    personal_data = ["insights.personal_data.COMMENTS", "insights.personal_data.AUTHORS"]
    retention = ["insights.personal_data.OLD_SPAM_AND_REJECTED"]
    moderation_queues = ["insights.moderation.pending_comments"]
    sitemaps = ["insights.sitemaps.ArticleSitemap", "insights.sitemaps.AuthorSitemap"]

    def ready(self) -> None:
        from insights.models import Author, Comment
        from valoa.posting.notifications import delete_mail_about_deleted
        from valoa.web.page_cache import invalidate_on_change

        invalidate_on_change(Author, Comment)
        delete_mail_about_deleted(Comment)
