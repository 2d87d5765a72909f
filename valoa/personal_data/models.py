from django.db import models
from django.utils.translation import gettext_lazy as _


class PersonalDataAction(models.Model):
    """A log line for every search, export and erasure of a person's data."""

    class Action(models.TextChoices):
        SEARCH = "search", _("Haku")
        EXPORT = "export", _("Vienti")
        ERASE = "erase", _("Poisto")

    action = models.CharField(_("toimenpide"), max_length=10, choices=Action.choices)
    email_digest = models.CharField(_("osoitteen tiiviste"), max_length=32, db_index=True)
    summary = models.JSONField(_("kohteet"), default=dict)
    actor = models.ForeignKey(
        "auth.User", verbose_name=_("tekijä"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("aika"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("henkilötietotoimenpide")
        verbose_name_plural = _("henkilötietotoimenpiteet")
        permissions = [("handle_personal_data", _("Voi hakea, viedä ja poistaa henkilötietoja"))]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"
