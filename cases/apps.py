from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Innostu: esimerkit ja kokeilut")

    # What the site takes from this app (see valoa.apps).
    search_sources = ["cases.search.CaseSource"]
    sitemaps = ["cases.sitemaps.CaseSitemap"]
