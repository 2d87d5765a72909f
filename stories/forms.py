"""The story form, the contributor's edit after a change request and the editors' message."""

import re
import uuid

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from cases.models import delete_files_on_commit
from stories import attachments
from stories.models import Submission
from stories.storage import private_storage
from valoa.models import Theme
from valoa.posting.forms import (
    CONTACT_ERROR_MESSAGES,
    CONTACT_WIDGETS,
    HONEYPOT_FIELD,
    TIME_TRAP_FIELD,
    PublicForm,
    files_deleted_on_failure,
)

PHONE_PATTERN = re.compile(r"^\+?[0-9 ()\-]{5,40}$")


class TelInput(forms.TextInput):
    input_type = "tel"


class AttachmentMixin:
    """An optional attachment: PDF, DOCX, ODT, JPEG or PNG, checked by content and size."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attachment"]
        field.help_text = field.help_text % {"limit": attachments.max_mb()}

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not isinstance(upload, UploadedFile):
            return None
        # The size is known before anything is read: a large upload is already on disk in a
        # temporary file (FILE_UPLOAD_MAX_MEMORY_SIZE), and it is never read in.
        if upload.size > attachments.max_bytes():
            raise forms.ValidationError(
                _(
                    "Liite on liian suuri (%(size)s). Suurin sallittu koko on %(limit)d Mt. "
                    "Pienennä tiedostoa tai lähetä kertomus ilman liitettä: toimitus voi pyytää "
                    "aineiston myöhemmin."
                ),
                code="too_large",
                params={
                    "size": attachments.megabytes(upload.size),
                    "limit": attachments.max_mb(),
                },
            )
        kind = attachments.detect_kind(upload)
        if kind is None:
            raise forms.ValidationError(
                _(
                    "Liitteen pitää olla PDF-, DOCX-, ODT-, JPEG- tai PNG-tiedosto. Tiedosto "
                    "”%(name)s” ei sisällöltään ole mikään näistä, vaikka sen nimi voi näyttää "
                    "siltä."
                ),
                code="wrong_type",
                params={"name": upload.name},
            )
        self.attachment_kind = kind
        self.attachment_original_name = get_valid_filename(upload.name)[-255:] or kind.extension
        # Stored under a random name with the extension of what the file really is.
        upload.name = f"{uuid.uuid4().hex}.{kind.extension}"
        return upload

    def _store_attachment_details(self, submission: Submission) -> None:
        if getattr(self, "attachment_kind", None):
            submission.attachment_name = self.attachment_original_name
            submission.attachment_type = self.attachment_kind.extension


def attachment_field(help_text) -> forms.FileField:
    return forms.FileField(
        label=_("Liite"),
        required=False,
        help_text=help_text,
        # Plain file input: a private attachment has no URL to show as the "current" file.
        widget=forms.FileInput(
            attrs={
                "accept": ".pdf,.docx,.odt,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                "application/vnd.oasis.opendocument.text"
            }
        ),
        error_messages={"empty": _("Liitetiedosto on tyhjä. Valitse toinen tiedosto.")},
    )


STORY_ERRORS = {
    "kind": {
        "required": _("Valitse, onko kertomuksesi tapausesimerkki, kokeilu vai lyhyt idea."),
        "invalid_choice": _("Valitse jokin annetuista vaihtoehdoista."),
    },
    "title": {
        "required": _("Anna kertomukselle otsikko."),
        "max_length": _("Otsikko voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d)."),
    },
    "story": {
        "required": _("Kirjoita kertomuksesi."),
        "max_length": _(
            "Kertomus voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d). Lyhennä "
            "tekstiä tai lähetä pidempi kuvaus liitteenä."
        ),
    },
    "themes": {"invalid_choice": _("Valitse teemat annetuista vaihtoehdoista.")},
}
# The kinds as the form explains them.
KIND_CHOICES = [
    (
        Submission.Kind.CASE,
        _("Tapausesimerkki: uusi tapa toimia, kerrottuna jälkikäteen"),
    ),
    (
        Submission.Kind.EXPERIMENT,
        _("Kokeilu: jotain kokeiltiin rajatun ajan, ja siitä opittiin jotain"),
    ),
    (Submission.Kind.IDEA, _("Lyhyt idea: toimitus ottaa yhteyttä ja kysyy lisää")),
]
STORY_LABELS = {
    "kind": _("Kertomuksen laji"),
    "title": _("Otsikko"),
    "story": _("Kertomus"),
    "themes": _("Teemat"),
}
STORY_HELP = {
    "title": _("Esimerkiksi ”Tiimit suunnittelevat itse viikkonsa”."),
    "story": _(
        "Mikä oli tilanne tai haaste? Mitä teitte? Mitä opitte, myös siitä mikä ei toiminut? "
        "Enintään 10 000 merkkiä."
    ),
    "themes": _("Valitse ne, joihin kokemuksesi liittyy. Voit jättää tyhjäksi."),
}
STORY_WIDGETS = {
    "kind": forms.RadioSelect,
    "story": forms.Textarea(attrs={"rows": 14}),
    "themes": forms.CheckboxSelectMultiple,
}


class SubmissionForm(AttachmentMixin, PublicForm, forms.ModelForm):
    """Kerro kokemuksesta: a contributor's story, or a short idea for the editors."""

    rate_limit_scope = "submission"
    spam_fields = ("title", "story")
    kept_field = "story"

    attachment = attachment_field(
        _(
            "Vapaaehtoinen. PDF, DOCX, ODT, JPEG tai PNG, enintään %(limit)d Mt. Liite näkyy "
            "vain toimitukselle."
        )
    )
    consent = forms.BooleanField(
        label=_("Toimitus saa ottaa minuun yhteyttä ja muokata tekstiäni julkaisua varten"),
        error_messages={
            "required": _(
                "Merkitse suostumus, jotta toimitus voi ottaa sinuun yhteyttä ja muokata tekstiä "
                "julkaisua varten."
            )
        },
    )

    class Meta:
        model = Submission
        fields = [
            "name",
            "email",
            "phone",
            "role",
            "organisation",
            "kind",
            "title",
            "story",
            "themes",
            "attachment",
            "consent",
        ]
        labels = {
            "name": _("Nimi"),
            "email": _("Sähköposti"),
            "phone": _("Puhelin"),
            "role": _("Tehtävä tai rooli"),
            "organisation": _("Organisaatio"),
            **STORY_LABELS,
        }
        help_texts = {
            "email": _(
                "Lähetämme tähän osoitteeseen kuittauksen ja linkin, josta näet kertomuksesi "
                "tilan. Osoitetta ei näytetä julkisesti."
            ),
            "phone": _("Vapaaehtoinen. Jos soitto sopii sinulle paremmin kuin sähköposti."),
            "role": _("Vapaaehtoinen. Esimerkiksi tiiminvetäjä, kehittämispäällikkö tai HR."),
            "organisation": _("Virasto, kunta, hyvinvointialue tai muu julkinen organisaatio."),
            **STORY_HELP,
        }
        widgets = {
            **CONTACT_WIDGETS,
            "phone": TelInput(attrs={"autocomplete": "tel"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            **STORY_WIDGETS,
        }
        error_messages = {
            **CONTACT_ERROR_MESSAGES,
            "phone": {
                "max_length": _(
                    "Puhelinnumero voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d)."
                )
            },
            "role": {
                "max_length": _(
                    "Tehtävä voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d)."
                )
            },
            "organisation": {
                "required": _("Kirjoita organisaatiosi nimi."),
                "max_length": _(
                    "Organisaation nimi voi olla enintään %(limit_value)d merkkiä "
                    "(nyt %(show_value)d)."
                ),
            },
            **STORY_ERRORS,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = KIND_CHOICES  # no empty "---------" choice
        self.fields["consent"].help_text = format_html(
            '{} <a href="{}">{}</a>',
            _(
                "Mitään ei julkaista kysymättä sinulta. Tietojasi käytetään vain kertomuksen "
                "käsittelyyn ja julkaisun valmisteluun."
            ),
            reverse("privacy"),
            _("Lue, miten käsittelemme tietojasi."),
        )
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(_("Sinun tietosi"), "name", "email", "phone", "role", "organisation"),
            Fieldset(_("Kokemuksesi"), "kind", "title", "story", "themes", "attachment"),
            Fieldset(_("Suostumus"), "consent"),
            HONEYPOT_FIELD,
            TIME_TRAP_FIELD,
        )

    @staticmethod
    def initial_from(query: QueryDict) -> dict:
        """What a link may fill in beforehand (e.g. a workbook's experiment plan): the kind,
        title, story and themes, by their Finnish names; the contributor reviews and sends."""
        initial = {}
        if query.get("laji") in Submission.Kind.values:
            initial["kind"] = query["laji"]
        for name, field in (("otsikko", "title"), ("kertomus", "story")):
            limit = Submission._meta.get_field(field).max_length
            if query.get(name):
                initial[field] = query[name][:limit]
        if query.getlist("teema"):
            themes = Theme.objects.filter(slug__in=query.getlist("teema")[:6])
            initial["themes"] = list(themes.values_list("pk", flat=True))
        return initial

    def clean_phone(self):
        phone = self.cleaned_data.get("phone", "").strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(
                _(
                    "Kirjoita puhelinnumero numeroina, esimerkiksi 040 123 4567 tai "
                    "+358 40 123 4567."
                ),
                code="invalid",
            )
        return phone

    def save(self, commit: bool = True) -> Submission:
        submission = super().save(commit=False)
        self._store_attachment_details(submission)
        if commit:
            submission.save()
            self.save_m2m()
        return submission


class SubmissionEditForm(AttachmentMixin, PublicForm, forms.ModelForm):
    """The contributor edits the story after the editors asked for changes."""

    rate_limit_scope = "submission"
    kept_field = "story"

    attachment = attachment_field(
        _(
            "Vapaaehtoinen. Uusi liite korvaa aiemman. PDF, DOCX, ODT, JPEG tai PNG, "
            "enintään %(limit)d Mt."
        )
    )

    class Meta:
        model = Submission
        fields = ["kind", "title", "story", "themes", "attachment"]
        labels = STORY_LABELS
        help_texts = STORY_HELP
        widgets = STORY_WIDGETS
        error_messages = STORY_ERRORS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = KIND_CHOICES
        if self.instance.attachment_name:
            self.fields["attachment"].help_text = format_html(
                "{} {}",
                _("Aiempi liite: %(name)s.") % {"name": self.instance.attachment_name},
                self.fields["attachment"].help_text,
            )
        self.initial.pop("attachment", None)

    def save_once(self) -> tuple[Submission, bool]:
        """An edit changes the one story it belongs to: saved as sent, and the editors are
        told (mark_returned), in one transaction that leaves no new file behind if it fails."""
        with files_deleted_on_failure(self.instance), transaction.atomic():
            return self.save(), False

    def save(self, commit: bool = True) -> Submission:
        old_attachment = self.instance.attachment.name if self.instance.pk else ""
        submission = super().save(commit=False)
        self._store_attachment_details(submission)
        if commit:
            submission.mark_returned()
            self.save_m2m()
            if old_attachment and submission.attachment.name != old_attachment:
                delete_files_on_commit(private_storage, [old_attachment])
        return submission


class RequestChangesForm(forms.Form):
    """The editor's message to the contributor (in the admin)."""

    message = forms.CharField(
        label=_("Viesti kertojalle"),
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
        max_length=5000,
        help_text=_(
            "Kerro, mitä toivot muutettavan tai mitä lisätietoja tarvitset. Viesti lähetetään "
            "kertojalle sähköpostitse, ja hän näkee sen myös kertomuksensa tilasivulla."
        ),
        error_messages={"required": _("Kirjoita viesti kertojalle.")},
    )
