"""The VALOA workbook: statements and questions edited in the admin, and the teams' answers.

A workbook is reached only through long random tokens in its links, never through its id:
the facilitator's (or solo user's) link, a team's participant link, and each participant's
own link. Answers to step 1 belong to a participant: a solo workbook has one participant per
round, created with the round; in a team workbook each person who answers becomes one,
anonymously. Steps 2 and 3 belong to the round, so that a new round starts them afresh.
"""

import secrets

from django.db import models, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from valoa.page_cache import invalidate_scope

TOKEN_BYTES = 32  # 43 URL-safe characters: not guessable, not enumerable


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


class Level(models.IntegerChoices):
    """The three-level scale, shown as a plant with one, two or three leaves."""

    NOT_YET = 1, _("Ei vielä toteudu")
    PARTLY = 2, _("Toteutuu osittain")
    WELL = 3, _("Toteutuu jo hyvin")


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Prompt(models.Model):
    """Something the workbook asks about one theme; editors edit and order them in the admin."""

    theme = models.ForeignKey(
        "valoa.Theme",
        verbose_name=_("teema"),
        on_delete=models.PROTECT,
        related_name="workbook_%(class)ss",
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    is_active = models.BooleanField(
        _("käytössä"),
        default=True,
        help_text=_(
            "Poista valinta, kun tätä ei enää kysytä. Aiemmat vastaukset säilyvät, "
            "toisin kuin poistettaessa."
        ),
    )

    objects = ActiveQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text


class Statement(Prompt):
    """A statement about the team's everyday work, answered in step 1."""

    text = models.CharField(_("väite"), max_length=300)

    class Meta(Prompt.Meta):
        verbose_name = _("työkirjan väite")
        verbose_name_plural = _("työkirjan väitteet")


class ReflectionQuestion(Prompt):
    """A question the team talks about and answers in free text in step 2."""

    text = models.CharField(_("kysymys"), max_length=300)

    class Meta(Prompt.Meta):
        verbose_name = _("työkirjan pohdintakysymys")
        verbose_name_plural = _("työkirjan pohdintakysymykset")


class Workbook(models.Model):
    class Mode(models.TextChoices):
        SOLO = "solo", _("Yksin tai yhteiseltä näytöltä")
        TEAM = "team", _("Tiiminä, jokainen omalta laitteeltaan")

    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Team workbooks only: the link participants open to answer step 1.
    participant_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    mode = models.CharField(max_length=4, choices=Mode.choices, default=Mode.SOLO)
    name = models.CharField(_("työkirjan nimi"), max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Saving anything, or opening the workbook by one of its links, moves this forward;
    # `delete_old_workbooks` deletes workbooks where it is older than the retention period.
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("työkirja")
        verbose_name_plural = _("työkirjat")

    def __str__(self) -> str:
        return self.name or str(_("Nimetön työkirja"))

    def get_absolute_url(self) -> str:
        return reverse("workbook:overview", kwargs={"token": self.token})

    @classmethod
    def start(cls, mode: str, name: str = "") -> "Workbook":
        """A new workbook with its first round (and, alone, the one who answers)."""
        with transaction.atomic():
            workbook = cls.objects.create(
                mode=mode,
                name=name,
                participant_token=new_token() if mode == cls.Mode.TEAM else None,
            )
            workbook.start_round()
        return workbook

    @property
    def is_team(self) -> bool:
        return self.mode == self.Mode.TEAM

    def participant_url(self) -> str:
        return reverse("workbook:participate", kwargs={"token": self.participant_token})

    def current_round(self) -> "Round":
        return self.rounds.order_by("-number").first()

    def start_round(self) -> "Round":
        with transaction.atomic():
            # Lock the workbook so that two clicks at once cannot both take the same number.
            Workbook.objects.select_for_update().filter(pk=self.pk).first()
            number = (self.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
            round_ = Round.objects.create(workbook=self, number=number)
            if not self.is_team:
                Participant.objects.create(round=round_)
            self.touch(force=True)
        return round_

    def touch(self, force: bool = False) -> None:
        """Record that the workbook is in use (at most one write a day when only visited)."""
        now = timezone.now()
        if not force and self.updated_at > now - timezone.timedelta(days=1):
            return
        Workbook.objects.filter(pk=self.pk).update(updated_at=now)
        self.updated_at = now
        invalidate_scope(self.page_cache_scope)  # every change touches: show it at once

    @property
    def page_cache_scope(self) -> str:
        return f"workbook:{self.pk}"


class Round(models.Model):
    """One time the workbook is worked through; a later round is compared with the earlier."""

    workbook = models.ForeignKey(Workbook, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["workbook", "number"]
        constraints = [
            models.UniqueConstraint(fields=["workbook", "number"], name="workbook_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.workbook} / {self.number}"

    def previous(self) -> "Round | None":
        return (
            Round.objects.filter(workbook_id=self.workbook_id, number__lt=self.number)
            .order_by("-number")
            .first()
        )


class Participant(models.Model):
    """One person's answers to step 1 in one round. Anonymous: nothing about who they are."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return _("Vastaaja %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("workbook:participant", kwargs={"token": self.token})


class Answer(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    note = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement"], name="workbook_one_answer_per_statement"
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement_id}: {self.level}"


class ReflectionAnswer(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="reflections")
    question = models.ForeignKey(
        ReflectionQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "question"], name="workbook_one_reflection_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Experiment(models.Model):
    """Step 3: the small experiment the team decides to try."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="experiment")
    what = models.TextField(_("Mitä kokeilemme?"), blank=True)
    why = models.TextField(_("Miksi kokeilemme juuri tätä?"), blank=True)
    who_does_what = models.TextField(_("Kuka tekee mitä?"), blank=True)
    deadline = models.DateField(_("Mihin mennessä?"), null=True, blank=True)
    success_signs = models.TextField(_("Mistä tiedämme, että kokeilu onnistui?"), blank=True)
    look_back_on = models.DateField(_("Milloin katsomme taaksepäin?"), null=True, blank=True)

    def __str__(self) -> str:
        return self.what[:80] or str(_("Kokeilu"))

    def is_empty(self) -> bool:
        return not any(
            [
                self.what,
                self.why,
                self.who_does_what,
                self.deadline,
                self.success_signs,
                self.look_back_on,
            ]
        )
