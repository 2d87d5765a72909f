from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class ValoaConfig(AppConfig):
    default = True
    name = "valoa"
    verbose_name = _("Sivusto")

    def ready(self) -> None:
        from valoa import checks, outbox_data  # noqa: F401  (register checks and data rules)
        from valoa.models import Theme
        from valoa.page_cache import invalidate_on_change

        invalidate_on_change(Theme)


class ValoaAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "valoa.admin_site.ValoaAdminSite"


class AxesConfig(AxesAppConfig):
    """django-axes under a Finnish name in the admin (its own is "Axes")."""

    verbose_name = _("Kirjautumisyritykset")
