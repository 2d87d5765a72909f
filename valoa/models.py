"""The models of the `valoa` app: the shared themes here, the rest in their packages (imported
here so that Django finds them under the app label `valoa`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from valoa.outbox.models import OutboxMessage, OutboxQuerySet
from valoa.personal_data.models import PersonalDataAction
from valoa.search.models import SearchWord

__all__ = ["OutboxMessage", "OutboxQuerySet", "PersonalDataAction", "SearchWord", "Theme"]


class Theme(models.Model):
    """One of the shared elements of the culture; one taxonomy for cases, insights, workbook."""

    name = models.CharField(_("nimi"), max_length=100, unique=True)
    slug = models.SlugField(_("tunniste"), max_length=100, unique=True)
    description = models.TextField(_("kuvaus"), blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")

    def __str__(self) -> str:
        return self.name
