from django import forms
from django.utils.translation import gettext_lazy as _

from subscriptions.models import Subscription
from valoa.models import Theme
from valoa.posting.forms import CONTACT_ERROR_MESSAGES, PublicForm

# The commenter's own choice, added to the comment form and the readers' insight form.
FOLLOW_COMMENT_FIELD = "ilmoita"


def follow_comment_field() -> forms.BooleanField:
    return forms.BooleanField(
        label=_(
            "Ilmoita minulle sähköpostilla, kun kommenttini julkaistaan ja kun siihen vastataan"
        ),
        help_text=_(
            "Lähetämme ensin vahvistuspyynnön. Voit perua ilmoitukset jokaisesta viestistä."
        ),
        required=False,
    )


class SubscribeForm(PublicForm, forms.ModelForm):
    """Follow sections or themes: a weekly digest of what is new in them."""

    sections = forms.MultipleChoiceField(
        label=_("Osiot"),
        choices=Subscription.Section.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Teemat"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Subscription
        fields = ["email", "sections", "themes"]
        labels = {"email": _("Sähköposti")}
        help_texts = {"email": _("Osoitetta käytetään vain tähän tilaukseen.")}
        widgets = {"email": forms.EmailInput(attrs={"autocomplete": "email"})}
        error_messages = {"email": CONTACT_ERROR_MESSAGES["email"]}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sections") and not cleaned.get("themes"):
            self.add_error(
                "sections", _("Valitse vähintään yksi osio tai teema, jota haluat seurata.")
            )
        return cleaned
