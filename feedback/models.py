"""Readers' feedback on the site ("Anna palautetta", /palaute/): for the editors, never public."""

from django.conf import settings
from django.db import models
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from valoa.posting.models import Posted
from valoa.posting.notifications import editor_addresses, send_after_commit


class FeedbackQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=Feedback.Status.NEW)


class Feedback(Posted):
    class Status(models.TextChoices):
        NEW = "new", _("Uusi")
        HANDLED = "handled", _("Käsitelty")
        SPAM = "spam", _("Roskaposti")

    name = models.CharField(_("nimi"), max_length=100, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    message = models.TextField(_("viesti"), max_length=5000)
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("lähetetty"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("palaute")
        verbose_name_plural = _("palautteet")

    def __str__(self) -> str:
        text = " ".join(self.message.split())
        return text if len(text) <= 80 else text[:79] + "…"

    def hold_as_spam(self, reason: str) -> None:
        self.status = self.Status.SPAM
        super().hold_as_spam(reason)

    def on_received(self) -> None:
        """A reader has just sent this (valoa.posting): the editors hear of it, not of spam."""
        if self.status == self.Status.SPAM:
            return
        admin_url = reverse("admin:feedback_feedback_change", args=[self.pk])
        send_after_commit(
            gettext("[VALOA] Uusi palaute"),
            render_to_string(
                "feedback/email/editors.txt",
                {"feedback": self, "admin_url": settings.SITE_URL + admin_url},
            ),
            editor_addresses(),
            what=f"feedback {self.pk} notification",
            about=self,
        )
