"""The models of the `valoa` app: the shared themes and the about page here, the rest in their
packages (imported
here so that Django finds them under the app label `valoa`)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from valoa.content.markdown import render_markdown
from valoa.outbox.models import OutboxMessage, OutboxQuerySet
from valoa.personal_data.models import PersonalDataAction
from valoa.search.models import SearchWord
from valoa.web import page_cache
from valoa.web.addresses import slug_url

__all__ = [
    "AboutPage",
    "EditorialMember",
    "OutboxMessage",
    "OutboxQuerySet",
    "PersonalDataAction",
    "SearchWord",
    "Theme",
]


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
        return slug_url("theme", self.slug)

    @classmethod
    def shared(cls) -> dict[int, "Theme"]:
        """Every theme by id, with what pages name them by (names, descriptions, addresses,
        order), read once per process (page_cache.kept_while_the_site_holds)."""
        return page_cache.kept_while_the_site_holds(
            "themes", lambda: {theme.pk: theme for theme in cls.showing("name", "description")}
        )

    @staticmethod
    def in_order(themes) -> list["Theme"]:
        """As Meta.ordering orders them, by the name in the language of the page."""
        return sorted(themes, key=lambda theme: (theme.order, theme.name))

    @classmethod
    def showing(cls, *fields):
        """The themes with only these texts loaded (in every language), their address and
        order: for pages that name them, not for their own page's long texts."""
        languages = ["", *(f"_{code}" for code, _name in settings.LANGUAGES)]
        texts = [f"{field}{suffix}" for field in fields for suffix in languages]
        return cls.objects.only("slug", "order", *texts)


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
