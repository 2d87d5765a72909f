from django import forms
from django.utils.translation import gettext_lazy as _

from feedback.models import Feedback
from valoa.posting.forms import CONTACT_ERROR_MESSAGES, CONTACT_WIDGETS, PublicForm


class FeedbackForm(PublicForm, forms.ModelForm):
    """Anna palautetta: a message to the editors; the name and the address are optional."""

    rate_limit_scope = "feedback"
    spam_fields = ("message",)
    kept_field = "message"

    class Meta:
        model = Feedback
        fields = ["name", "email", "message"]
        labels = {"name": _("Nimi"), "email": _("Sähköposti"), "message": _("Viesti")}
        help_texts = {
            "name": _("Vapaaehtoinen."),
            "email": _(
                "Vapaaehtoinen. Kirjoita osoitteesi, jos haluat, että vastaamme sinulle. "
                "Osoitetta ei näytetä julkisesti."
            ),
            "message": _("Enintään 5 000 merkkiä."),
        }
        widgets = {
            **CONTACT_WIDGETS,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            **CONTACT_ERROR_MESSAGES,
            "message": {
                "required": _("Kirjoita palautteesi."),
                "max_length": _(
                    "Viesti voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d). "
                    "Lyhennä tekstiä."
                ),
            },
        }
