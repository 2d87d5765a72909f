"""What a facilitator takes out of the workbook: the results as CSV, the look-back date as a
calendar event, and the experiment plan as a prefilled story for Innostu.

Only what the workbook's pages show goes out: a team's published counts, never one person's
answers or notes.
"""

from datetime import timedelta
from hashlib import sha256
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from stories.models import Submission
from valoa.csv_files import csv_cell, csv_download
from workbook.models import Experiment, Level, Round, Workbook
from workbook.results import RoundResults

# The story goes in the address: gunicorn refuses request lines over 4094 bytes, nginx over 8k.
PREFILL_MAX_BYTES = 3000


def filename(workbook: Workbook, round_: Round, extension: str) -> str:
    name = slugify(workbook.name)[:40] or "tyokirja"
    return f"valoa-{name}-kierros-{round_.number}.{extension}"


def iso_date(value) -> str:
    return value.isoformat() if value else ""


def plan_rows(plan: Experiment | None) -> list[tuple[str, str]]:
    """The plan as (question, answer), in the order of step 3."""
    if plan is None:
        return []
    return [
        (_("Mitä teemaa kokeilu kehittää?"), plan.focus.name if plan.focus else ""),
        (_("Mitä kokeilemme?"), plan.what),
        (_("Miksi kokeilemme juuri tätä?"), plan.why),
        (_("Kuka tekee mitä?"), plan.who_does_what),
        (_("Mihin mennessä?"), iso_date(plan.deadline)),
        (_("Mistä tiedämme, että kokeilu onnistui?"), plan.success_signs),
        (_("Milloin katsomme taaksepäin?"), iso_date(plan.look_back_on)),
    ]


def results_csv(workbook: Workbook, results: RoundResults, plan: Experiment | None) -> HttpResponse:
    """The summary as rows: the statements (most disagreement first), the themes, the plan."""
    response, writer = csv_download(filename(workbook, results.round, "csv"))

    def row(*cells) -> None:
        writer.writerow(csv_cell(cell) for cell in cells)

    row(_("Työkirja"), str(workbook))
    row(_("Kierros"), results.round.number)
    if workbook.is_team:
        row(_("Vastauksia tuloksissa"), results.participant_count)
    row()
    if results.visible:
        levels = [level.label for level in Level]
        row(_("Väite"), _("Teema"), *levels, _("Keskiarvo (1–3)"), _("Hajonta"))
        for item in results.by_disagreement:
            row(
                item.statement.text,
                item.statement.theme.name,
                *item.counts,
                item.average_display,
                f"{item.disagreement:.2f}".replace(".", ","),
            )
        row()
        row(_("Teema"), *levels, _("Keskiarvo (1–3)"))
        for theme in results.themes:
            row(theme.theme.name, *theme.counts, theme.average_display)
        row()
        row(_("Eniten kehitettävää"), ", ".join(theme.name for theme in results.focus_themes))
    else:
        row(_("Tuloksia ei vielä näytetä, koska vastauksia on liian vähän."))
    row()
    row(_("Oma kokeilumme"))
    for question, answer in plan_rows(plan):
        row(question, answer)
    return response


def look_back_event(request: HttpRequest, workbook: Workbook, plan: Experiment) -> bytes:
    """The day the team looks back at its experiment, as an all-day calendar event. It does
    not carry the workbook's link: the event is often shared with the whole team."""
    calendar = Calendar()
    calendar.add("prodid", "-//VALOA//Työkirja//FI")
    calendar.add("version", "2.0")
    event = Event()
    # The same event on every download, so that a calendar updates it instead of adding one.
    key = sha256(f"{workbook.token}:{plan.round.number}".encode()).hexdigest()[:32]
    event.add("uid", f"valoa-tyokirja-{key}@{request.get_host()}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", plan.look_back_on)
    event.add("dtend", plan.look_back_on + timedelta(days=1))
    event.add("summary", _("Katsotaan kokeiluun taaksepäin: %(what)s") % {"what": plan.what[:80]})
    lines = [f"{question}\n{answer}" for question, answer in plan_rows(plan) if answer]
    lines.append(
        _("Mitä opimme? Jatkammeko, muutammeko vai lopetammeko? VALOA-työkirja: %(url)s")
        % {"url": request.build_absolute_uri(reverse("workbook:start"))}
    )
    event.add("description", "\n\n".join(lines))
    calendar.add_component(event)
    return calendar.to_ical()


def story_prefill_url(plan: Experiment) -> str:
    """The Innostu story form's address with the plan filled in (the contributor reviews and
    sends it). The story is cut to fit in an address that every server in front accepts."""
    parts = [
        (_("Mitä kokeilimme?"), plan.what),
        (_("Miksi kokeilimme juuri tätä?"), plan.why),
        (_("Kuka teki mitä?"), plan.who_does_what),
        (_("Mistä tiesimme, että kokeilu onnistui?"), plan.success_signs),
        (_("Mitä opimme?"), ""),
    ]
    story = "\n\n".join(f"{question}\n{answer}".strip() for question, answer in parts)
    query = {
        "laji": Submission.Kind.EXPERIMENT,
        "otsikko": plan.what.splitlines()[0][:120] if plan.what else "",
        "kertomus": story,
    }
    themes = [("teema", plan.focus.slug)] if plan.focus else []

    def encoded() -> str:
        return urlencode([*query.items(), *themes])

    address = encoded()
    if len(address) > PREFILL_MAX_BYTES:
        while query["kertomus"] and len(encoded()) > PREFILL_MAX_BYTES - 10:
            query["kertomus"] = query["kertomus"][:-50]
        query["kertomus"] = query["kertomus"].rstrip() + "…"
        address = encoded()
    return reverse("stories:submit") + "?" + address
