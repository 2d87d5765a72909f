"""The outbox: mail the site owes someone, stored before it is sent."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxQuerySet(models.QuerySet):
    def waiting(self):
        """Not sent yet, and still tried (see valoa.posting.notifications)."""
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def failed(self):
        """Given up after every attempt failed: the editors must see these."""
        return self.filter(failed_at__isnull=False, sent_at__isnull=True)


class OutboxMessage(models.Model):
    """An email the site owes someone: stored with the data it is about, sent after commit.

    A failed send stays here unsent; `manage.py send_outbox` retries it (safe to run from cron)
    with growing waits, and after the last attempt marks it failed (valoa.posting.notifications).
    """

    purpose = models.CharField(_("aihe"), max_length=200)
    # The row the message is about, e.g. "insights.comment:12": erasure finds it by this.
    about = models.CharField(_("koskee"), max_length=100, blank=True, db_index=True)
    subject = models.CharField(_("otsikko"), max_length=300)
    body = models.TextField(_("viesti"))
    # Mail to readers has an HTML part too, and headers of its own (Message-ID, fixed when the
    # message is stored so that a retry is the same message; List-Unsubscribe).
    html_body = models.TextField(_("HTML-viesti"), blank=True)
    headers = models.JSONField(_("otsakkeet"), default=dict, blank=True)
    recipients = models.JSONField(_("vastaanottajat"), default=list)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    sent_at = models.DateTimeField(_("lähetetty"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("yrityksiä"), default=0)
    last_error = models.CharField(_("viimeisin virhe"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("seuraava yritys"), null=True, blank=True)
    failed_at = models.DateTimeField(_("epäonnistui lopullisesti"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("lähtevä sähköposti")
        verbose_name_plural = _("lähtevät sähköpostit")

    def __str__(self) -> str:
        return self.purpose
