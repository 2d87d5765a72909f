"""One person, one answer: a repeat open shows the person's own answers, and a double click, a
retry or a form sent again after going back stores one participant."""

import pytest
from django.test import Client

from tests.workbook.helpers import field_values, participate_data, url
from workbook.models import Answer, Level, Participant
from workbook.views import PARTICIPANT_COOKIE

pytestmark = pytest.mark.django_db


def checked_levels(page: str) -> dict[str, str]:
    """{field name: chosen value} of the statements' radio buttons checked on a page."""
    return {
        name: value for name, (value,) in field_values(page).items() if name.startswith("vaite_")
    }


def test_opening_the_link_again_shows_my_own_answers_to_change(team, statements):
    me = Client()
    me.post(team.participant_url(), participate_data(statements, Level.WELL))
    participant = Participant.objects.get()

    response = me.get(team.participant_url(), follow=True)

    page = response.content.decode()
    assert response.redirect_chain[-1][0] == participant.get_absolute_url() + "muuta/"
    assert "Olet jo vastannut tähän kierrokseen" in page
    assert set(checked_levels(page).values()) == {str(Level.WELL.value)}
    assert len(checked_levels(page)) == len(statements)


def test_answering_again_from_the_same_browser_changes_the_answers_of_the_same_person(
    team, statements
):
    me = Client()
    me.post(team.participant_url(), participate_data(statements, Level.WELL))
    # A blank form from before the first answer (another tab), sent later.
    me.post(team.participant_url(), participate_data(statements, Level.NOT_YET))

    assert Participant.objects.count() == 1
    assert set(Answer.objects.values_list("level", flat=True)) == {Level.NOT_YET}


def test_a_double_click_or_a_retry_stores_one_participant(team, statements):
    data = participate_data(statements, Level.PARTLY)

    # Two posts of the same showing of the form, neither with the cookie of the other.
    first = Client().post(team.participant_url(), data)
    second = Client().post(team.participant_url(), data)

    assert Participant.objects.count() == 1
    assert first["Location"] == second["Location"] == Participant.objects.get().get_absolute_url()
    assert Answer.objects.count() == len(statements)


def test_going_back_and_sending_again_stores_one_participant(team, statements):
    me = Client()
    data = participate_data(statements, Level.PARTLY)
    me.post(team.participant_url(), data)

    me.post(team.participant_url(), {**data, f"vaite_{statements[0].pk}": "3"})

    participant = Participant.objects.get()
    assert participant.answers.get(statement=statements[0]).level == Level.WELL


def test_a_form_sent_again_after_an_error_stores_one_participant(team, statements):
    data = participate_data(statements, Level.PARTLY)
    missing_one = {key: value for key, value in data.items() if key != f"vaite_{statements[0].pk}"}
    me = Client()

    refused = me.post(team.participant_url(), missing_one)
    me.post(team.participant_url(), data)
    me.post(team.participant_url(), data)

    assert refused.status_code == 200
    assert Participant.objects.count() == 1


def test_the_cookie_is_set_only_when_a_participant_answers(team, statements):
    visitor = Client()

    form = visitor.get(team.participant_url())
    assert PARTICIPANT_COOKIE not in form.cookies
    answered = visitor.post(team.participant_url(), participate_data(statements))

    cookie = answered.cookies[PARTICIPANT_COOKIE]
    assert cookie.value == Participant.objects.get().token
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert int(cookie["max-age"]) == 90 * 24 * 60 * 60


def test_the_cookie_remembers_the_answers_given_to_several_teams(team, statements):
    from workbook.models import Workbook

    other = Workbook.start(Workbook.Mode.TEAM, "Toinen tiimi")
    me = Client()
    me.post(team.participant_url(), participate_data(statements))
    me.post(other.participant_url(), participate_data(statements))

    first, second = Participant.objects.order_by("pk")
    assert me.get(team.participant_url())["Location"] == first.get_absolute_url() + "muuta/"
    assert me.get(other.participant_url())["Location"] == second.get_absolute_url() + "muuta/"


def test_a_new_round_is_answered_afresh_and_then_again_only_once(client, team, statements):
    me = Client()
    me.post(team.participant_url(), participate_data(statements, Level.NOT_YET))
    client.post(url("new_round", team))

    blank = me.get(team.participant_url())
    assert blank.status_code == 200
    assert checked_levels(blank.content.decode()) == {}
    me.post(team.participant_url(), participate_data(statements, Level.WELL))
    me.post(team.participant_url(), participate_data(statements, Level.WELL))  # the QR code again

    assert [p.round.number for p in Participant.objects.order_by("pk")] == [1, 2]
    second_round = Participant.objects.get(round__number=2)
    assert me.get(team.participant_url())["Location"] == second_round.get_absolute_url() + "muuta/"


def test_a_foreign_or_garbled_cookie_is_ignored(team, statements):
    visitor = Client()
    visitor.cookies[PARTICIPANT_COOKIE] = "x" * 43 + ".<script>.\x00"

    response = visitor.get(team.participant_url())

    assert response.status_code == 200
    assert "Missä olemme nyt?" in response.content.decode()
