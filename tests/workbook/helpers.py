"""Helpers for the workbook tests: addresses, form data, quick answers, and reading forms."""

from html.parser import HTMLParser

from django.test import Client
from django.urls import reverse

from tests.factories import form_data
from tests.form_pages import parse, text
from workbook.models import Level, Participant, Workbook


def url(name: str, workbook: Workbook) -> str:
    return reverse(f"workbook:{name}", kwargs={"token": workbook.token})


def themes_under(page: str, heading: str) -> list[tuple[str, str]]:
    """The themes listed under a heading of the summary: each item's link and its text."""
    items = parse(page).find("h3", string=heading).find_next_sibling("ul").find_all("li")
    return [(item.a["href"], text(item)) for item in items]


def table_row(page: str, heading: str) -> list[str]:
    """The cells of the first table row headed (th) by this text, as a reader sees them."""
    header = parse(page).find(lambda tag: tag.name == "th" and text(tag) == heading)
    return [text(cell) for cell in header.find_parent("tr").find_all("td")]


def assessment_data(statements, levels=Level.PARTLY, notes=None, action="jatka") -> dict:
    """What a browser sends from step 1: `levels` is one level for all or {statement: level}."""
    data = {"toiminto": action} if action else {}
    for statement in statements:
        level = levels.get(statement.pk) if isinstance(levels, dict) else levels
        if level is not None:
            data[f"vaite_{statement.pk}"] = str(int(level))
        data[f"muistiinpano_{statement.pk}"] = (notes or {}).get(statement.pk, "")
    return data


def participate_data(statements, levels=Level.PARTLY, notes=None) -> dict:
    """What a team member's browser sends from one showing of the participant form."""
    return form_data(**assessment_data(statements, levels, notes, action=None))


def answer_as_a_new_person(workbook: Workbook, statements, levels=Level.PARTLY, notes=None):
    """A team member answering on a device of their own (a browser with no cookies yet)."""
    return Client().post(workbook.participant_url(), participate_data(statements, levels, notes))


def add_participant(workbook: Workbook, statements, levels=Level.PARTLY, note="") -> Participant:
    """A team member's answers, stored as the participant form stores them (without a form)."""
    participant = Participant.objects.create(round=workbook.current_round())
    participant.replace_answers(
        {
            statement.pk: (levels.get(statement.pk) if isinstance(levels, dict) else levels, note)
            for statement in statements
        }
    )
    return participant


class _Fields(HTMLParser):
    """The values a browser would send from a page's form fields, as first shown."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag == "input" and name:
            if attributes.get("type") in ("radio", "checkbox") and "checked" not in attributes:
                return
            self.values.setdefault(name, []).append(attributes.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.setdefault(name, []).append("")

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def field_values(page: str) -> dict[str, list[str]]:
    """{field name: [value, …]} of a page's inputs (checked ones only) and text areas."""
    parser = _Fields()
    parser.feed(page)
    return parser.values
