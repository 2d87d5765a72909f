"""Answers are saved step by step (POST/redirect/GET) and are there when the link is reopened."""

import pytest
from django.utils import timezone

from tests.form_pages import parse
from tests.workbook.helpers import assessment_data, url
from workbook.models import Answer, Experiment, Level, ReflectionAnswer, ReflectionQuestion

pytestmark = pytest.mark.django_db


def test_save_and_continue_in_step_1_stores_the_answers_and_goes_to_step_2(
    client, solo, statements
):
    notes = {statements[0].pk: "Viime viikon palaverissa tämä näkyi."}

    response = client.post(
        url("assessment", solo), assessment_data(statements, Level.WELL, notes=notes)
    )

    assert response.status_code == 302
    assert response["Location"] == url("reflection", solo)
    answers = Answer.objects.filter(participant__round__workbook=solo)
    assert answers.count() == 12
    assert set(answers.values_list("level", flat=True)) == {Level.WELL}
    assert answers.get(statement=statements[0]).note == "Viime viikon palaverissa tämä näkyi."


def test_returning_with_the_link_shows_the_saved_answers(client, solo, statements):
    client.post(
        url("assessment", solo),
        assessment_data(statements, {statements[0].pk: Level.NOT_YET}, action="tallenna"),
    )

    page = client.get(url("assessment", solo)).content.decode()

    chosen = parse(page).find("input", attrs={"name": f"vaite_{statements[0].pk}", "value": "1"})
    assert chosen.has_attr("checked")
    assert "Tallennettu." not in client.get(url("assessment", solo)).content.decode()


def test_save_keeps_half_done_answers_and_stays_on_the_step(client, solo, statements):
    half = {statement.pk: Level.PARTLY for statement in statements[:5]}

    response = client.post(
        url("assessment", solo), assessment_data(statements, half, action="tallenna")
    )

    assert response.status_code == 302
    assert response["Location"] == url("assessment", solo)
    assert Answer.objects.filter(participant__round__workbook=solo).count() == 5
    assert "Tallennettu." in client.get(response["Location"]).content.decode()


def test_saving_again_replaces_earlier_answers(client, solo, statements):
    client.post(url("assessment", solo), assessment_data(statements, Level.NOT_YET))
    client.post(url("assessment", solo), assessment_data(statements, Level.WELL))

    answers = Answer.objects.filter(participant__round__workbook=solo)
    assert answers.count() == 12
    assert set(answers.values_list("level", flat=True)) == {Level.WELL}


def test_moving_to_another_step_saves_as_a_draft(client, solo, statements):
    data = assessment_data(statements, {statements[0].pk: Level.WELL}, action="")
    data["siirry"] = "yhteenveto"

    response = client.post(url("assessment", solo), data)

    assert response["Location"] == url("summary", solo)
    assert Answer.objects.filter(participant__round__workbook=solo).count() == 1


def test_reflections_are_saved_and_shown_again(client, solo):
    question = ReflectionQuestion.objects.active().first()

    response = client.post(
        url("reflection", solo),
        {f"kysymys_{question.pk}": "Haluamme päättää itse vuorolistoista.", "toiminto": "jatka"},
    )

    assert response["Location"] == url("experiment", solo)
    assert ReflectionAnswer.objects.get().text == "Haluamme päättää itse vuorolistoista."
    page = client.get(url("reflection", solo)).content.decode()
    assert "Haluamme päättää itse vuorolistoista." in page


def test_emptying_a_reflection_removes_it(client, solo):
    question = ReflectionQuestion.objects.active().first()
    client.post(
        url("reflection", solo), {f"kysymys_{question.pk}": "Jotain", "toiminto": "tallenna"}
    )

    client.post(url("reflection", solo), {f"kysymys_{question.pk}": "  ", "toiminto": "tallenna"})

    assert ReflectionAnswer.objects.count() == 0


def test_back_button_saves_and_returns_to_the_previous_step(client, solo):
    question = ReflectionQuestion.objects.active().first()

    response = client.post(
        url("reflection", solo), {f"kysymys_{question.pk}": "Talteen", "toiminto": "edellinen"}
    )

    assert response["Location"] == url("assessment", solo)
    assert ReflectionAnswer.objects.get().text == "Talteen"


def test_the_experiment_plan_is_saved_and_shown_in_the_summary(client, solo):
    deadline = timezone.localdate() + timezone.timedelta(days=30)
    look_back = deadline + timezone.timedelta(days=7)
    response = client.post(
        url("experiment", solo),
        {
            "what": "Aloitamme viikkopalaverin kuulumiskierroksella.",
            "why": "Dialogi oli heikoin teemamme.",
            "who_does_what": "Vetäjä kysyy, jokainen vastaa vuorollaan.",
            "deadline": deadline.isoformat(),
            "success_signs": "Useampi puhuu palaverissa.",
            "look_back_on": look_back.strftime("%d.%m.%Y"),
            "toiminto": "jatka",
        },
    )

    assert response["Location"] == url("summary", solo)
    plan = Experiment.objects.get()
    assert plan.deadline == deadline
    assert plan.look_back_on == look_back
    page = client.get(url("summary", solo)).content.decode()
    assert "Aloitamme viikkopalaverin kuulumiskierroksella." in page
    assert look_back.strftime("%-d.%-m.%Y") in page


def test_saving_marks_the_workbook_as_used(client, solo, statements):
    long_ago = timezone.now() - timezone.timedelta(days=300)
    type(solo).objects.filter(pk=solo.pk).update(updated_at=long_ago)

    client.post(url("assessment", solo), assessment_data(statements, action="tallenna"))

    solo.refresh_from_db()
    assert solo.updated_at > timezone.now() - timezone.timedelta(minutes=1)


def test_opening_the_link_marks_the_workbook_as_used_at_most_daily(client, solo):
    long_ago = timezone.now() - timezone.timedelta(days=300)
    type(solo).objects.filter(pk=solo.pk).update(updated_at=long_ago)

    client.get(solo.get_absolute_url())
    solo.refresh_from_db()
    first = solo.updated_at
    client.get(solo.get_absolute_url())
    solo.refresh_from_db()

    assert first > timezone.now() - timezone.timedelta(minutes=1)
    assert solo.updated_at == first
