"""What every public form on the site shares: accessible rendering and spam protection."""

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from valoa.posting import antispam
from valoa.web import page_cache

# Errors for the name and email that every public form asks for.
CONTACT_ERROR_MESSAGES = {
    "name": {
        "required": _("Kirjoita nimesi."),
        "max_length": _("Nimi voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d)."),
    },
    "email": {
        "required": _("Kirjoita sähköpostiosoitteesi."),
        "invalid": _("Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."),
    },
}

# The name and email as browsers fill them in for the person.
CONTACT_WIDGETS = {
    "name": forms.TextInput(attrs={"autocomplete": "name"}),
    "email": forms.EmailInput(attrs={"autocomplete": "email"}),
}

HONEYPOT_FIELD = "kotisivu"
TIME_TRAP_FIELD = "aloitettu"


class HoneypotInput(forms.TextInput):
    """A text box that people never see (the form template pack hides it); robots fill it in."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "tabindex": "-1", **(attrs or {})})


class AccessibleForm(forms.Form):
    """Every form of the site: rendered by crispy-forms with the site's own template pack
    (templates/valoa_forms/), field by field in order unless a `helper` lays them out, inside
    a <form> element that the template writes itself with includes/form_fields.html."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # A browser-enforced maxlength silently cuts pasted text; say it in an error instead.
            field.widget.attrs.pop("maxlength", None)


class PublicForm(AccessibleForm):
    """Mixin for readers' forms that anyone may send (use before forms.ModelForm in the bases).

    Adds a honeypot and a signed time trap, and saves a repeated post only once; the steps
    after validation are in valoa.posting.receive.
    """

    # The abuse limit's name (posts per address, settings.RATE_LIMIT_POSTS), the fields whose
    # text the spam rules read, and the one a refused post gives back.
    rate_limit_scope = "post"
    spam_fields: tuple[str, ...] = ()
    kept_field: str | None = None

    kotisivu = forms.CharField(
        label=_("Älä täytä tätä kenttää"), required=False, widget=HoneypotInput
    )
    aloitettu = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A page rendered for the cache gets a placeholder; each reader gets a token of their own.
        self.fields[TIME_TRAP_FIELD].initial = (
            page_cache.TIME_TRAP_PLACEHOLDER
            if page_cache.is_capturing()
            else antispam.time_trap_token()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _(
                    "Lomake näytti automaattisesti täytetyltä, koska kenttä "
                    "”Älä täytä tätä kenttää” ei ollut tyhjä. Tyhjennä se ja lähetä uudelleen."
                ),
                code="honeypot",
            )
        if error := antispam.time_trap_error(cleaned.get(TIME_TRAP_FIELD, "")):
            # Give the re-shown form a fresh start time so that the next try can pass.
            self.data = self.data.copy()
            self.data[self.add_prefix(TIME_TRAP_FIELD)] = antispam.time_trap_token(time.time())
            raise forms.ValidationError(error, code="timing")
        return cleaned

    def submission_key(self) -> str:
        """The same for every post of one showing of the form with the same content (a double
        click, a retry); different when the person went back and changed what they wrote, so
        that the new text is stored, not silently dropped as a repeat."""
        digest = hashlib.sha256(self.cleaned_data[TIME_TRAP_FIELD].encode())
        for name in sorted(set(self.fields) - {HONEYPOT_FIELD, TIME_TRAP_FIELD}):
            value = self[name].data  # as sent
            if isinstance(value, UploadedFile):  # by content: its name is replaced on clean
                for chunk in value.chunks():
                    digest.update(chunk)
                value.seek(0)
                value = None
            digest.update(repr((name, value)).encode())
        return digest.hexdigest()

    def within_limit(self, request) -> bool:
        """Count this post against its abuse limit; False once over it."""
        return antispam.allow_post(request, self.rate_limit_scope)

    def spam_verdict(self) -> str | None:
        """Why this post is held as spam (links, a blocked word in `spam_fields`), or None."""
        text = "\n".join(self.cleaned_data.get(name) or "" for name in self.spam_fields)
        return antispam.spam_reason(text) if self.spam_fields else None

    def kept_text(self) -> str:
        """What a refused post gives back to the person: the text they wrote."""
        return self.cleaned_data.get(self.kept_field, "") if self.kept_field else ""

    def on_received(self, instance: models.Model) -> None:
        """In the saving transaction: what the post sets off (the model's notifications, and
        whatever a form adds for what only the form knows, such as a ticked box)."""
        instance.on_received()

    def save_once(self) -> tuple[models.Model, bool]:
        """Save a valid ModelForm once: a repeated post returns the first object, not a copy.

        The spam verdict is given first (`hold_as_spam(reason)` on the model); the object, its
        relations and what `on_received()` stores (its notifications) are saved in one
        transaction: if anything fails, nothing is stored and no uploaded file is left on
        disk. The model needs a unique, nullable `submission_key` field. Returns (object,
        created).
        """
        model = self._meta.model
        key = self.submission_key()
        existing = model._default_manager.filter(submission_key=key).first()
        if existing is not None:
            return existing, False
        instance = self.save(commit=False)
        instance.submission_key = key
        if reason := self.spam_verdict():
            instance.hold_as_spam(reason)
        try:
            with files_deleted_on_failure(instance), transaction.atomic():
                instance.save()
                self.save_m2m()
                self.on_received(instance)
        except IntegrityError:
            # The same post arrived twice at the same moment; the other one was stored.
            return model._default_manager.get(submission_key=key), False
        return instance, True


def _files(instance: models.Model) -> list:
    return [
        getattr(instance, field.name)
        for field in instance._meta.fields
        if isinstance(field, models.FileField)
    ]


@contextmanager
def files_deleted_on_failure(instance: models.Model) -> Iterator[None]:
    """Around a save that may fail: a file it wrote to storage (an upload is written before
    the row is) is deleted again when the block raises, so no file is left without a row."""
    before = {file.name for file in _files(instance) if file and file._committed}
    try:
        yield
    except BaseException:
        for file in _files(instance):
            if file and file._committed and file.name not in before:
                file.storage.delete(file.name)
        raise
