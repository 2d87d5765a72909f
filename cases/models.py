from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.images import resized_versions
from cases.storage import private_storage
from valoa.markdown import render_markdown
from valoa.models import OutboxMessage
from valoa.notifications import safe_line, send_after_commit

STATUS_LINK_SALT = "cases.submission-status"
# Addresses under /innostu/ that belong to the story form, not to a case.
RESERVED_SLUGS = {"kerro"}
# How many of the newest cases sharing a theme are compared for a case page's suggestions.
RELATED_CANDIDATES = 100
# The contributor's address is not confirmed: at most this many receipts to it a day.
RECEIPTS_PER_ADDRESS_PER_DAY = 3
# A story's title as mails quote it (the subject is capped by the outbox).
TITLE_IN_MAIL_LENGTH = 120


class Sector(models.TextChoices):
    STATE = "valtio", _("Valtion virasto")
    MUNICIPALITY = "kunta", _("Kunta")
    WELLBEING = "hyvinvointialue", _("Hyvinvointialue")
    OTHER = "muu", _("Muu julkinen organisaatio")


class CaseQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            status=Case.Status.PUBLISHED, published_at__lte=timezone.now()
        ).prefetch_related("themes")

    def next_scheduled(self, now):
        """When the next case published with a future time appears, or None."""
        later = self.filter(status=Case.Status.PUBLISHED, published_at__gt=now)
        return later.aggregate(first=models.Min("published_at"))["first"]

    def related_to(self, case: "Case", count: int = 3):
        """Other published cases, those sharing the most themes with `case` first, then newest.

        One query, whatever the number of cases. Only the RELATED_CANDIDATES newest cases that
        share a theme (and the `count` newest others, for a case with few such) are compared,
        so the work stays the same as cases accumulate. The suggestions are shown without
        their themes.
        """
        theme_ids = [theme.pk for theme in case.themes.all()]
        others = (
            self.published()
            .prefetch_related(None)
            .exclude(pk=case.pk)
            .order_by("-published_at", "pk")
        )
        shares_a_theme = Exists(
            Case.themes.through.objects.filter(case=OuterRef("pk"), theme__in=theme_ids)
        )
        newest = others.values("pk")[:count]
        candidates = others.filter(shares_a_theme | Q(pk__in=newest)).values("pk")
        return (
            others.filter(pk__in=candidates[: RELATED_CANDIDATES + count])
            .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True))
            .order_by("-shared_themes", "-published_at", "pk")[:count]
        )


class Case(models.Model):
    """A case example or an experiment of one organisation, written up by the editors."""

    class Kind(models.TextChoices):
        CASE = "esimerkki", _("Tapausesimerkki")
        EXPERIMENT = "kokeilu", _("Kokeilu")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        PUBLISHED = "published", _("Julkaistu")

    # The four Markdown sections, in the order they are shown: (field, heading).
    SECTIONS = [
        ("background", _("Tausta ja haaste")),
        ("actions", _("Mitä tehtiin")),
        ("learnings", _("Mitä opittiin")),
        ("tips", _("Vinkit muille")),
    ]

    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices, default=Kind.CASE)
    title = models.CharField(_("otsikko"), max_length=200)
    slug = models.SlugField(_("osoitetunniste"), max_length=200, unique=True)
    organisation = models.CharField(_("organisaatio"), max_length=200)
    sector = models.CharField(_("sektori"), max_length=20, choices=Sector.choices)
    lead = models.TextField(_("ingressi"), max_length=600)
    background = models.TextField(
        _("tausta ja haaste"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    actions = models.TextField(
        _("mitä tehtiin"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    learnings = models.TextField(
        _("mitä opittiin"),
        blank=True,
        help_text=_("Markdown-muotoilu on käytössä. Kerro myös siitä, mikä ei toiminut."),
    )
    tips = models.TextField(
        _("vinkit muille"), blank=True, help_text=_("Markdown-muotoilu on käytössä.")
    )
    background_html = models.TextField(editable=False, default="")
    actions_html = models.TextField(editable=False, default="")
    learnings_html = models.TextField(editable=False, default="")
    tips_html = models.TextField(editable=False, default="")
    duration = models.CharField(
        _("kesto tai vuosi"),
        max_length=100,
        blank=True,
        help_text=_("Esimerkiksi ”2023–2024” tai ”puoli vuotta, syksy 2024”."),
    )
    themes = models.ManyToManyField("valoa.Theme", verbose_name=_("teemat"), blank=True)
    image = models.ImageField(
        _("kuva"),
        upload_to="innostu/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG tai WebP. Kuva pienennetään tallennettaessa enintään 1 200 pikselin "
            "levyiseksi."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_small = models.ImageField(
        upload_to="innostu/",
        blank=True,
        editable=False,
        width_field="image_small_width",
        height_field="image_small_height",
    )
    image_small_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_small_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("kuvan tekstivastine"),
        max_length=300,
        blank=True,
        help_text=_("Pakollinen, jos kuva on. Kerro lyhyesti, mitä kuvassa on."),
    )
    contact = models.TextField(
        _("yhteyshenkilö"),
        max_length=500,
        blank=True,
        help_text=_(
            "Nimi ja yhteystieto. Näytetään sivulla vain, jos alla oleva kohta on valittu."
        ),
    )
    contact_public = models.BooleanField(
        _("yhteystiedot näytetään sivulla"),
        default=False,
        help_text=_("Valitse vain, jos yhteyshenkilö on antanut siihen luvan."),
    )
    is_demo = models.BooleanField(
        _("kuvitteellinen esittelysisältö"),
        default=False,
        help_text=_(
            "Sivulla kerrotaan, että esimerkki on kuvitteellinen ja vain esittelyä varten."
        ),
    )
    language = models.CharField(
        _("sisällön kieli"), max_length=5, choices=settings.LANGUAGES, default="fi"
    )
    status = models.CharField(
        _("tila"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("julkaisuaika"),
        default=timezone.now,
        help_text=_("Julkaistu tulee lukijoiden näkyviin tästä hetkestä alkaen."),
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)
    # Every saved version, who saved it and when; an editor can restore one in the admin.
    # What is derived from the sections is left out: it is rendered again when a version returns.
    # So is the image: a replaced image's files are deleted, and a version keeps today's image.
    history = HistoricalRecords(
        verbose_name=_("esimerkin tai kokeilun versio"),
        verbose_name_plural=_("esimerkkien ja kokeilujen versiot"),
        excluded_fields=[
            *(f"{field}_html" for field, _heading in SECTIONS),
            "search_vector",
            *("image", "image_width", "image_height", "image_alt"),
            *("image_small", "image_small_width", "image_small_height"),
        ],
        m2m_fields=["themes"],
    )
    # Search (valoa.search, registered in cases/search.py) indexes these fields, weighted, on
    # every save: on PostgreSQL into search_vector (GIN index by migration, PostgreSQL only, so
    # not in Meta.indexes), on SQLite into the FTS5 table cases_case_fts.
    SEARCH_FIELDS = {
        "title": "A",
        "lead": "B",
        "background": "C",
        "actions": "C",
        "learnings": "C",
        "tips": "C",
    }
    search_vector = SearchVectorField(null=True, editable=False)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "pk"]
        verbose_name = _("esimerkki tai kokeilu")
        verbose_name_plural = _("esimerkit ja kokeilut")
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            # The list's filters by kind and by sector, newest first.
            models.Index(fields=["status", "kind", "-published_at"], name="case_status_kind_idx"),
            models.Index(
                fields=["status", "sector", "-published_at"], name="case_status_sector_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        for field, _heading in self.SECTIONS:
            # Under the section's own h2 heading.
            setattr(self, f"{field}_html", render_markdown(getattr(self, field), top_heading=3))
        replaced = self._resize_new_image()
        # The search index (post_save) is written in the same transaction, before the page
        # cache's bump after the commit.
        with transaction.atomic():
            super().save(*args, **kwargs)
            delete_files_on_commit(self.image.storage, replaced)

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", kwargs={"slug": self.slug})

    def get_preview_url(self) -> str:
        return reverse("cases:preview", kwargs={"pk": self.pk})

    def is_public(self) -> bool:
        """Shown to readers (now, or from its publishing time): its changes empty the page cache."""
        return self.status == self.Status.PUBLISHED

    def clean(self):
        super().clean()
        errors = {}
        if self.image and not self.image_alt.strip():
            errors["image_alt"] = _("Kirjoita kuvalle tekstivastine: mitä kuvassa on.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Osoitetunniste ”%(slug)s” on varattu. Valitse toinen.") % {
                "slug": self.slug
            }
        if errors:
            raise ValidationError(errors)

    @classmethod
    def unique_slug(cls, title: str) -> str:
        base = slugify(title)[:190].strip("-") or "esimerkki"
        if base in RESERVED_SLUGS:
            base = f"{base}-esimerkki"
        slug, number = base, 1
        while cls.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def sections(self) -> list[tuple[str, str]]:
        """(heading, html) of the sections that have content, in reading order."""
        return [
            (heading, getattr(self, f"{field}_html"))
            for field, heading in self.SECTIONS
            if getattr(self, f"{field}_html")
        ]

    def _resize_new_image(self) -> list[str]:
        """Store a newly uploaded image in two sensible widths; returns files now unused."""
        old = {}
        if self.pk:
            old = Case.objects.filter(pk=self.pk).values("image", "image_small").first() or {}
        if self.image and not self.image._committed:
            large, small = resized_versions(self.image.file, self.image.name)
            self.image.save(large.name, large, save=False)
            self.image_small.save(small.name, small, save=False)
        elif not self.image:
            self.image_small = None
            self.image_width = self.image_height = None
            self.image_small_width = self.image_small_height = None
        current = {self.image.name or "", self.image_small.name or ""}
        return [name for name in old.values() if name and name not in current]


def attachment_path(submission: "Submission", filename: str) -> str:
    # The name comes from the detected type; the contributor's own name is kept separately.
    return timezone.now().strftime("kertomukset/%Y/%m/") + filename


class SubmissionQuerySet(models.QuerySet):
    def awaiting_editors(self):
        """New and returned stories, and erasure requests: what editors should look at next."""
        return self.filter(
            Q(status__in=[Submission.Status.NEW, Submission.Status.RETURNED])
            | Q(erasure_requested_at__isnull=False)
        )


class Submission(models.Model):
    """A contributor's story offered through the form /innostu/kerro/."""

    class Kind(models.TextChoices):
        CASE = "esimerkki", _("Tapausesimerkki")
        EXPERIMENT = "kokeilu", _("Kokeilu")
        IDEA = "idea", _("Lyhyt idea")

    class Status(models.TextChoices):
        NEW = "new", _("Uusi")
        RETURNED = "returned", _("Muokattu ja palautettu")
        IN_REVIEW = "in_review", _("Käsittelyssä")
        CHANGES_REQUESTED = "changes_requested", _("Muutoksia pyydetty")
        PUBLISHED = "published", _("Julkaistu")
        DECLINED = "declined", _("Ei julkaista")
        WITHDRAWN = "withdrawn", _("Kertoja perui")
        SPAM = "spam", _("Roskaposti")

    # What the contributor sees on the status page: (heading, explanation).
    PUBLIC_STATUS = {
        Status.NEW: (
            _("Vastaanotettu"),
            _(
                "Kertomuksesi on tallessa. Luemme sen ja otamme sinuun yhteyttä "
                "sähköpostitse, jos tarvitsemme lisätietoja tai haluamme julkaista sen."
            ),
        ),
        Status.RETURNED: (
            _("Muokattu kertomus vastaanotettu"),
            _("Kiitos muutoksista. Toimitus lukee muokatun kertomuksen ja on sinuun yhteydessä."),
        ),
        Status.IN_REVIEW: (
            _("Käsittelyssä"),
            _(
                "Toimitus valmistelee kertomuksesta juttua tai selvittää, miten sitä voisi "
                "käyttää. Kysymme sinulta ennen kuin mitään julkaistaan."
            ),
        ),
        Status.CHANGES_REQUESTED: (
            _("Muutoksia pyydetty"),
            _(
                "Toimitus pyytää sinulta muutoksia tai lisätietoja. Lue viesti alta, muokkaa "
                "kertomusta ja lähetä se takaisin."
            ),
        ),
        Status.PUBLISHED: (
            _("Julkaistu"),
            _("Kertomuksesi pohjalta on julkaistu juttu. Kiitos, että jaoit kokemuksesi!"),
        ),
        Status.DECLINED: (
            _("Ei julkaista"),
            _(
                "Toimitus on päättänyt, ettei kertomusta julkaista tällä kertaa. Kiitos silti, "
                "että jaoit kokemuksesi."
            ),
        ),
        Status.WITHDRAWN: (
            _("Peruttu"),
            _("Perusit kertomuksesi. Sitä ei julkaista."),
        ),
    }
    # Spam is not announced as such: whoever holds the link sees only "received".
    PUBLIC_STATUS[Status.SPAM] = PUBLIC_STATUS[Status.NEW]

    name = models.CharField(_("nimi"), max_length=100)
    email = models.EmailField(_("sähköposti"))
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    role = models.CharField(_("tehtävä tai rooli"), max_length=150, blank=True)
    organisation = models.CharField(_("organisaatio"), max_length=200)
    kind = models.CharField(_("laji"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("otsikko"), max_length=200)
    story = models.TextField(_("kertomus"), max_length=10_000)
    themes = models.ManyToManyField("valoa.Theme", verbose_name=_("teemat"), blank=True)
    attachment = models.FileField(
        _("liite"), storage=private_storage, upload_to=attachment_path, blank=True
    )
    attachment_name = models.CharField(_("liitteen alkuperäinen nimi"), max_length=255, blank=True)
    attachment_type = models.CharField(_("liitteen tyyppi"), max_length=10, blank=True)
    consent = models.BooleanField(_("suostumus yhteydenottoon ja muokkaukseen"), default=False)
    status = models.CharField(
        _("tila"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    held_reason = models.CharField(_("pidätetty, koska"), max_length=200, blank=True)
    internal_note = models.TextField(
        _("sisäinen muistiinpano"),
        blank=True,
        help_text=_("Vain toimituksen nähtävissä. Ei lähetetä kertojalle."),
    )
    changes_message = models.TextField(_("viesti kertojalle"), blank=True)
    changes_requested_at = models.DateTimeField(_("muutoksia pyydetty"), null=True, blank=True)
    returned_at = models.DateTimeField(_("palautettu muokattuna"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("peruttu"), null=True, blank=True)
    erasure_requested_at = models.DateTimeField(
        _("pyysi tietojensa poistamista"), null=True, blank=True
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("esimerkki tai kokeilu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
    )
    created_at = models.DateTimeField(_("lähetetty"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)
    # One showing of the form stores a story once, however many times it is posted.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kertomus")
        verbose_name_plural = _("kertomukset")
        permissions = [("export_submission", _("Voi viedä kertomuksia CSV-tiedostona"))]

    def __str__(self) -> str:
        return self.title

    # The contributor's status link -------------------------------------------------------

    def status_token(self) -> str:
        # No timestamp: one submission has one link, the same in every email.
        return signing.Signer(salt=STATUS_LINK_SALT).sign_object(self.pk)

    @classmethod
    def from_status_token(cls, token: str) -> "Submission | None":
        try:
            pk = signing.Signer(salt=STATUS_LINK_SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        if not isinstance(pk, int):
            return None
        return cls.objects.filter(pk=pk).prefetch_related("themes").first()

    def status_path(self) -> str:
        return reverse("cases:status", kwargs={"token": self.status_token()})

    def status_url(self) -> str:
        return settings.SITE_URL + self.status_path()

    def admin_url(self) -> str:
        return settings.SITE_URL + reverse("admin:cases_submission_change", args=[self.pk])

    def public_status(self) -> tuple[str, str]:
        return self.PUBLIC_STATUS[self.Status(self.status)]

    # What a contributor may do -----------------------------------------------------------

    @property
    def can_withdraw(self) -> bool:
        return self.status not in {
            self.Status.WITHDRAWN,
            self.Status.PUBLISHED,
            self.Status.DECLINED,
        }

    @property
    def can_edit(self) -> bool:
        return self.status == self.Status.CHANGES_REQUESTED

    @property
    def waiting_since(self):
        return self.erasure_requested_at or self.returned_at or self.created_at

    def withdraw(self) -> None:
        self.status = self.Status.WITHDRAWN
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["status", "withdrawn_at", "updated_at"])
        self.notify_editors_on_commit(gettext("Kertoja perui kertomuksensa"))

    def request_erasure(self) -> None:
        if self.erasure_requested_at is None:
            self.erasure_requested_at = timezone.now()
            self.save(update_fields=["erasure_requested_at", "updated_at"])
            self.notify_editors_on_commit(gettext("Kertoja pyytää tietojensa poistamista"))

    def mark_returned(self) -> None:
        """The contributor has edited the story after a request and sent it back."""
        self.status = self.Status.RETURNED
        self.returned_at = timezone.now()
        self.save()
        self.notify_editors_on_commit(gettext("Muokattu kertomus palautettiin"))

    def create_draft_case(self) -> Case:
        """A draft case with this story's details; the submission is linked and in review."""
        paragraphs = [p.strip() for p in self.story.split("\n\n") if p.strip()]
        contact = "\n".join(part for part in (self.name, self.role, self.email, self.phone) if part)
        case = Case.objects.create(
            kind=Case.Kind.EXPERIMENT if self.kind == self.Kind.EXPERIMENT else Case.Kind.CASE,
            title=self.title,
            slug=Case.unique_slug(self.title),
            organisation=self.organisation,
            sector=Sector.OTHER,
            lead=Truncator(paragraphs[0] if paragraphs else self.title).chars(600),
            background=self.story,
            contact=contact,
            contact_public=False,
            status=Case.Status.DRAFT,
        )
        case.themes.set(self.themes.all())
        self.case = case
        self.status = self.Status.IN_REVIEW
        self.save(update_fields=["case", "status", "updated_at"])
        return case

    def request_changes(self, message: str) -> OutboxMessage | None:
        """Ask the contributor for changes; the email to them, or None if none was stored."""
        self.status = self.Status.CHANGES_REQUESTED
        self.changes_message = message
        self.changes_requested_at = timezone.now()
        self.save(update_fields=["status", "changes_message", "changes_requested_at", "updated_at"])
        return self._email_contributor(
            gettext("[VALOA] Toimitus pyytää muutoksia kertomukseesi: %(title)s"),
            "cases/email/changes_requested.txt",
            what=f"submission {self.pk} change request",
        )

    # Email ---------------------------------------------------------------------------------

    def _email_context(self) -> dict:
        return {
            "submission": self,
            "title": safe_line(self.title, TITLE_IN_MAIL_LENGTH),
            "status_url": self.status_url(),
        }

    def _email_contributor(self, subject: str, template: str, what: str) -> OutboxMessage | None:
        return send_after_commit(
            subject % {"title": self.title},
            render_to_string(template, self._email_context()),
            [self.email] if self.email else [],
            what=what,
            about=self,
        )

    def over_receipt_limit(self) -> bool:
        """True when the address already got RECEIPTS_PER_ADDRESS_PER_DAY receipts in the day
        before this story: nobody confirmed it, so the form must not mail it without end."""
        earlier = Submission.objects.filter(
            email__iexact=self.email,
            created_at__gte=self.created_at - timedelta(days=1),
            pk__lt=self.pk,
        ).exclude(status=self.Status.SPAM)
        return earlier.count() >= RECEIPTS_PER_ADDRESS_PER_DAY

    def send_receipt_on_commit(self) -> None:
        """The receipt carries the title (made safe) and the status link, nothing else the
        sender wrote: the address is not confirmed, so the form must not be a way to mail
        chosen text to anyone."""
        if self.over_receipt_limit():
            return
        self._email_contributor(
            gettext("[VALOA] Kiitos kertomuksestasi: %(title)s"),
            "cases/email/receipt.txt",
            what=f"submission {self.pk} receipt",
        )

    def notify_editors_on_commit(self, event: str) -> None:
        context = {**self._email_context(), "event": event, "admin_url": self.admin_url()}
        send_after_commit(
            f"[VALOA] {event}: {self.title}",
            render_to_string("cases/email/editors.txt", context),
            settings.MODERATOR_EMAILS,
            what=f"submission {self.pk} notification",
            about=self,
        )


def delete_files_on_commit(storage, names: list[str]) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


@receiver(post_delete, sender=Case)
def delete_case_images(sender, instance: Case, **kwargs) -> None:
    delete_files_on_commit(instance.image.storage, [instance.image.name, instance.image_small.name])


@receiver(post_delete, sender=Submission)
def delete_submission_attachment(sender, instance: Submission, **kwargs) -> None:
    # Deleting a submission is how an erasure request is carried out: the file goes too.
    delete_files_on_commit(private_storage, [instance.attachment.name])
