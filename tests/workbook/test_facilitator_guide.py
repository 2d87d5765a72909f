"""The facilitator's guide (a meeting script) and the workbook on paper are public pages."""

import pytest
from django.urls import reverse

from tests.form_pages import parse
from tests.page_checks import kept_out_of_search_engines
from workbook.models import ReflectionQuestion, Statement

pytestmark = pytest.mark.django_db


def test_the_guide_has_a_meeting_script_with_timings_and_questions(client):
    response = client.get(reverse("workbook:guide"))

    page = response.content.decode()
    assert response.status_code == 200
    for step in ("0–5 min", "5–15 min", "15–35 min", "35–50 min", "50–60 min"):
        assert step in page
    assert "Mistä voi johtua, että näemme tämän eri tavoin?" in page
    assert "Sopikaa yksi kokeilu" in page
    assert "Raja ei suojaa keksityiltä vastauksilta." in page
    assert reverse("workbook:blank") in page
    assert not kept_out_of_search_engines(parse(page))


def test_the_paper_workbook_has_every_statement_question_and_plan_field(client):
    page = client.get(reverse("workbook:blank")).content.decode()

    for statement in Statement.objects.active():
        assert statement.text in page
    for question in ReflectionQuestion.objects.active():
        assert question.text in page
    assert "Milloin katsomme taaksepäin?" in page
    assert page.count('class="box"') == 3 * Statement.objects.active().count()


def test_the_guide_is_linked_from_the_start_and_the_team_overview(client, team):
    guide = reverse("workbook:guide")

    assert guide in client.get(reverse("workbook:start")).content.decode()
    assert guide in client.get(team.get_absolute_url()).content.decode()


def test_both_are_served_from_the_page_cache(client):
    for name in ("workbook:guide", "workbook:blank"):
        client.get(reverse(name))
        assert client.get(reverse(name))["X-Page-Cache"] == "hit"
