"""Workbook forms: no accounts and no spam traps, just clear validation in plain Finnish.

Every step has two ways to save: "Tallenna" keeps whatever is there, even half done, and
"Tallenna ja jatka" also asks for what the step needs. The forms render with the site's form
template pack like its public forms, inside a <form> element that the template writes itself.
"""

from functools import cached_property

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cases.models import Sector
from valoa.posting import antispam
from valoa.posting.forms import AccessibleForm, PublicForm
from workbook.models import TOKEN_PATTERN, Experiment, Level, Participant, Workbook

NOTE_MAX_LENGTH = 1000
REFLECTION_MAX_LENGTH = 3000
EXPERIMENT_MAX_LENGTH = 2000
DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


TOO_LONG = _(
    "{what} voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d). Lyhennä tekstiä."
)


def too_long_message(what) -> str:
    return format_lazy(TOO_LONG, what=what)


class WorkbookForm(AccessibleForm):
    """Shared by the workbook's forms: draft saving."""

    def __init__(self, *args, complete: bool = True, **kwargs):
        self.complete = complete
        super().__init__(*args, **kwargs)

    def full_clean(self):
        """A draft ("Tallenna") may leave required fields empty; only "jatka" asks for them."""
        if self.complete:
            return super().full_clean()
        required = [field for field in self.fields.values() if field.required]
        for field in required:
            field.required = False
        try:
            super().full_clean()
        finally:
            for field in required:
                field.required = True


class StartForm(WorkbookForm):
    mode = forms.ChoiceField(
        label=_("Miten täytätte työkirjan?"),
        choices=Workbook.Mode.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Tiiminä jokainen vastaa ensimmäiseen vaiheeseen omalla laitteellaan nimettömästi, "
            "ja vetäjä näkee tiimin yhteiset tulokset."
        ),
        error_messages={
            "required": _("Valitse, täytättekö työkirjan yksin vai tiiminä."),
            "invalid_choice": _("Valitse, täytättekö työkirjan yksin vai tiiminä."),
        },
    )
    name = forms.CharField(
        label=_("Työkirjan nimi"),
        required=False,
        max_length=100,
        help_text=_(
            "Vapaaehtoinen, esimerkiksi tiimin nimi ja ajankohta. "
            "Älä kirjoita tähän henkilötietoja."
        ),
        error_messages={"max_length": too_long_message(_("Nimi"))},
    )
    sektori = forms.ChoiceField(
        label=_("Sektori"),
        required=False,
        choices=[("", _("En halua kertoa")), *Sector.choices],
        help_text=_(
            "Vapaaehtoinen, vain tiimin työkirjaan. Sektori näkyy vain koottuna tilastona "
            "ylläpidolle, ja vasta kun samalla sektorilla on vähintään viisi tiimiä."
        ),
        error_messages={"invalid_choice": _("Valitse sektori annetuista vaihtoehdoista.")},
    )


class ContinueForm(WorkbookForm):
    """Paste a saved link (or just its code) to get back to a workbook."""

    linkki = forms.CharField(
        label=_("Tallennettu linkki"),
        help_text=_("Liitä tähän koko linkki, jonka tallensit aloittaessasi."),
        error_messages={"required": _("Liitä tähän työkirjan linkki.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_linkki(self) -> str:
        found = TOKEN_PATTERN.findall(self.cleaned_data["linkki"])
        if found:
            token = found[-1]
            workbook = Workbook.objects.filter(token=token).first()
            if workbook:
                return workbook.get_absolute_url()
            workbook = Workbook.objects.filter(participant_token=token).first()
            if workbook:
                return workbook.participant_url()
            participant = Participant.objects.filter(token=token).first()
            if participant:
                return participant.get_absolute_url()
        raise forms.ValidationError(
            _(
                "Tällä linkillä ei löytynyt työkirjaa. Tarkista, että kopioit koko linkin. "
                "Työkirja poistetaan, jos sitä ei ole käytetty %(months)d kuukauteen."
            ),
            params={"months": settings.WORKBOOK_RETENTION_MONTHS},
            code="not_found",
        )


class AssessmentForm(WorkbookForm):
    """Step 1: a three-level answer and an optional note for each statement."""

    def __init__(self, *args, statements, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements = list(statements)
        answers = answers or {}
        for statement in self.statements:
            answer = answers.get(statement.pk)
            self.fields[self.level_name(statement)] = forms.TypedChoiceField(
                # The legend shows the statement; this label names it in the error summary.
                label=statement.text.rstrip(".!?"),
                choices=Level.choices,
                coerce=int,
                widget=forms.RadioSelect,
                initial=answer.level if answer else None,
                error_messages={
                    "required": _("Valitse, miten väite toteutuu teillä."),
                    "invalid_choice": _("Valitse yksi kolmesta vaihtoehdosta."),
                },
            )
            # The visible label is short ("Muistiinpano"); this one names the statement in
            # the error summary.
            self.fields[self.note_name(statement)] = forms.CharField(
                label=_("Muistiinpano väitteeseen ”%(statement)s”")
                % {"statement": statement.text.rstrip(".!?")},
                required=False,
                max_length=NOTE_MAX_LENGTH,
                initial=answer.note if answer else "",
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": too_long_message(_("Muistiinpano"))},
            )
            self.fields[self.note_name(statement)].widget.attrs.pop("maxlength", None)

    @staticmethod
    def level_name(statement) -> str:
        return f"vaite_{statement.pk}"

    @staticmethod
    def note_name(statement) -> str:
        return f"muistiinpano_{statement.pk}"

    def rows(self):
        """(statement, level field, note field) in order, for the template."""
        return [
            (statement, self[self.level_name(statement)], self[self.note_name(statement)])
            for statement in self.statements
        ]

    def answers(self) -> dict[int, tuple[int, str]]:
        """{statement id: (level, note)} for the statements that were answered."""
        return {
            statement.pk: (
                self.cleaned_data[self.level_name(statement)],
                self.cleaned_data[self.note_name(statement)].strip(),
            )
            for statement in self.statements
            if self.cleaned_data.get(self.level_name(statement))
        }


class ParticipateForm(PublicForm, AssessmentForm):
    """Step 1 as a team member answers it on the participant link: a public form, so with a
    honeypot, a time trap and a key that is the same for every post of one showing of it.
    Posted through valoa.posting; the notes are the team's own, read by no spam rule."""

    def __init__(self, *args, round, participant=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        self.participant = participant  # this browser's earlier answers to the round

    @cached_property
    def earlier(self) -> Participant | None:
        """Whose answers this post changes: this browser's, or those a repeat of the same
        showing of the form stored; None for a new participant."""
        key = self.submission_key()
        return self.participant or self.round.participants.filter(submission_key=key).first()

    def within_limit(self, request) -> bool:
        """Changing answers is free; a new participant counts against the limits per link and
        per address (see the settings)."""
        if self.earlier is not None:
            return True
        limit = settings.WORKBOOK_NEW_PARTICIPANTS
        period = settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS
        address = antispam.address_hash(request)
        return antispam.within_limit(
            f"workbook-link:{self.round.workbook_id}", limit, period
        ) and antispam.within_limit(f"workbook-address:{address}", limit, period)

    def save_once(self) -> tuple[Participant, bool]:
        if self.earlier is None:
            return self.round.add_participant(self.submission_key(), self.answers()), True
        self.earlier.round = self.round
        self.earlier.replace_answers(self.answers())
        return self.earlier, False


class ReflectionForm(WorkbookForm):
    """Step 2: free-text answers to the questions; all of them optional."""

    def __init__(self, *args, questions, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        answers = answers or {}
        for question in self.questions:
            self.fields[self.field_name(question)] = forms.CharField(
                label=question.text,
                required=False,
                max_length=REFLECTION_MAX_LENGTH,
                initial=answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": too_long_message(_("Vastaus"))},
            )
            self.fields[self.field_name(question)].widget.attrs.pop("maxlength", None)

    @staticmethod
    def field_name(question) -> str:
        return f"kysymys_{question.pk}"

    def by_theme(self):
        """[(theme, [bound fields])] in the order of the questions."""
        groups: dict[int, tuple] = {}
        for question in self.questions:
            groups.setdefault(question.theme_id, (question.theme, []))[1].append(
                self[self.field_name(question)]
            )
        return list(groups.values())

    def answers(self) -> dict[int, str]:
        return {
            question.pk: self.cleaned_data[self.field_name(question)].strip()
            for question in self.questions
        }


class ExperimentForm(WorkbookForm, forms.ModelForm):
    """Step 3: the experiment plan."""

    class Meta:
        model = Experiment
        fields = [
            "focus",
            "what",
            "why",
            "who_does_what",
            "deadline",
            "success_signs",
            "look_back_on",
        ]
        help_texts = {
            "focus": _(
                "Vapaaehtoinen. Esimerkiksi teema, jossa teillä on eniten kehitettävää. "
                "Teema tulee mukaan, jos jaatte kokeilun muille Innostu-osiossa."
            ),
            "what": _("Pieni ja konkreettinen muutos arjen työhön, jonka voi aloittaa heti."),
            "why": _("Mihin vaiheiden 1 ja 2 havaintoon kokeilu vastaa?"),
            "who_does_what": _("Roolit ja tehtävät. Kaikkien ei tarvitse tehdä kaikkea."),
            "deadline": _("Päivämäärä muodossa pp.kk.vvvv."),
            "success_signs": _("Mitä huomaamme tai kuulemme, jos kokeilu toimii?"),
            "look_back_on": _(
                "Päivämäärä muodossa pp.kk.vvvv. Varatkaa silloin hetki yhteiselle "
                "keskustelulle: mitä opimme, jatkammeko, muutammeko?"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required = {
            "what": _("Kerro, mitä kokeilette."),
            "why": _("Kerro, miksi kokeilette juuri tätä."),
            "who_does_what": _("Kerro, kuka tekee mitä."),
            "deadline": _("Kirjoita päivämäärä, johon mennessä kokeilu tehdään."),
            "success_signs": _("Kerro, mistä tiedätte, että kokeilu onnistui."),
            "look_back_on": _("Kirjoita päivämäärä, jolloin katsotte taaksepäin."),
        }
        self.fields["focus"].empty_label = _("Ei valittu")
        for name, field in self.fields.items():
            if name == "focus":
                continue  # the one optional choice
            field.required = True
            field.error_messages["required"] = required[name]
            if isinstance(field, forms.DateField):
                field.input_formats = DATE_FORMATS
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                field.error_messages["invalid"] = _(
                    "Kirjoita päivämäärä muodossa pp.kk.vvvv, esimerkiksi 15.3.2026."
                )
            else:
                field.max_length = EXPERIMENT_MAX_LENGTH
                field.validators.append(MaxLengthValidator(EXPERIMENT_MAX_LENGTH))
                field.error_messages["max_length"] = too_long_message(_("Vastaus"))
                field.widget.attrs.update({"rows": 3})
                field.widget.attrs.pop("maxlength", None)

    def _clean_date(self, name: str):
        value = self.cleaned_data.get(name)
        # A date that is newly typed and already past is most likely a slip of the year.
        if value and name in self.changed_data and value < timezone.localdate():
            raise forms.ValidationError(
                _("Päivämäärä on jo mennyt. Tarkista päivä ja vuosi."), code="past"
            )
        return value

    def clean_deadline(self):
        return self._clean_date("deadline")

    def clean_look_back_on(self):
        return self._clean_date("look_back_on")
