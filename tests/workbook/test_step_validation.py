"""Every step's validation: plain Finnish errors, a linked summary, and nothing typed is lost."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.form_pages import parse, text
from tests.workbook.helpers import assessment_data, participate_data, url
from workbook.models import (
    Answer,
    Experiment,
    Level,
    ReflectionAnswer,
    ReflectionQuestion,
    Workbook,
)

pytestmark = pytest.mark.django_db


def plan_data(**fields) -> dict:
    deadline = timezone.localdate() + timezone.timedelta(days=14)
    return {
        "what": "Kokeilu",
        "why": "Syy",
        "who_does_what": "Kaikki",
        "deadline": deadline.isoformat(),
        "success_signs": "Merkit",
        "look_back_on": (deadline + timezone.timedelta(days=7)).isoformat(),
        "toiminto": "jatka",
        **fields,
    }


# Start ---------------------------------------------------------------------------------------


def test_starting_without_choosing_alone_or_team_is_refused(client):
    response = client.post(reverse("workbook:start"), {"name": "Oma tiimi"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Valitse, täytättekö työkirjan yksin vai tiiminä." in page
    summary = parse(page).find(id="virheet")
    assert summary.find("a", href="#id_mode_0")  # the error summary links to the first choice
    assert parse(page).find("input", attrs={"name": "name"})["value"] == "Oma tiimi"
    assert Workbook.objects.count() == 0


def test_an_unknown_mode_and_an_overlong_name_are_refused(client):
    response = client.post(reverse("workbook:start"), {"mode": "kaikki", "name": "N" * 101})

    page = response.content.decode()
    assert "Valitse, täytättekö työkirjan yksin vai tiiminä." in page
    assert "Nimi voi olla enintään 100 merkkiä (nyt 101)." in page
    assert "N" * 101 in page
    assert Workbook.objects.count() == 0


def test_an_empty_continue_form_asks_for_the_link(client):
    response = client.post(reverse("workbook:continue"), {"linkki": ""})

    assert "Liitä tähän työkirjan linkki." in response.content.decode()


# Step 1 --------------------------------------------------------------------------------------


def test_continuing_with_unanswered_statements_shows_errors_and_keeps_everything(
    client, solo, statements
):
    levels = {statement.pk: Level.WELL for statement in statements[1:]}
    notes = {statements[0].pk: "Tämä muistiinpano ei saa kadota."}

    response = client.post(url("assessment", solo), assessment_data(statements, levels, notes))

    page = response.content.decode()
    assert response.status_code == 200
    form = parse(page)
    assert "Valitse, miten väite toteutuu teillä." in page
    assert form.find(id="virheet").find("a", href=f"#id_vaite_{statements[0].pk}_0")
    assert "Tämä muistiinpano ei saa kadota." in page
    assert len(form.find_all("input", checked=True)) == 11  # the answers given are still chosen
    assert form.find(id=f"id_vaite_{statements[0].pk}_0").get("aria-invalid") == "true"
    assert Answer.objects.count() == 0


def test_an_answer_outside_the_scale_is_refused(client, solo, statements):
    data = assessment_data(statements, Level.PARTLY)
    data[f"vaite_{statements[0].pk}"] = "4"

    response = client.post(url("assessment", solo), data)

    assert "Valitse yksi kolmesta vaihtoehdosta." in response.content.decode()
    assert Answer.objects.count() == 0


def test_an_overlong_note_is_refused_even_when_only_saving(client, solo, statements):
    long_note = "Pitkä muistiinpano. " * 51  # 1,020 characters
    data = assessment_data(statements, Level.PARTLY, {statements[2].pk: long_note}, "tallenna")

    response = client.post(url("assessment", solo), data)

    page = response.content.decode()
    assert "Muistiinpano voi olla enintään 1000 merkkiä (nyt 1019)." in page
    assert parse(page).find(id="virheet").find("a", href=f"#id_muistiinpano_{statements[2].pk}")
    assert long_note.strip() in page
    assert Answer.objects.count() == 0


def test_a_participant_must_answer_every_statement(client, team, statements):
    levels = {statement.pk: Level.WELL for statement in statements[:-1]}

    response = client.post(team.participant_url(), participate_data(statements, levels))

    assert "Valitse, miten väite toteutuu teillä." in response.content.decode()
    assert Answer.objects.count() == 0


# Step 2 --------------------------------------------------------------------------------------


def test_an_overlong_reflection_is_refused_and_kept(client, solo):
    first, second = ReflectionQuestion.objects.active()[:2]
    long_text = "Ajatus. " * 376  # 3,008 characters

    response = client.post(
        url("reflection", solo),
        {f"kysymys_{first.pk}": long_text, f"kysymys_{second.pk}": "Lyhyt", "toiminto": "jatka"},
    )

    page = response.content.decode()
    assert "Vastaus voi olla enintään 3000 merkkiä (nyt 3007)." in page
    assert long_text.strip() in page
    assert "Lyhyt" in page
    assert ReflectionAnswer.objects.count() == 0


def test_reflections_may_all_be_left_empty(client, solo):
    response = client.post(url("reflection", solo), {"toiminto": "jatka"})

    assert response.status_code == 302


# Step 3 --------------------------------------------------------------------------------------


def test_continuing_from_an_empty_plan_asks_for_each_part(client, solo):
    response = client.post(url("experiment", solo), {"what": "Kokeilu", "toiminto": "jatka"})

    page = response.content.decode()
    for message in [
        "Kerro, miksi kokeilette juuri tätä.",
        "Kerro, kuka tekee mitä.",
        "Kirjoita päivämäärä, johon mennessä kokeilu tehdään.",
        "Kerro, mistä tiedätte, että kokeilu onnistui.",
        "Kirjoita päivämäärä, jolloin katsotte taaksepäin.",
    ]:
        assert message in page
    assert "Kerro, mitä kokeilette." not in page
    assert text(parse(page).find("textarea", attrs={"name": "what"})) == "Kokeilu"  # kept
    assert Experiment.objects.count() == 0


def test_a_half_done_plan_can_be_saved(client, solo):
    response = client.post(url("experiment", solo), {"what": "Kokeilu", "toiminto": "tallenna"})

    assert response.status_code == 302
    assert Experiment.objects.get().what == "Kokeilu"


@pytest.mark.parametrize("value", ["31.2.2030", "ensi viikolla", "2030-13-01"])
def test_a_malformed_date_is_refused_with_an_example(client, solo, value):
    response = client.post(url("experiment", solo), plan_data(deadline=value))

    page = response.content.decode()
    assert "Kirjoita päivämäärä muodossa pp.kk.vvvv, esimerkiksi 15.3.2026." in page
    assert value in page
    assert Experiment.objects.count() == 0


def test_a_newly_typed_past_date_is_refused(client, solo):
    yesterday = timezone.localdate() - timezone.timedelta(days=1)

    response = client.post(url("experiment", solo), plan_data(look_back_on=yesterday.isoformat()))

    assert "Päivämäärä on jo mennyt. Tarkista päivä ja vuosi." in response.content.decode()


def test_a_saved_date_that_has_since_passed_does_not_block_saving(client, solo):
    old = timezone.localdate() - timezone.timedelta(days=10)
    Experiment.objects.create(round=solo.current_round(), what="Vanha", deadline=old)

    response = client.post(url("experiment", solo), plan_data(deadline=old.isoformat()))

    assert response.status_code == 302


def test_an_overlong_plan_text_is_refused(client, solo):
    response = client.post(url("experiment", solo), plan_data(why="x" * 2001))

    page = response.content.decode()
    assert "Vastaus voi olla enintään 2000 merkkiä (nyt 2001)." in page
    assert "x" * 2001 in page
