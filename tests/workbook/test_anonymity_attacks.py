"""The three ways a team's anonymity was defeated in trials (issue 13), each tried as it was done:
one browser answering many times, invented answers topping up the threshold, and comparing the
results before and after one more answer."""

import pytest
from django.test import Client

from tests.factories import form_data
from tests.form_pages import parse
from tests.workbook.helpers import assessment_data, url
from workbook.models import Level, Participant

pytestmark = pytest.mark.django_db


def answer(browser: Client, team, statements, level) -> str:
    """Open the participant link and send the form, as a browser does; where it leads."""
    browser.get(team.participant_url())
    response = browser.post(
        team.participant_url(), form_data(**assessment_data(statements, level, action=None))
    )
    return response["Location"]


def counts(page: str) -> list[str]:
    """The counts in the page's tables: every number cell that holds a whole number."""
    cells = parse(page).find_all("td", class_="num")
    return [cell.get_text() for cell in cells if cell.get_text().isdigit()]


def test_one_browser_cannot_answer_as_many_people(team, statements):
    browser = Client()
    for level in (Level.NOT_YET, Level.PARTLY, Level.WELL):
        answer(browser, team, statements, level)

    reopened = browser.get(team.participant_url(), follow=True).content.decode()

    assert Participant.objects.count() == 1
    assert "Olet jo vastannut tähän kierrokseen" in reopened


def test_the_facilitators_invented_answers_do_not_top_up_the_threshold(client, team, statements):
    facilitator = Client()
    answer(facilitator, team, statements, Level.WELL)
    answer(facilitator, team, statements, Level.WELL)
    answer(Client(), team, statements, Level.NOT_YET)  # the one real person

    page = client.get(url("assessment", team)).content.decode()

    assert "2 vastausta." in page
    assert "Vastausten jakauma" not in page
    assert "Ei vielä toteudu: 1" not in client.get(url("summary", team)).content.decode()


def test_a_flood_of_invented_participants_is_slowed_to_the_limit(team, statements, settings):
    # One counting window for all twenty, however slow the machine (the window is fixed: a
    # minute's boundary in the middle would start the count afresh).
    settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS = 10**9
    accepted = refused = 0
    for _ in range(20):
        browser = Client()  # a new browser each time: no cookie to give it away
        response = browser.post(
            team.participant_url(), form_data(**assessment_data(statements, action=None))
        )
        accepted += response.status_code == 302
        refused += response.status_code == 429

    assert accepted == settings.WORKBOOK_NEW_PARTICIPANTS
    assert refused == 20 - settings.WORKBOOK_NEW_PARTICIPANTS
    assert Participant.objects.count() == settings.WORKBOOK_NEW_PARTICIPANTS


def test_results_before_and_after_one_more_answer_are_the_same(client, team, statements):
    first = Client()
    own_page = answer(first, team, statements, Level.PARTLY)
    for level in (Level.NOT_YET, Level.WELL):
        answer(Client(), team, statements, level)
    before = {
        "facilitator": counts(client.get(url("assessment", team)).content.decode()),
        "summary": counts(client.get(url("summary", team)).content.decode()),
        "participant": counts(first.get(own_page).content.decode()),
    }

    answer(Client(), team, statements, Level.WELL)  # the one whose answers are wanted

    after = {
        "facilitator": counts(client.get(url("assessment", team)).content.decode()),
        "summary": counts(client.get(url("summary", team)).content.decode()),
        "participant": counts(first.get(own_page).content.decode()),
    }
    assert before["facilitator"]  # results are shown
    assert after == before
