from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from valoa.moderation import oldest_first, queues_for


class ValoaAdminSite(admin.AdminSite):
    site_header = _("VALOA – toimituksen työkalut")
    site_title = _("VALOA-ylläpito")
    index_title = _("Toimitus")
    # The breadcrumbs and the index lead everywhere; without the sidebar the lists' columns
    # fit a 1280 px screen beside their filters.
    enable_nav_sidebar = False

    def index(self, request, extra_context=None):
        queues = queues_for(request)
        context = {
            "moderation_queues": queues,
            "moderation_items": oldest_first(queues),
            **(extra_context or {}),
        }
        return super().index(request, extra_context=context)

    def get_urls(self):
        from valoa.admin_markdown import markdown_preview
        from valoa.personal_data.views import personal_data_view

        own = [
            path(
                "henkilotiedot/",
                self.admin_view(lambda request: personal_data_view(request, self)),
                name="personal_data",
            ),
            path(
                "markdown-esikatselu/",
                self.admin_view(markdown_preview),
                name="markdown_preview",
            ),
        ]
        return own + super().get_urls()
