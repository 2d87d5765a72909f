"""The summary is cached until the workbook changes: answers, plans and new rounds show at once."""

import pytest

from tests.workbook.helpers import answer_as_a_new_person, url
from workbook.models import Level, Statement

pytestmark = pytest.mark.django_db


def answer_as_participant(team, statements, level) -> None:
    assert answer_as_a_new_person(team, statements, level).status_code == 302


def test_a_second_visit_is_served_from_the_cache(client, team):
    client.get(url("summary", team))

    assert client.get(url("summary", team))["X-Page-Cache"] == "hit"


def test_a_new_answer_shows_in_the_summary_at_once(client, team, statements, settings):
    settings.WORKBOOK_TEAM_THRESHOLD = 1
    answer_as_participant(team, statements, Level.WELL)
    assert "1 vastaaja" in client.get(url("summary", team)).content.decode()

    answer_as_participant(team, statements, Level.NOT_YET)

    page = client.get(url("summary", team))
    assert "2 vastaajaa" in page.content.decode()  # the threshold of 1 is a step of 1
    assert page["X-Page-Cache"] == "miss"


def test_a_saved_plan_shows_at_once_and_the_saved_message_is_not_cached(client, solo):
    client.get(url("summary", solo))

    response = client.post(
        url("experiment", solo),
        {"what": "Viikkopalaveri seisten", "siirry": "yhteenveto"},
        follow=True,
    )

    assert "Viikkopalaveri seisten" in response.content.decode()
    assert "Tallennettu." in response.content.decode()
    assert "Tallennettu." not in client.get(url("summary", solo)).content.decode()


def test_an_edited_statement_shows_at_once(client, solo, statements):
    client.get(url("summary", solo))
    statement = Statement.objects.get(pk=statements[0].pk)
    statement.text = "Kysymme toisiltamme neuvoa joka viikko."
    statement.save()

    assert "Kysymme toisiltamme neuvoa" in client.get(url("summary", solo)).content.decode()


def test_the_summary_is_never_cached_by_browsers_or_proxies(client, solo):
    client.get(url("summary", solo))
    response = client.get(url("summary", solo))

    assert response["X-Page-Cache"] == "hit"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
