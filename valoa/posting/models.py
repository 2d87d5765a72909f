"""What every post stored through valoa.posting carries."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Posted(models.Model):
    """A reader's post (comment, story, feedback, subscription): why the spam rules held it,
    and the key that stores one showing of a form once (see PublicForm.save_once)."""

    held_reason = models.CharField(_("pidätetty, koska"), max_length=200, blank=True)
    # NULL, not "", for rows made without a form (demo, admin): unique keys, many missing ones.
    submission_key = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def hold_as_spam(self, reason: str) -> None:
        """Kept, but held: a model with a status also marks itself spam."""
        self.held_reason = reason

    def on_received(self) -> None:
        """In the saving transaction, after the post is stored: its notifications."""
        raise NotImplementedError
