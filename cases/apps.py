from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Innostu: esimerkit ja kokeilut")

    def ready(self) -> None:
        # Register search and the sitemap.
        from cases import search, sitemaps  # noqa: F401
        from cases.models import Case
        from valoa.page_cache import invalidate_on_change

        invalidate_on_change(Case, relations=[Case.themes.through])
