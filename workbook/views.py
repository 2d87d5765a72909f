"""The workbook's pages. Every page after the start page is reached by a token in its link.

Facilitator (or solo) link: /tyokirja/<token>/ and its four steps. Team participant link:
/tyokirja/osallistu/<token>/. A participant's own link: /tyokirja/vastaukseni/<token>/.
The facilitator's pages show a team's answers only as counts, never one person's answers.
"""

from dataclasses import dataclass
from functools import wraps

import segno
from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from valoa.page_cache import cached_response
from workbook import recommendations
from workbook.forms import AssessmentForm, ContinueForm, ExperimentForm, ReflectionForm, StartForm
from workbook.models import (
    Answer,
    Experiment,
    Participant,
    ReflectionAnswer,
    ReflectionQuestion,
    Round,
    Statement,
    Workbook,
)
from workbook.results import round_results

CONTINUE = "jatka"
BACK = "edellinen"


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    url_name: str
    title: str


STEPS = [
    Step(1, "missa-olemme", "workbook:assessment", gettext_lazy("Missä olemme nyt")),
    Step(2, "mika-on-tarkeaa", "workbook:reflection", gettext_lazy("Mikä meille on tärkeää")),
    Step(3, "kokeilu", "workbook:experiment", gettext_lazy("Oma kokeilumme")),
    Step(4, "yhteenveto", "workbook:summary", gettext_lazy("Yhteenveto")),
]


def step_links(workbook: Workbook, current: int | None = None) -> list[dict]:
    return [
        {
            "number": step.number,
            "slug": step.slug,
            "title": step.title,
            "url": reverse(step.url_name, kwargs={"token": workbook.token}),
            "current": step.number == current,
        }
        for step in STEPS
    ]


def not_found(request) -> HttpResponse:
    """A helpful 404 for a link that is mistyped, cut short or points at a deleted workbook."""
    return render(
        request,
        "workbook/not_found.html",
        {"retention_months": settings.WORKBOOK_RETENTION_MONTHS},
        status=404,
    )


def private(view):
    """Pages behind a token: never cached, never indexed (the <meta> says it too)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(wrapper)


def token_page(methods=("GET", "HEAD")):
    """Resolve the facilitator token into its workbook; never cached, 404 page when unknown."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, token: str, *args, **kwargs):
            workbook = Workbook.objects.filter(token=token).first()
            if workbook is None:
                return not_found(request)
            workbook.touch()
            return view(request, workbook, *args, **kwargs)

        return private(require_http_methods(list(methods))(wrapper))

    return decorator


def after_save(request, workbook: Workbook, step: int) -> HttpResponse:
    """Where a saved step goes next: on, back, to a chosen step, or stay (POST/redirect/GET)."""
    target = request.POST.get("siirry")
    by_slug = {item.slug: item for item in STEPS}
    if target in by_slug:
        destination = by_slug[target]
    elif request.POST.get("toiminto") == CONTINUE:
        destination = STEPS[min(step, len(STEPS) - 1)]
    elif request.POST.get("toiminto") == BACK and step > 1:
        destination = STEPS[step - 2]
    else:
        destination = STEPS[step - 1]
    messages.success(request, _("Tallennettu."))
    return redirect(reverse(destination.url_name, kwargs={"token": workbook.token}))


def is_continue(request) -> bool:
    return request.POST.get("toiminto") == CONTINUE and not request.POST.get("siirry")


def qr_code_data_uri(url: str) -> str:
    """The participant link as a QR code: an SVG in a data: URI for an <img>, made here."""
    return segno.make(url, error="m").svg_data_uri(scale=6, border=2, dark="#1d2a33")


def participant_link(request, workbook: Workbook) -> str:
    return request.build_absolute_uri(workbook.participant_url())


# Start and continue -------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workbook = Workbook.start(form.cleaned_data["mode"], form.cleaned_data["name"].strip())
        return redirect(workbook)
    return render(
        request,
        "workbook/start.html",
        {"form": form, "continue_form": ContinueForm(), "steps": STEPS},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def continue_with_link(request):
    if request.method != "POST":
        return redirect("workbook:start")
    form = ContinueForm(request.POST)
    if form.is_valid():
        return redirect(form.cleaned_data["linkki"])
    return render(
        request,
        "workbook/start.html",
        {"form": StartForm(), "continue_form": form, "steps": STEPS},
    )


# The facilitator's (or solo user's) pages ---------------------------------------------------


@token_page()
def overview(request, workbook: Workbook):
    rounds = list(workbook.rounds.order_by("number"))
    current = rounds[-1]
    context = {
        "workbook": workbook,
        "round": current,
        "rounds": rounds,
        "steps": step_links(workbook),
        "link": request.build_absolute_uri(workbook.get_absolute_url()),
    }
    if workbook.is_team:
        url = participant_link(request, workbook)
        context.update(
            participant_link=url,
            qr_code=qr_code_data_uri(url),
            results=round_results(current, is_team=True),
        )
    return render(request, "workbook/overview.html", context)


@token_page(methods=("POST",))
def new_round(request, workbook: Workbook):
    current = workbook.current_round()
    if not Answer.objects.filter(participant__round=current).exists():
        messages.error(
            request,
            _(
                "Uutta kierrosta ei aloitettu, koska tällä kierroksella ei ole vielä vastauksia "
                "vaiheeseen 1."
            ),
        )
        return redirect(workbook)
    round_ = workbook.start_round()
    if workbook.is_team:
        text = _(
            "Kierros %(number)d on aloitettu. Osallistujat vastaavat samalla osallistujalinkillä "
            "kuin ennenkin; edellisen kierroksen tuloksiin voitte verrata yhteenvedossa."
        )
    else:
        text = _(
            "Kierros %(number)d on aloitettu. Vastatkaa vaiheeseen 1 uudelleen; edellisen "
            "kierroksen tuloksiin voitte verrata yhteenvedossa."
        )
    messages.success(request, text % {"number": round_.number})
    if workbook.is_team:
        return redirect(workbook)
    return redirect("workbook:assessment", token=workbook.token)


def save_answers(participant: Participant, answers: dict[int, tuple[int, str]]) -> None:
    """Store a participant's step 1 answers, replacing earlier answers to the same statements."""
    with transaction.atomic():
        participant.answers.filter(statement_id__in=answers).delete()
        Answer.objects.bulk_create(
            Answer(participant=participant, statement_id=pk, level=level, note=note)
            for pk, (level, note) in answers.items()
        )


@token_page(methods=("GET", "HEAD", "POST"))
def assessment(request, workbook: Workbook):
    round_ = workbook.current_round()
    if workbook.is_team:
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET", "HEAD"])
        url = participant_link(request, workbook)
        return render(
            request,
            "workbook/team_results.html",
            {
                "workbook": workbook,
                "round": round_,
                "steps": step_links(workbook, 1),
                "results": round_results(round_, is_team=True),
                "participant_link": url,
                "qr_code": qr_code_data_uri(url),
            },
        )
    participant = round_.participants.first()
    statements = Statement.objects.active().select_related("theme")
    answers = {answer.statement_id: answer for answer in participant.answers.all()}
    form = AssessmentForm(
        request.POST or None,
        statements=statements,
        answers=answers,
        complete=request.method == "POST" and is_continue(request),
    )
    if request.method == "POST" and form.is_valid():
        save_answers(participant, form.answers())
        workbook.touch(force=True)
        return after_save(request, workbook, 1)
    return render(
        request,
        "workbook/assessment.html",
        {"workbook": workbook, "round": round_, "form": form, "steps": step_links(workbook, 1)},
    )


def aside_results(workbook: Workbook, round_: Round):
    """The step 1 results shown beside steps 2 and 3 (a team's only past the threshold)."""
    return round_results(round_, is_team=workbook.is_team)


@token_page(methods=("GET", "HEAD", "POST"))
def reflection(request, workbook: Workbook):
    round_ = workbook.current_round()
    questions = ReflectionQuestion.objects.active().select_related("theme")
    answers = dict(round_.reflections.values_list("question_id", "text"))
    form = ReflectionForm(request.POST or None, questions=questions, answers=answers)
    if request.method == "POST" and form.is_valid():
        written = form.answers()
        with transaction.atomic():
            round_.reflections.filter(question_id__in=written).delete()
            ReflectionAnswer.objects.bulk_create(
                ReflectionAnswer(round=round_, question_id=pk, text=text)
                for pk, text in written.items()
                if text
            )
        workbook.touch(force=True)
        return after_save(request, workbook, 2)
    return render(
        request,
        "workbook/reflection.html",
        {
            "workbook": workbook,
            "round": round_,
            "form": form,
            "steps": step_links(workbook, 2),
            "results": aside_results(workbook, round_),
        },
    )


@token_page(methods=("GET", "HEAD", "POST"))
def experiment(request, workbook: Workbook):
    round_ = workbook.current_round()
    plan = Experiment.objects.filter(round=round_).first() or Experiment(round=round_)
    form = ExperimentForm(
        request.POST or None,
        instance=plan,
        complete=request.method == "POST" and is_continue(request),
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        workbook.touch(force=True)
        return after_save(request, workbook, 3)
    previous = round_.previous()
    previous_plan = Experiment.objects.filter(round=previous).first() if previous else None
    return render(
        request,
        "workbook/experiment.html",
        {
            "workbook": workbook,
            "round": round_,
            "form": form,
            "steps": step_links(workbook, 3),
            "results": aside_results(workbook, round_),
            "previous_plan": previous_plan,
        },
    )


@token_page()
def summary(request, workbook: Workbook):
    # Read (and printed) far more often than it changes: cached until the workbook is touched
    # (every change touches it) or content or statements change (the page cache).
    return cached_response(
        request, lambda: summary_page(request, workbook), scope=workbook.page_cache_scope
    )


def summary_page(request, workbook: Workbook) -> HttpResponse:
    rounds = list(workbook.rounds.order_by("number"))
    round_ = rounds[-1]
    requested = request.GET.get("kierros")
    if requested:
        round_ = next((item for item in rounds if str(item.number) == requested), round_)
    results = round_results(round_, is_team=workbook.is_team)
    reflections = (
        ReflectionAnswer.objects.filter(round=round_, question__is_active=True)
        .select_related("question")
        .order_by("question__order", "question__pk")
    )
    reflections_by_theme: dict[int, list] = {}
    for answer in reflections:
        reflections_by_theme.setdefault(answer.question.theme_id, []).append(answer)
    notes = {}
    if not workbook.is_team:
        # Alone, the notes are the user's own; a team's notes are never shown to anyone else.
        notes = dict(
            Answer.objects.filter(participant__round=round_)
            .exclude(note="")
            .values_list("statement_id", "note")
        )
    themes = [
        {
            "result": theme,
            "statements": [
                {"result": item, "note": notes.get(item.statement.pk, "")}
                for item in theme.statements
            ],
            "reflections": reflections_by_theme.get(theme.theme.pk, []),
        }
        for theme in results.themes
    ]
    focus = results.focus_themes if results.visible else []
    return render(
        request,
        "workbook/summary.html",
        {
            "workbook": workbook,
            "round": round_,
            "rounds": rounds,
            "is_latest": round_ == rounds[-1],
            "steps": step_links(workbook, 4),
            "results": results,
            "themes": themes,
            "chart": results.chart() if results.visible else None,
            "plan": Experiment.objects.filter(round=round_).first(),
            "focus_themes": focus,
            "recommended_cases": recommendations.recommended_cases(focus),
            "recommended_articles": recommendations.recommended_articles(focus),
        },
    )


# Participants of a team ---------------------------------------------------------------------


@private
@require_http_methods(["GET", "HEAD", "POST"])
def participate(request, token: str):
    """The link a team shares: each person answers step 1 here, anonymously."""
    workbook = Workbook.objects.filter(participant_token=token).first()
    if workbook is None:
        return not_found(request)
    workbook.touch()
    round_ = workbook.current_round()
    statements = Statement.objects.active().select_related("theme")
    form = AssessmentForm(request.POST or None, statements=statements)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            participant = Participant.objects.create(round=round_)
            save_answers(participant, form.answers())
        workbook.touch(force=True)
        messages.success(request, _("Kiitos! Vastauksesi on tallennettu."))
        return redirect(participant)
    return render(
        request, "workbook/participate.html", {"workbook": workbook, "round": round_, "form": form}
    )


def participant_page(view):
    @wraps(view)
    def wrapper(request, token: str):
        participant = (
            Participant.objects.filter(token=token).select_related("round__workbook").first()
        )
        if participant is None or not participant.round.workbook.is_team:
            return not_found(request)
        participant.round.workbook.touch()
        return view(request, participant)

    return private(wrapper)


@participant_page
@require_http_methods(["GET", "HEAD"])
def participant(request, participant: Participant):
    """A participant's own answers beside the team's distribution (past the threshold)."""
    round_ = participant.round
    workbook = round_.workbook
    results = round_results(round_, is_team=True)
    own = {answer.statement_id: answer for answer in participant.answers.all()}
    rows = [{"result": item, "own": own.get(item.statement.pk)} for item in results.statements]
    return render(
        request,
        "workbook/participant.html",
        {
            "workbook": workbook,
            "round": round_,
            "participant": participant,
            "results": results,
            "rows": rows,
            "link": request.build_absolute_uri(participant.get_absolute_url()),
            "is_current": round_ == workbook.current_round(),
        },
    )


@participant_page
@require_http_methods(["GET", "HEAD", "POST"])
def participant_edit(request, participant: Participant):
    round_ = participant.round
    if round_ != round_.workbook.current_round():
        messages.error(request, _("Edellisen kierroksen vastauksia ei voi enää muuttaa."))
        return redirect(participant)
    statements = Statement.objects.active().select_related("theme")
    answers = {answer.statement_id: answer for answer in participant.answers.all()}
    form = AssessmentForm(request.POST or None, statements=statements, answers=answers)
    if request.method == "POST" and form.is_valid():
        save_answers(participant, form.answers())
        round_.workbook.touch(force=True)
        messages.success(request, _("Vastauksesi on päivitetty."))
        return redirect(participant)
    return render(
        request,
        "workbook/participant_edit.html",
        {
            "workbook": round_.workbook,
            "round": round_,
            "participant": participant,
            "form": form,
        },
    )
