"""The VALOA workbook: statements and questions edited in the admin, and the teams' answers.

A workbook is reached only through long random tokens in its links, never through its id:
the facilitator's (or solo user's) link, a team's participant link, and each participant's
own link. Answers to step 1 belong to a participant: a solo workbook has one participant per
round, created with the round; in a team workbook each person who answers becomes one,
anonymously. Steps 2 and 3 belong to the round, so that a new round starts them afresh.

A team's results are published, not computed on every view: the round keeps a snapshot of the
counts, replaced only when at least WORKBOOK_TEAM_THRESHOLD more participants have answered
everything since the last one. Comparing two snapshots therefore never shows one person's
answers (see `Round.publish_if_due`).
"""

import re
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import Sector
from valoa.web.page_cache import invalidate_scope

TOKEN_BYTES = 32  # 43 URL-safe characters: not guessable, not enumerable
# What a token in a link may look like; anything else is refused before it reaches a query.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{40,64}")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(value: str) -> bool:
    return TOKEN_PATTERN.fullmatch(value) is not None


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
    # Teams only, optional: lets the site's owner compare sectors in the aggregate statistics.
    sector = models.CharField(_("sektori"), max_length=20, choices=Sector.choices, blank=True)
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
    def start(cls, mode: str, name: str = "", sector: str = "") -> "Workbook":
        """A new workbook with its first round (and, alone, the one who answers)."""
        is_team = mode == cls.Mode.TEAM
        with transaction.atomic():
            workbook = cls.objects.create(
                mode=mode,
                name=name,
                sector=sector if is_team else "",
                participant_token=new_token() if is_team else None,
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
        """The next round; the one before is closed (and its results published if due)."""
        with transaction.atomic():
            # Lock the workbook so that two clicks at once cannot both take the same number.
            Workbook.objects.select_for_update().filter(pk=self.pk).first()
            current = self.current_round()
            if current is not None:
                current.close()
            round_ = Round.objects.create(
                workbook=self, number=current.number + 1 if current else 1
            )
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


class RoundQuerySet(models.QuerySet):
    def with_complete_counts(self):
        """With `complete_count` (how many have answered everything) in the same query."""
        return self.annotate(
            complete_count=Count("participants", filter=Q(participants__completed_at__isnull=False))
        )


class Round(models.Model):
    """One time the workbook is worked through; a later round is compared with the earlier.

    A team's results are the published snapshot (`published_counts`), never the live answers.
    """

    workbook = models.ForeignKey(Workbook, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    # No answers are taken after this (the facilitator closed it, or started the next round).
    closed_at = models.DateTimeField(null=True, blank=True)
    # How many chose each level, {"<statement id>": [level 1, level 2, level 3]}, counted from
    # the `published_count` participants who had answered everything when it was published.
    published_counts = models.JSONField(default=dict, blank=True)
    published_count = models.PositiveIntegerField(default=0)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["workbook", "number"]
        constraints = [
            models.UniqueConstraint(fields=["workbook", "number"], name="workbook_round_number")
        ]

    def __str__(self) -> str:
        return f"{self.workbook} / {self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def previous(self) -> "Round | None":
        return (
            Round.objects.filter(workbook_id=self.workbook_id, number__lt=self.number)
            .order_by("-number")
            .first()
        )

    def has_answers(self) -> bool:
        """Step 1 has answers (a team's: from someone who answered everything)."""
        if self.workbook.is_team:
            return self.complete_participants().exists()
        return Answer.objects.filter(participant__round=self).exists()

    def complete_participants(self) -> models.QuerySet:
        """Those who answered every statement: only they count towards the threshold."""
        return self.participants.filter(completed_at__isnull=False)

    @property
    def next_publication_at(self) -> int:
        """How many complete answers the round needs before its results change again."""
        return self.published_count + settings.WORKBOOK_TEAM_THRESHOLD

    def publish_if_due(self) -> bool:
        """Publish the counts when at least the threshold more participants have answered
        everything than at the last publication (the first time: the threshold).

        Any two snapshots anyone can see thus differ by at least that many people, so that
        comparing them before and after one more answer shows nothing of that answer. Answers
        changed in between show in the next snapshot, mixed with the new ones.
        """
        with transaction.atomic():
            locked = Round.objects.select_for_update().get(pk=self.pk)
            complete = locked.complete_participants()
            count = complete.count()
            if count < locked.next_publication_at:
                return False
            counts: dict[str, list[int]] = {}
            for statement, level, number in (
                Answer.objects.filter(participant__in=complete)
                .values_list("statement", "level")
                .annotate(number=Count("pk"))
                .order_by()
            ):
                counts.setdefault(str(statement), [0, 0, 0])[level - 1] = number
            self.published_counts, self.published_count = counts, count
            self.published_at = timezone.now()
            self.save(update_fields=["published_counts", "published_count", "published_at"])
            from workbook.statistics import publish_benchmark_if_due  # it imports this module

            publish_benchmark_if_due()
        return True

    def close(self) -> None:
        """Take no more answers; publish what the rule allows (never fewer new than it needs)."""
        with transaction.atomic():
            if self.closed_at is None:
                Round.objects.filter(pk=self.pk).update(closed_at=timezone.now())
            if self.workbook.is_team:
                self.publish_if_due()
            self.workbook.touch(force=True)
        self.refresh_from_db(fields=["closed_at"])

    def add_participant(self, submission_key: str, answers: dict) -> "Participant":
        """A new participant with these answers, once per showing of the form: a double click,
        a retry or a form sent again after going back replaces the first one's answers."""
        try:
            with transaction.atomic():
                participant = Participant.objects.create(round=self, submission_key=submission_key)
                participant.replace_answers(answers)
                return participant
        except IntegrityError:  # the same form arrived twice at the same moment
            participant = Participant.objects.get(round=self, submission_key=submission_key)
        participant.round = self
        participant.replace_answers(answers)
        return participant

    def replace_reflections(self, written: dict[int, str]) -> None:
        """Step 2: store the written answers, replacing earlier ones to the same questions."""
        with transaction.atomic():
            self.reflections.filter(question_id__in=written).delete()
            ReflectionAnswer.objects.bulk_create(
                ReflectionAnswer(round=self, question_id=pk, text=text)
                for pk, text in written.items()
                if text
            )
            self.workbook.touch(force=True)


class Participant(models.Model):
    """One person's answers to step 1 in one round. Anonymous: nothing about who they are."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participants")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    # When they had answered every statement; until then they do not count for the threshold.
    completed_at = models.DateTimeField(null=True, blank=True)
    # One showing of the participant form stores one participant (see PublicForm). NULL, not
    # "", for a solo workbook's participant: unique keys, many missing ones.
    submission_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "submission_key"], name="workbook_one_participant_per_form"
            )
        ]

    def __str__(self) -> str:
        return _("Vastaaja %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("workbook:participant", kwargs={"token": self.token})

    def replace_answers(self, answers: dict[int, tuple[int, str]]) -> None:
        """Store step 1 answers ({statement id: (level, note)}), replacing earlier answers to the
        same statements; in a team, publish the results when enough have now answered."""
        workbook = self.round.workbook
        with transaction.atomic():
            self.answers.filter(statement_id__in=answers).delete()
            Answer.objects.bulk_create(
                Answer(participant=self, statement_id=pk, level=level, note=note)
                for pk, (level, note) in answers.items()
            )
            if self.completed_at is None and not self.unanswered_statements().exists():
                self.completed_at = timezone.now()
                self.save(update_fields=["completed_at"])
            workbook.touch(force=True)
            if workbook.is_team:
                self.round.publish_if_due()

    def unanswered_statements(self) -> models.QuerySet:
        return Statement.objects.active().exclude(answers__participant=self)


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
    focus = models.ForeignKey(
        "valoa.Theme",
        verbose_name=_("Mitä teemaa kokeilu kehittää?"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    what = models.TextField(_("Mitä kokeilemme?"), blank=True)
    why = models.TextField(_("Miksi kokeilemme juuri tätä?"), blank=True)
    who_does_what = models.TextField(_("Kuka tekee mitä?"), blank=True)
    deadline = models.DateField(_("Mihin mennessä?"), null=True, blank=True)
    success_signs = models.TextField(_("Mistä tiedämme, että kokeilu onnistui?"), blank=True)
    look_back_on = models.DateField(_("Milloin katsomme taaksepäin?"), null=True, blank=True)

    def __str__(self) -> str:
        return self.what[:80] or str(_("Kokeilu"))

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.round.workbook.touch(force=True)

    def is_empty(self) -> bool:
        return not any(
            [
                self.focus_id,
                self.what,
                self.why,
                self.who_does_what,
                self.deadline,
                self.success_signs,
                self.look_back_on,
            ]
        )


class Benchmark(models.Model):
    """All teams' published results summed, for "your team beside all teams": stored, and
    stored anew only after enough teams have new results (workbook.statistics)."""

    generation = models.PositiveIntegerField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    teams = models.PositiveIntegerField()
    participants = models.PositiveIntegerField()
    counts = models.JSONField()  # {"<statement id>": [level 1, level 2, level 3]}

    def __str__(self) -> str:
        return f"{self.generation}: {self.teams}"


class TeamStatistics(Round):
    """The admin's aggregate view over all teams' published results (see workbook.statistics):
    a proxy, so that the view has a place in the admin and a permission of its own."""

    class Meta:
        proxy = True
        default_permissions = ("view",)
        verbose_name = _("tiimien yhteenveto")
        verbose_name_plural = _("tiimien yhteenveto")
