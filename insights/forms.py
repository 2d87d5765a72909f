from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from insights.models import Comment
from subscriptions.comments import follow_comment
from subscriptions.forms import follow_comment_field
from valoa.moderation import ModerationStatus
from valoa.posting.forms import CONTACT_ERROR_MESSAGES, CONTACT_WIDGETS, PublicForm


class CommentForm(PublicForm, forms.ModelForm):
    """A comment on an article, or (without an article) a reader's own insight."""

    vastaa = forms.IntegerField(required=False, widget=forms.HiddenInput)
    rate_limit_scope = "comment"
    spam_fields = ("body",)
    kept_field = "body"
    ilmoita = follow_comment_field()  # news of the comment by email (subscriptions)
    # Its empty fields are the same for every reader (no choices from the database): rendered
    # once per language and reused (includes/form_fields.html).
    same_markup_for_every_reader = True

    class Meta:
        model = Comment
        fields = ["name", "email", "body"]
        labels = {"name": _("Nimi"), "email": _("Sähköposti"), "body": _("Kommentti")}
        help_texts = {
            "email": _("Osoitetta ei näytetä muille. Ylläpito voi ottaa sinuun yhteyttä."),
            "body": _("Enintään 5 000 merkkiä."),
        }
        widgets = {
            **CONTACT_WIDGETS,
            "body": forms.Textarea(attrs={"rows": 7}),
        }
        error_messages = {
            **CONTACT_ERROR_MESSAGES,
            "body": {
                "required": _("Kirjoita kommenttisi."),
                "max_length": _(
                    "Kommentti voi olla enintään %(limit_value)d merkkiä (nyt %(show_value)d). "
                    "Lyhennä tekstiä."
                ),
            },
        }

    def on_received(self, comment: Comment) -> None:
        super().on_received(comment)
        if self.cleaned_data.get("ilmoita"):
            follow_comment(comment)

    def __init__(self, *args, article=None, **kwargs):
        self.article = article
        super().__init__(*args, **kwargs)
        if article is None:
            self.fields["body"].label = _("Oivalluksesi")
            del self.fields["vastaa"]

    def _parent(self, pk) -> Comment | None:
        # One level of threading: replies go to approved top-level comments of this article.
        if self.article is None:
            return None
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            return None
        threads = Comment.objects.approved().filter(article=self.article, parent__isnull=True)
        return threads.filter(pk=pk).first()

    def replying_to(self) -> Comment | None:
        """The comment this form answers, to show "Vastaat…" above the form."""
        return self._parent(self["vastaa"].value()) if "vastaa" in self.fields else None

    def clean(self):
        cleaned = super().clean()
        parent_id = cleaned.get("vastaa")
        cleaned["parent"] = None
        if parent_id:
            cleaned["parent"] = self._parent(parent_id)
            if cleaned["parent"] is None:
                self.add_error(
                    None,
                    _(
                        "Kommenttia, johon vastaat, ei enää löytynyt. Voit lähettää tekstisi "
                        "tavallisena kommenttina: poista vastaus ja lähetä uudelleen."
                    ),
                )
        return cleaned

    def save(self, commit: bool = True) -> Comment:
        comment = super().save(commit=False)
        comment.article = self.article
        comment.parent = self.cleaned_data["parent"]
        if (
            settings.COMMENTS_AUTO_APPROVE_KNOWN_EMAILS
            and Comment.objects.approved().filter(email__iexact=comment.email).exists()
        ):
            comment.status = ModerationStatus.APPROVED
        if commit:
            comment.save()
        return comment
