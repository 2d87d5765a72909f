from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from valoa.markdown import render_markdown


class Theme(models.Model):
    """One of the shared elements of the culture; one taxonomy for cases, insights, workbook."""

    name = models.CharField(_("nimi"), max_length=100, unique=True)
    slug = models.SlugField(_("tunniste"), max_length=100, unique=True)
    description = models.TextField(_("kuvaus"), blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    meaning = models.TextField(
        _("mitä teema tarkoittaa"),
        blank=True,
        help_text=_("Markdown. Kerro arkikielellä, mitä teema tarkoittaa ja miksi se on tärkeä."),
    )
    meaning_html = models.TextField(editable=False, default="")
    in_practice = models.TextField(
        _("miltä se näyttää arjessa"),
        blank=True,
        help_text=_("Markdown. Esimerkiksi luettelo tilanteista, joissa teeman tunnistaa."),
    )
    in_practice_html = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Rendered once here, in every language modeltranslation keeps, never per request.
        for code, _name in settings.LANGUAGES:
            for field in ("meaning", "in_practice"):
                text = getattr(self, f"{field}_{code}", None) or ""
                setattr(self, f"{field}_html_{code}", render_markdown(text))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("theme", kwargs={"slug": self.slug})


class Featurable(models.Model):
    """Published content editors may lift to the home page, in the order they choose."""

    featured = models.BooleanField(
        _("nosta etusivulle"),
        default=False,
        help_text=_("Näytetään etusivun nostoissa, kun sisältö on julkaistu."),
    )
    featured_order = models.PositiveSmallIntegerField(
        _("järjestys etusivulla"),
        default=0,
        blank=True,  # forms that leave it out (or empty) keep the default
        help_text=_("Pienin numero näytetään ensimmäisenä."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.featured_order is None:  # emptied in the admin
            self.featured_order = 0
        super().save(*args, **kwargs)


class OutboxQuerySet(models.QuerySet):
    def waiting(self):
        """Not sent yet, and still tried (see valoa.notifications)."""
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def failed(self):
        """Given up after every attempt failed: the editors must see these."""
        return self.filter(failed_at__isnull=False, sent_at__isnull=True)


class SearchWord(models.Model):
    """A word of published articles and cases, or a base form of one: what the search may
    suggest ("Tarkoititko…") when a query finds little. Readers' comments and queries add no
    words. Emptied and filled again when the search index is rebuilt."""

    word = models.CharField(max_length=100, unique=True)
    # For words of close spelling: the first two letters and the length.
    start = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["start", "length"], name="searchword_spelling_idx")]

    def __str__(self) -> str:
        return self.word

    @classmethod
    def of(cls, word: str) -> "SearchWord":
        return cls(word=word[:100], start=word[:2], length=len(word))


class OutboxMessage(models.Model):
    """An email the site owes someone: stored with the data it is about, sent after commit.

    A failed send stays here unsent; `manage.py send_outbox` retries it (safe to run from cron)
    with growing waits, and after the last attempt marks it failed (valoa.notifications).
    """

    purpose = models.CharField(_("aihe"), max_length=200)
    # The row the message is about, e.g. "insights.comment:12": erasure finds it by this.
    about = models.CharField(_("koskee"), max_length=100, blank=True, db_index=True)
    subject = models.CharField(_("otsikko"), max_length=300)
    body = models.TextField(_("viesti"))
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


class AboutPage(models.Model):
    """The "about VALOA" page (/tietoa/): one row, created by a migration, edited in the admin."""

    body = models.TextField(
        _("teksti"), help_text=_("Markdown. Mikä VALOA on, kenelle se on tehty ja miksi.")
    )
    body_html = models.TextField(editable=False, default="")
    controller = models.CharField(
        _("rekisterinpitäjä"),
        max_length=200,
        help_text=_("Organisaatio, joka ylläpitää sivustoa ja vastaa sen henkilötiedoista."),
    )
    contact_email = models.EmailField(_("toimituksen sähköposti"), blank=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    class Meta:
        verbose_name = _("Tietoa VALOAsta -sivu")
        verbose_name_plural = _("Tietoa VALOAsta -sivu")

    def __str__(self) -> str:
        return str(_("Tietoa VALOAsta"))

    def save(self, *args, **kwargs):
        for code, _name in settings.LANGUAGES:
            text = getattr(self, f"body_{code}", None) or ""
            setattr(self, f"body_html_{code}", render_markdown(text))
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("about")


class EditorialMember(models.Model):
    """A member of the editorial team, named on the about page."""

    page = models.ForeignKey(AboutPage, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("nimi"), max_length=200)
    role = models.CharField(_("tehtävä"), max_length=200)
    organisation = models.CharField(_("organisaatio"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("toimituksen jäsen")
        verbose_name_plural = _("toimitus")

    def __str__(self) -> str:
        return self.name
