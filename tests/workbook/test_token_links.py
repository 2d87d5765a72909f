"""Workbooks are reached only by long random tokens; a wrong link gets a helpful 404."""

import re

import pytest
from django.urls import reverse

from tests.form_pages import parse
from tests.page_checks import kept_out_of_search_engines
from tests.workbook.helpers import add_participant, url
from workbook.models import Participant, Workbook

pytestmark = pytest.mark.django_db


def test_starting_alone_creates_a_workbook_with_a_long_random_link(client):
    response = client.post(reverse("workbook:start"), {"mode": "solo", "name": ""})

    workbook = Workbook.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/tyokirja/{workbook.token}/"
    assert len(workbook.token) >= 40
    assert re.fullmatch(r"[A-Za-z0-9_-]+", workbook.token)
    assert str(workbook.pk) not in response["Location"].split("/")


def test_the_start_page_shows_forms_and_creates_nothing_on_get(client):
    response = client.get(reverse("workbook:start"))

    assert response.status_code == 200
    assert "Aloita työkirja" in response.content.decode()
    assert Workbook.objects.count() == 0


def test_the_link_page_tells_to_save_the_link_and_offers_a_copy_button(client, solo):
    page = client.get(solo.get_absolute_url()).content.decode()

    assert "Tallenna tämä linkki" in page
    assert parse(page).find("input", value=f"http://testserver/tyokirja/{solo.token}/")
    copy = parse(page).find("button", attrs={"data-copy": "linkki-tyokirja"})
    assert copy.get_text() == "Kopioi linkki" and copy.has_attr("hidden")  # for JavaScript only


def test_every_workbook_gets_its_own_token(db):
    tokens = {Workbook.start(Workbook.Mode.SOLO).token for _ in range(20)}

    assert len(tokens) == 20


def test_a_team_gets_different_facilitator_and_participant_links(client):
    client.post(reverse("workbook:start"), {"mode": "team", "name": "Tiimi"})

    workbook = Workbook.objects.get()
    assert workbook.participant_token
    assert workbook.participant_token != workbook.token
    page = client.get(workbook.get_absolute_url()).content.decode()
    assert f"/tyokirja/{workbook.token}/" in page
    assert f"/tyokirja/osallistu/{workbook.participant_token}/" in page


@pytest.mark.parametrize("name", ["overview", "assessment", "reflection", "experiment", "summary"])
def test_a_wrong_token_answers_404_with_a_helpful_page(client, solo, name):
    wrong = reverse(f"workbook:{name}", kwargs={"token": solo.token[:-1] + "x"})

    response = client.get(wrong)

    assert response.status_code == 404
    page = response.content.decode()
    assert "Työkirjaa ei löytynyt" in page
    assert "18 kuukauteen" in page
    assert reverse("workbook:start") in page
    assert kept_out_of_search_engines(parse(page))


def test_the_database_id_is_not_a_working_link(client, solo):
    assert client.get(f"/tyokirja/{solo.pk}/").status_code == 404


@pytest.mark.parametrize("name", ["participate", "participant", "participant_edit"])
def test_wrong_participant_tokens_answer_404(client, team, name):
    assert client.get(reverse(f"workbook:{name}", kwargs={"token": "x" * 43})).status_code == 404


def test_the_participant_link_does_not_open_the_facilitator_pages(client, team):
    assert client.get(f"/tyokirja/{team.participant_token}/").status_code == 404
    assert client.get(f"/tyokirja/{team.participant_token}/yhteenveto/").status_code == 404


def test_the_facilitator_link_is_not_a_participant_link(client, team):
    response = client.get(reverse("workbook:participate", kwargs={"token": team.token}))

    assert response.status_code == 404


def test_a_solo_workbooks_hidden_participant_has_no_page(client, solo):
    hidden = Participant.objects.get(round__workbook=solo)

    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_workbook_pages_are_not_indexed_or_cached(client, team, statements):
    participant = add_participant(team, statements)
    for address in [
        team.get_absolute_url(),
        url("assessment", team),
        url("summary", team),
        team.participant_url(),
        participant.get_absolute_url(),
    ]:
        response = client.get(address)
        assert kept_out_of_search_engines(parse(response.content.decode()))
        assert response["X-Robots-Tag"] == "noindex"
        assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("kind", ["facilitator", "participant_link", "own"])
def test_a_saved_link_pasted_on_the_start_page_leads_back(client, team, statements, kind):
    participant = add_participant(team, statements)
    target = {
        "facilitator": team.get_absolute_url(),
        "participant_link": team.participant_url(),
        "own": participant.get_absolute_url(),
    }[kind]

    response = client.post(reverse("workbook:continue"), {"linkki": f"https://valoa.fi{target}"})

    assert response.status_code == 302
    assert response["Location"] == target


def test_an_unknown_pasted_link_gets_a_clear_error(client):
    response = client.post(reverse("workbook:continue"), {"linkki": "https://valoa.fi/tyokirja/"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tällä linkillä ei löytynyt työkirjaa" in page
    assert parse(page).find("input", value="https://valoa.fi/tyokirja/")
