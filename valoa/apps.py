from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    default = True
    name = "valoa"
    verbose_name = _("Sivusto")

    def ready(self) -> None:
        from valoa import checks, outbox_data  # noqa: F401  (register checks and data rules)
        from valoa.models import AboutPage, EditorialMember, Theme
        from valoa.page_cache import invalidate_on_change

        invalidate_on_change(Theme, AboutPage, EditorialMember)


class ValoaAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "valoa.admin_site.ValoaAdminSite"
