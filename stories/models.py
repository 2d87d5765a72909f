"""Contributors' stories: the form /innostu/kerro/, the signed status link and the editors'
review, until a story becomes a case draft (cases publishes it)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cases.models import Case, Sector
from stories.storage import private_storage
from valoa.content.images import delete_files_on_commit
from valoa.models import OutboxMessage
from valoa.posting.models import Posted
from valoa.posting.notifications import editor_addresses, safe_line, send_after_commit

# Unchanged since the stories lived in `cases`: the links already mailed keep working.
STATUS_LINK_SALT = "cases.submission-status"
# The contributor's address is not confirmed: at most this many receipts to it a day.
RECEIPTS_PER_ADDRESS_PER_DAY = 3
# A story's title as mails quote it (the subject is capped by the outbox).
TITLE_IN_MAIL_LENGTH = 120


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


class Submission(Posted):
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

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        # The table of the days when stories lived in `cases` (the rows are the same).
        db_table = "cases_submission"
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
        return reverse("stories:status", kwargs={"token": self.status_token()})

    def status_url(self) -> str:
        return settings.SITE_URL + self.status_path()

    def admin_url(self) -> str:
        return settings.SITE_URL + reverse("admin:stories_submission_change", args=[self.pk])

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

    @transaction.atomic  # the state and the editors' notification are stored together
    def withdraw(self) -> None:
        self.status = self.Status.WITHDRAWN
        self.withdrawn_at = timezone.now()
        self.save(update_fields=["status", "withdrawn_at", "updated_at"])
        self.notify_editors_on_commit(gettext("Kertoja perui kertomuksensa"))

    @transaction.atomic
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
            "stories/email/changes_requested.txt",
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

    def hold_as_spam(self, reason: str) -> None:
        self.status = self.Status.SPAM
        super().hold_as_spam(reason)

    def on_received(self) -> None:
        """A contributor has just sent this (valoa.posting): the receipt and the editors'
        notification, stored with the story; none for spam."""
        if self.status != self.Status.SPAM:
            self.send_receipt_on_commit()
            self.notify_editors_on_commit(gettext("Uusi kertomus"))

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
            "stories/email/receipt.txt",
            what=f"submission {self.pk} receipt",
        )

    def notify_editors_on_commit(self, event: str) -> None:
        context = {**self._email_context(), "event": event, "admin_url": self.admin_url()}
        send_after_commit(
            f"[VALOA] {event}: {self.title}",
            render_to_string("stories/email/editors.txt", context),
            editor_addresses(),
            what=f"submission {self.pk} notification",
            about=self,
        )


@receiver(post_delete, sender=Submission)
def delete_submission_attachment(sender, instance: Submission, **kwargs) -> None:
    # Deleting a submission is how an erasure request is carried out: the file goes too.
    delete_files_on_commit(private_storage, [instance.attachment.name])
