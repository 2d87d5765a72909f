"""New participants are limited in rate per team link and per address, with a readable 429 that
keeps what the person chose; a cache outage never refuses or loses an answer."""

import pytest
from django.test import Client

from tests.workbook.helpers import field_values, participate_data
from workbook.models import Level, Participant, Workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def limit_of_two(settings):
    settings.WORKBOOK_NEW_PARTICIPANTS = 2
    settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS = 120


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def test_the_defaults_let_a_meeting_answer_and_slow_a_flood(settings):
    assert settings.WORKBOOK_NEW_PARTICIPANTS == 10
    assert settings.WORKBOOK_NEW_PARTICIPANTS_SECONDS == 60


def test_a_link_takes_only_so_many_new_participants_per_period(team, statements, limit_of_two):
    for number in range(2):
        response = from_address(f"10.0.0.{number}").post(
            team.participant_url(), participate_data(statements)
        )
        assert response.status_code == 302

    refused = from_address("10.0.0.9").post(
        team.participant_url(), participate_data(statements, Level.WELL)
    )

    page = refused.content.decode()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "120"
    assert "Vastauksiasi ei vielä tallennettu." in page
    assert "Odota 2 minuuttia ja lähetä vastauksesi uudelleen" in page
    # What the person chose is still on the form, ready to send again.
    chosen = {name: value for name, value in field_values(page).items() if "vaite" in name}
    assert list(chosen.values()) == [["3"]] * len(statements)
    assert Participant.objects.count() == 2


def test_one_address_adds_only_so_many_participants_across_links(team, statements, limit_of_two):
    other = Workbook.start(Workbook.Mode.TEAM)
    for workbook in (team, other):
        assert (
            from_address("10.0.0.1").post(workbook.participant_url(), participate_data(statements))
        ).status_code == 302

    refused = from_address("10.0.0.1").post(other.participant_url(), participate_data(statements))

    assert refused.status_code == 429
    assert Participant.objects.count() == 2


def test_changing_ones_own_answers_is_not_limited(team, statements, limit_of_two):
    me = from_address("10.0.0.1")
    me.post(team.participant_url(), participate_data(statements))
    from_address("10.0.0.2").post(team.participant_url(), participate_data(statements))

    again = me.post(team.participant_url(), participate_data(statements, Level.WELL))

    assert again.status_code == 302
    assert Participant.objects.count() == 2


def test_with_the_cache_down_answers_are_taken_once(team, statements, cache_down, caplog):
    data = participate_data(statements, Level.WELL)

    me = Client()
    first = me.post(team.participant_url(), data)
    retry = Client().post(team.participant_url(), data)  # the same form from another tab

    assert first.status_code == retry.status_code == 302
    assert Participant.objects.count() == 1
    assert "Kiitos! Vastauksesi on tallennettu." in me.get(first["Location"]).content.decode()
    assert "cache" in caplog.text.lower()
