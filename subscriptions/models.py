"""Mail that readers asked for: news of their own comment, a weekly digest of what they follow,
and each editor's choice of how to hear about what waits for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from valoa.posting.models import Posted


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(Posted):
    """One double opt-in consent: nothing but the confirmation request goes to the address
    until it is confirmed (valoa.subscriptions.mail)."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Oman kommentin julkaisu ja vastaukset")
        DIGEST = "digest", _("Viikkokooste uusista kirjoituksista")

    class Section(models.TextChoices):
        CASES = "innostu", _("Innostu: esimerkit ja kokeilut")
        INSIGHTS = "oivallukset", _("Oivallukset: artikkelit")

    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices)
    email = models.EmailField(_("sähköposti"), db_index=True)
    language = models.CharField(_("kieli"), max_length=5, choices=settings.LANGUAGES)
    comment = models.ForeignKey(
        "insights.Comment",
        verbose_name=_("kommentti"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    sections = models.JSONField(_("osiot"), default=list, blank=True)
    themes = models.ManyToManyField("valoa.Theme", verbose_name=_("teemat"), blank=True)
    created_at = models.DateTimeField(_("tilattu"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("vahvistettu"), null=True, blank=True)
    approval_sent_at = models.DateTimeField(_("julkaisusta kerrottu"), null=True, blank=True)
    replies_sent_at = models.DateTimeField(_("vastauksista kerrottu"), null=True, blank=True)
    digest_sent_at = models.DateTimeField(_("kooste lähetetty"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tilaus")
        verbose_name_plural = _("tilaukset")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk}"

    def on_received(self) -> None:
        """A reader has just subscribed at /tilaa/ (valoa.posting): the double opt-in's first
        mail, not for an address held as spam (the form must not become a way to mail
        strangers)."""
        from subscriptions import mail  # it imports this module

        if not self.held_reason:
            mail.ask_to_confirm(self)


class ReplyNotice(models.Model):
    """An approved reply that a subscriber is to hear about (several within an hour: one mail)."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="reply_notices"
    )
    reply = models.ForeignKey("insights.Comment", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "reply"], name="one_notice_per_reply")
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.reply_id}"


class EditorMailPreference(models.Model):
    class Choice(models.TextChoices):
        EACH = "each", _("Sähköposti jokaisesta uudesta")
        DAILY = "daily", _("Päivittäinen kooste odottavista")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toimittaja"),
        on_delete=models.CASCADE,
        related_name="mail_preference",
    )
    choice = models.CharField(
        _("ilmoitukset"), max_length=10, choices=Choice.choices, default=Choice.EACH
    )

    class Meta:
        verbose_name = _("toimittajan sähköpostiasetus")
        verbose_name_plural = _("toimittajien sähköpostiasetukset")

    def __str__(self) -> str:
        return str(self.user)
