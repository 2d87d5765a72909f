from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

# What an app may contribute to the whole site, declared as class attributes of its AppConfig
# that list dotted paths (`valoa` imports them; it never imports an app by name):
# - search_sources: `valoa.search.SearchSource` subclasses, one per kind of content
# - personal_data: `valoa.personal_data.PersonalDataSource`s for the editors' data tools
# - retention: `valoa.personal_data.RetentionRule`s that `apply_retention` runs
# - moderation_queues: functions (request, limit) → `valoa.moderation.Queue` or None
# - sitemaps: `valoa.content.sitemaps.SiteSitemap` subclasses with a `section` name
# - editor_recipients: functions (addresses) → addresses, who gets mail about each new item
# An app may also list `sitemap_pages`: names of URLs with no document behind them.
CONTRIBUTIONS = (
    "search_sources",
    "personal_data",
    "retention",
    "moderation_queues",
    "sitemaps",
    "editor_recipients",
)
_contributed: dict[str, list] = {}


def contributed(kind: str) -> list:
    """What the installed apps contribute as `kind`, in the order of INSTALLED_APPS."""
    if kind not in _contributed:
        _contributed[kind] = [
            import_string(path)
            for config in apps.get_app_configs()
            for path in getattr(config, kind, ())
        ]
    return _contributed[kind]


class ValoaConfig(AppConfig):
    default = True
    name = "valoa"
    verbose_name = _("Sivusto")

    personal_data = ["valoa.outbox.data.SENT_MAIL"]
    retention = ["valoa.outbox.data.OLD_MAIL"]
    moderation_queues = ["valoa.admin.failed_mail"]
    sitemaps = ["valoa.content.sitemaps.ThemeSitemap"]

    def ready(self) -> None:
        from valoa import checks, database  # noqa: F401  (register the checks, a receiver)
        from valoa.content.models import PublishedContent, keep_theme_ids
        from valoa.models import AboutPage, EditorialMember, Theme
        from valoa.search.sources import keep_index_current
        from valoa.web.page_cache import changes_on_schedule, invalidate_on_change

        # Every app's modules are importable now; import what they contribute while the
        # default language is active (labels are made once).
        for kind in CONTRIBUTIONS:
            contributed(kind)
        keep_index_current()
        invalidate_on_change(Theme, AboutPage, EditorialMember)
        # Published content, and which themes it is in, is what readers see on most pages; what
        # is published with a future time appears then by itself.
        for model in apps.get_models():
            if issubclass(model, PublishedContent):
                invalidate_on_change(model, relations=[model.themes.through])
                m2m_changed.connect(keep_theme_ids, sender=model.themes.through)
                changes_on_schedule(model.objects.next_scheduled)


class ValoaAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "valoa.admin_site.ValoaAdminSite"


class AxesConfig(AxesAppConfig):
    """django-axes under a Finnish name in the admin (its own is "Axes")."""

    verbose_name = _("Kirjautumisyritykset")
