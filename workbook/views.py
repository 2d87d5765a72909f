"""The workbook's pages. Every page after the start page is reached by a token in its link.

Facilitator (or solo) link: /tyokirja/<token>/ and its four steps. Team participant link:
/tyokirja/osallistu/<token>/. A participant's own link: /tyokirja/vastaukseni/<token>/.
The facilitator's pages show a team's answers only as published counts (results.py), never
one person's answers. A token that cannot be one is answered with the helpful 404 before any
query (a NUL byte would make PostgreSQL fail).

One person, one answer: a participant who answers gets a first-party cookie with their own
link's token, so that opening the participant link again from the same browser leads to their
own answers; a double click, a retry or a form sent again stores one participant (the form's
submission key), and new participants are limited in rate per link and per address.
"""

from dataclasses import dataclass
from functools import wraps

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from valoa import posting
from valoa.content.compiled import CompiledList, together
from valoa.models import Theme
from valoa.web import page_cache
from valoa.web.page_cache import LISTING, cached_for_readers, cached_response
from workbook import exports, recommendations, statistics
from workbook.forms import (
    AssessmentForm,
    ContinueForm,
    ExperimentForm,
    ParticipateForm,
    ReflectionForm,
    StartForm,
)
from workbook.models import (
    Answer,
    Benchmark,
    Experiment,
    Level,
    Participant,
    ReflectionAnswer,
    ReflectionQuestion,
    Round,
    Statement,
    Workbook,
    is_token,
)
from workbook.results import (
    RoundResults,
    ThemeResult,
    level_labels,
    round_results,
)
from workbook.templatetags.workbook_tags import plant_icon

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
            # For screen readers, before the title (the number is shown on its own).
            "label": _("Vaihe %(number)s:") % {"number": step.number},
            "url": reverse(step.url_name, kwargs={"token": workbook.token}),
            "current": step.number == current,
        }
        for step in STEPS
    ]


PARTICIPANT_COOKIE = "tyokirja"
PARTICIPANT_COOKIE_DAYS = 90  # a round lasts from a meeting to a few weeks
REMEMBERED_PARTICIPANTS = 5  # one browser may take part in a few teams' workbooks

# What every facilitator's page and the summary read: their SQL written once.
WORKBOOK_BY_TOKEN = CompiledList(
    lambda now, token: Workbook.objects.filter(token=token), args=(str,)
)
# The plan (one at most each) and the count of complete answers come with the rounds.
ROUNDS_WITH_PLANS = CompiledList(
    lambda now, workbook: (
        Round.objects.filter(workbook=workbook)
        .select_related("experiment")
        .with_complete_counts()
        .order_by("number")
    ),
    args=(int,),
)
# Of all the workbook's rounds (a few): read with the rounds, before one is chosen.
REFLECTIONS = CompiledList(
    lambda now, workbook: ReflectionAnswer.objects.filter(round__workbook=workbook).values_list(
        "round", "question", "text"
    ),
    tuples=True,
    args=(int,),
)


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
            workbook = WORKBOOK_BY_TOKEN.bind(token).first() if is_token(token) else None
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


def chosen_round(
    request, workbook: Workbook, rounds: list[Round] | None = None
) -> tuple[Round, list[Round]]:
    """The round asked for with ?kierros=N (the current one otherwise), and all rounds (read
    here unless the page has them already)."""
    if rounds is None:
        rounds = list(workbook.rounds.order_by("number"))
    requested = request.GET.get("kierros")
    round_ = next((item for item in rounds if str(item.number) == requested), rounds[-1])
    return round_, rounds


# Start, continue and the facilitator's guide ------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        workbook = Workbook.start(
            form.cleaned_data["mode"],
            form.cleaned_data["name"].strip(),
            form.cleaned_data["sektori"],
        )
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


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def guide(request):
    """How to run the workbook in a team meeting: a script with timings and questions."""
    return render(request, "workbook/guide.html", {"threshold": settings.WORKBOOK_TEAM_THRESHOLD})


@require_http_methods(["GET", "HEAD"])
@cached_for_readers()
def blank_workbook(request):
    """The whole workbook on paper, for a team that meets without devices."""
    return render(
        request,
        "workbook/blank_workbook.html",
        {
            "statements": Statement.objects.active().select_related("theme"),
            "questions": ReflectionQuestion.objects.active().select_related("theme"),
            "levels": list(Level),
        },
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
        "can_start_round": current.has_answers(),
    }
    if workbook.is_team:
        url = participant_link(request, workbook)
        context.update(
            participant_link=url,
            qr_code=qr_code_data_uri(url),
            results=round_results(current, is_team=True),
        )
    return render(request, "workbook/overview.html", context)


def confirm(request, workbook: Workbook, action: str, title: str, text: str, button: str):
    return render(
        request,
        "workbook/confirm.html",
        {
            "workbook": workbook,
            "action": reverse(action, kwargs={"token": workbook.token}),
            "title": title,
            "text": text,
            "button": button,
        },
    )


@token_page(methods=("GET", "HEAD", "POST"))
def new_round(request, workbook: Workbook):
    """Asks first (GET), then starts the next round (POST); only after answers in this one."""
    current = workbook.current_round()
    if not current.has_answers():
        messages.error(
            request,
            _(
                "Uutta kierrosta ei aloitettu, koska tällä kierroksella ei ole vielä vastauksia "
                "vaiheeseen 1."
            ),
        )
        return redirect(workbook)
    number = current.number + 1
    if request.method != "POST":
        return confirm(
            request,
            workbook,
            "workbook:new_round",
            _("Aloitetaanko kierros %(number)d?") % {"number": number},
            _(
                "Kierros %(current)d päättyy: sen vastauksia ei voi enää muuttaa, ja sen "
                "tulokset ja yhteenveto säilyvät vertailua varten. Kierroksella %(number)d "
                "vastataan vaiheeseen 1 uudelleen, ja vaiheet 2 ja 3 aloitetaan alusta."
            )
            % {"current": current.number, "number": number},
            _("Aloita kierros %(number)d") % {"number": number},
        )
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


@token_page(methods=("GET", "HEAD", "POST"))
def close_round(request, workbook: Workbook):
    """A team's facilitator ends answering to this round (asks first)."""
    round_ = workbook.current_round()
    if not workbook.is_team or not round_.is_open:
        return redirect(workbook)
    if request.method != "POST":
        return confirm(
            request,
            workbook,
            "workbook:close_round",
            _("Päätetäänkö vastaaminen kierrokseen %(number)d?") % {"number": round_.number},
            _(
                "Päättämisen jälkeen kukaan ei voi enää vastata tähän kierrokseen eikä muuttaa "
                "vastauksiaan. Tulokset päivittyvät vielä kerran, jos edellisten tulosten "
                "jälkeen on tullut vähintään %(threshold)d uutta vastausta; muuten uusimmat "
                "vastaukset jäävät näyttämättä, jotta niistä ei voi päätellä kenenkään "
                "vastauksia."
            )
            % {"threshold": settings.WORKBOOK_TEAM_THRESHOLD},
            _("Päätä vastaaminen"),
        )
    round_.close()
    messages.success(
        request,
        _("Vastaaminen kierrokseen %(number)d on päätetty.") % {"number": round_.number},
    )
    return redirect("workbook:assessment", token=workbook.token)


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
        participant.replace_answers(form.answers())
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
        round_.replace_reflections(form.answers())
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
    # (every change touches it), statements change (the site's generation) or a document its
    # reading tips may name does (the lists' scope).
    return cached_response(
        request,
        lambda: summary_page(request, workbook),
        scopes=(workbook.page_cache_scope, LISTING),
    )


def beside_all_teams(results: RoundResults, benchmark: Benchmark | None) -> dict | None:
    """A team's theme averages beside all teams' (only when enough teams have results). All
    teams' figures change seldom; a cached summary may show them PAGE_CACHE_SECONDS late."""
    if not (results.is_team and results.visible):
        return None
    benchmark, all_teams = statistics.benchmark_themes(
        [item.statement for item in results.statements], benchmark
    )
    if benchmark is None:
        return None
    # Plain figures: the key of their markup's {% memo %}.
    return {
        "teams": benchmark.teams,
        "rows": [
            (
                theme.name,
                theme.average_display,
                all_teams[theme.theme.pk].average_display if theme.theme.pk in all_teams else "–",
            )
            for theme in results.themes
        ],
    }


def shown_questions() -> list[tuple[int, int, str]]:
    """(id, theme id, text) of the active questions of step 2 in order, as the summary shows
    them in the page's language: read once per language (not a translated field per row)."""
    return page_cache.kept_while_the_site_holds(
        f"questions:{get_language()}",
        lambda: [
            (question.pk, question.theme_id, question.text)
            for question in ReflectionQuestion.objects.active().only("theme", "text")
        ],
    )


def statement_rows(results: RoundResults, notes: dict[int, str]) -> dict[int, list[tuple]]:
    """Per theme, each statement's row of the summary as (text, answer, plant icon, note):
    worked out once here, so that the template only writes them out."""
    if not results.visible:
        not_yet = _("ei vielä tuloksia")
    elif results.is_team:
        labels = level_labels()
    else:
        unanswered = _("ei vastattu")
        icons = {level: plant_icon(level) for level in Level}
    rows: dict[int, list[tuple]] = {}
    for theme in results.themes:
        theme_rows = rows[theme.theme.pk] = []
        for item in theme.statements:
            icon = None
            if not results.visible:
                answer = not_yet
            elif results.is_team:
                answer = item.distribution(labels)
            elif item.chosen_level:
                answer, icon = str(item.chosen_level.label), icons[item.chosen_level]
            else:
                answer = unanswered
            theme_rows.append((item.statement.text, answer, icon, notes.get(item.statement.pk, "")))
    return rows


def change_rows(results: RoundResults) -> list[tuple[str, str, str, str, str, str]]:
    """The comparison with the round before, a row per statement: (statement, before, now,
    direction, change, the change in words for screen readers)."""
    in_words = {"up": " " + _("(parani)"), "down": " " + _("(heikkeni)"), "same": ""}
    return [
        (
            item.statement.text,
            item.previous_average_display,
            item.average_display,
            item.change_direction,
            item.change_display,
            in_words[item.change_direction],
        )
        for item in results.statements
    ]


def theme_figures(themes: list[ThemeResult]) -> list[tuple[str, str, str]]:
    """(address, name, average) of each theme: plain keys of their markup's {% memo %}."""
    return [(item.theme.get_absolute_url(), item.name, item.average_display) for item in themes]


def summary_page(request, workbook: Workbook) -> HttpResponse:
    # The plan's theme comes from the themes every page shares (not a join of their long texts).
    rounds, reflections, benchmarks = together(
        ROUNDS_WITH_PLANS.bind(workbook.pk),
        REFLECTIONS.bind(workbook.pk),
        statistics.LATEST_BENCHMARK,
    )
    for item in rounds:
        item.workbook = workbook
    round_, rounds = chosen_round(request, workbook, list(rounds))
    results = round_results(round_, is_team=workbook.is_team, rounds=rounds)
    answers = {question: text for of, question, text in reflections if of == round_.pk}
    reflections_by_theme: dict[int, list] = {}
    for pk, theme_id, question in shown_questions():  # answers to retired ones are left out
        if pk in answers:
            reflections_by_theme.setdefault(theme_id, []).append(
                # Their line breaks as <br> here: less work than a filter in the loop.
                (question, linebreaksbr(answers[pk], autoescape=True))
            )
    notes = {}
    if not workbook.is_team:
        # Alone, the notes are the user's own; a team's notes are never shown to anyone else.
        notes = dict(
            Answer.objects.filter(participant__round=round_)
            .exclude(note="")
            .values_list("statement_id", "note")
        )
    rows = statement_rows(results, notes)
    average = _("keskiarvo %(average)s")
    themes = [
        {
            "slug": theme.theme.slug,
            "name": theme.theme.name,
            "average": average % {"average": theme.average_display} if results.visible else "",
            "statements": rows[theme.theme.pk],
            "reflections": reflections_by_theme.get(theme.theme.pk, []),
        }
        for theme in results.themes
    ]
    focus = results.focus_themes if results.visible else []
    try:
        plan = round_.experiment
    except Experiment.DoesNotExist:
        plan = None
    if plan is not None and plan.focus_id in (shared_themes := Theme.shared()):
        plan.focus = shared_themes[plan.focus_id]
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
            "has_notes": bool(notes),
            "changes": change_rows(results) if results.previous_visible else [],
            "chart": results.chart() if results.visible else None,
            "plan": plan,
            "share_url": exports.story_prefill_url(plan) if plan and plan.what else None,
            "beside_all_teams": beside_all_teams(results, next(iter(benchmarks), None)),
            "strongest": theme_figures(results.strongest),
            "weakest": theme_figures(results.weakest),
            "focus_themes": [(theme.get_absolute_url(), theme.name) for theme in focus],
            "recommended_cases": recommendations.recommended_cases(focus),
            "recommended_articles": recommendations.recommended_articles(focus),
        },
    )


@token_page()
def print_view(request, workbook: Workbook):
    """The results and the plan on one printable page, for the team's wall or minutes."""
    round_, rounds = chosen_round(request, workbook)
    results = round_results(round_, is_team=workbook.is_team, rounds=rounds)
    focus = results.focus_themes if results.visible else []
    return render(
        request,
        "workbook/print.html",
        {
            "workbook": workbook,
            "round": round_,
            "results": results,
            "plan": Experiment.objects.filter(round=round_).select_related("focus").first(),
            "focus_themes": focus,
            "reading": recommendations.recommended_cases(focus, limit=2)
            + recommendations.recommended_articles(focus, limit=2),
        },
    )


@token_page()
def results_csv(request, workbook: Workbook):
    round_, rounds = chosen_round(request, workbook)
    plan = Experiment.objects.filter(round=round_).select_related("focus").first()
    return exports.results_csv(workbook, round_results(round_, workbook.is_team, rounds), plan)


@token_page()
def look_back_calendar(request, workbook: Workbook):
    """The experiment's look-back day as an .ics file for the facilitator's calendar."""
    round_, _rounds = chosen_round(request, workbook)
    plan = Experiment.objects.filter(round=round_).select_related("focus").first()
    if plan is None or plan.look_back_on is None:
        messages.error(
            request, _("Kirjoittakaa ensin päivä, jolloin katsotte kokeiluun taaksepäin.")
        )
        return redirect("workbook:experiment", token=workbook.token)
    response = HttpResponse(
        exports.look_back_event(request, workbook, plan), content_type="text/calendar"
    )
    name = exports.filename(workbook, round_, "ics")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# Participants of a team ---------------------------------------------------------------------


def remembered_tokens(request) -> list[str]:
    """The participant tokens this browser's cookie holds (newest first)."""
    values = request.COOKIES.get(PARTICIPANT_COOKIE, "").split(".")
    return [value for value in values if is_token(value)][:REMEMBERED_PARTICIPANTS]


def remembered_participant(request, round_: Round) -> Participant | None:
    """Who this browser answered as in this round, if it answered."""
    tokens = remembered_tokens(request)
    return round_.participants.filter(token__in=tokens).first() if tokens else None


def remember(request, response: HttpResponse, participant: Participant) -> None:
    """The strictly necessary cookie of one person, one answer: set only when one answers."""
    others = [token for token in remembered_tokens(request) if token != participant.token]
    response.set_cookie(
        PARTICIPANT_COOKIE,
        ".".join([participant.token, *others][:REMEMBERED_PARTICIPANTS]),
        max_age=PARTICIPANT_COOKIE_DAYS * 24 * 60 * 60,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def too_many_participants(request, context: dict, form) -> HttpResponse:
    """The participant form again, kept as filled in, saying when a new answer fits in."""
    minutes = max(1, settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS // 60)
    response = render(
        request,
        "workbook/participate.html",
        {**context, "form": form, "rate_limited": True, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS)
    return response


@private
@require_http_methods(["GET", "HEAD", "POST"])
def participate(request, token: str):
    """The link a team shares: each person answers step 1 here, anonymously, once."""
    workbook = Workbook.objects.filter(participant_token=token).first() if is_token(token) else None
    if workbook is None or not workbook.is_team:
        return not_found(request)
    workbook.touch()
    round_ = workbook.current_round()
    own = remembered_participant(request, round_)
    context = {
        "workbook": workbook,
        "round": round_,
        "own": own,
        "threshold": settings.WORKBOOK_TEAM_THRESHOLD,
    }
    if not round_.is_open:
        return render(request, "workbook/participate_closed.html", context)
    if own is not None and request.method != "POST":
        messages.info(
            request,
            _(
                "Olet jo vastannut tähän kierrokseen tällä selaimella. Voit muuttaa "
                "vastauksiasi tässä; tiimissä sinut lasketaan edelleen yhdeksi vastaajaksi."
            ),
        )
        return redirect("workbook:participant_edit", token=own.token)
    statements = Statement.objects.active().select_related("theme")
    form = ParticipateForm(
        request.POST or None, statements=statements, round=round_, participant=own
    )
    if request.method == "POST":
        received = posting.receive(
            request, form, limited=lambda: too_many_participants(request, context, form)
        )
        if received.refusal:
            return received.refusal
        if received.instance:
            messages.success(request, _("Kiitos! Vastauksesi on tallennettu."))
            response = redirect(received.instance)
            remember(request, response, received.instance)
            return response
    return render(request, "workbook/participate.html", {**context, "form": form})


def participant_page(view):
    @wraps(view)
    def wrapper(request, token: str):
        participant = (
            Participant.objects.filter(token=token).select_related("round__workbook").first()
            if is_token(token)
            else None
        )
        if participant is None or not participant.round.workbook.is_team:
            return not_found(request)
        participant.round.workbook.touch()
        return view(request, participant)

    return private(wrapper)


@participant_page
@require_http_methods(["GET", "HEAD"])
def participant(request, participant: Participant):
    """A participant's own answers beside the team's last published results, nothing finer."""
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
            "is_current": round_.is_open,
        },
    )


@participant_page
@require_http_methods(["GET", "HEAD", "POST"])
def participant_edit(request, participant: Participant):
    round_ = participant.round
    if not round_.is_open:
        messages.error(request, _("Päättyneen kierroksen vastauksia ei voi enää muuttaa."))
        return redirect(participant)
    statements = Statement.objects.active().select_related("theme")
    answers = {answer.statement_id: answer for answer in participant.answers.all()}
    form = AssessmentForm(request.POST or None, statements=statements, answers=answers)
    if request.method == "POST" and form.is_valid():
        participant.replace_answers(form.answers())
        messages.success(request, _("Vastauksesi on päivitetty."))
        response = redirect(participant)
        remember(request, response, participant)
        return response
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
