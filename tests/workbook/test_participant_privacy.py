"""Nobody but the participant can reach one participant's answers: only counts are shared."""

import pytest

from tests.workbook.helpers import add_participant, answer_as_a_new_person, assessment_data, url
from workbook.models import Level, Participant

pytestmark = pytest.mark.django_db

FACILITATOR_PAGES = ["overview", "assessment", "reflection", "experiment", "summary"]


@pytest.fixture
def answered_team(team, statements):
    """Four participants who answered through the participant link, each with a note."""
    for number, level in enumerate([Level.NOT_YET, Level.PARTLY, Level.WELL, Level.WELL]):
        notes = {statements[0].pk: f"Salainen muistiinpano {number}"}
        answer_as_a_new_person(team, statements, level, notes)
    return team


def test_the_facilitator_pages_show_no_participant_links_or_notes(client, answered_team):
    tokens = list(Participant.objects.values_list("token", flat=True))

    for name in FACILITATOR_PAGES:
        page = client.get(url(name, answered_team)).content.decode()
        for token in tokens:
            assert token not in page, name
        assert "Salainen muistiinpano" not in page, name
        assert "/tyokirja/vastaukseni/" not in page, name


def test_a_participant_sees_their_own_note_but_nobody_elses(client, answered_team):
    participants = list(Participant.objects.order_by("created_at", "pk"))

    own_page = client.get(participants[0].get_absolute_url()).content.decode()

    assert "Salainen muistiinpano 0" in own_page
    for number in (1, 2, 3):
        assert f"Salainen muistiinpano {number}" not in own_page
    for other in participants[1:]:
        assert other.token not in own_page


def test_a_participant_page_does_not_lead_to_the_facilitator_pages(client, answered_team):
    participant = Participant.objects.first()

    page = client.get(participant.get_absolute_url()).content.decode()

    assert answered_team.token not in page


def test_the_participant_form_does_not_show_earlier_answers(client, answered_team, statements):
    page = client.get(answered_team.participant_url()).content.decode()

    assert "checked" not in page
    assert "Salainen muistiinpano" not in page


def test_participants_are_stored_without_anything_that_identifies_them(answered_team):
    fields = {field.name for field in Participant._meta.get_fields()}

    # The submission key is the same for every post of one showing of the form: it tells apart
    # showings of a form, not people.
    assert fields == {
        "id",
        "round",
        "token",
        "created_at",
        "completed_at",
        "submission_key",
        "answers",
    }


def test_a_participant_can_change_only_their_own_answers(client, team, statements):
    me = add_participant(team, statements, Level.NOT_YET)
    other = add_participant(team, statements, Level.WELL)

    response = client.post(
        me.get_absolute_url() + "muuta/", assessment_data(statements, Level.PARTLY, action="")
    )

    assert response.status_code == 302
    assert set(me.answers.values_list("level", flat=True)) == {Level.PARTLY}
    assert set(other.answers.values_list("level", flat=True)) == {Level.WELL}


def test_the_admin_has_no_pages_for_answers(editor_client):
    for model in ["workbook", "participant", "answer", "round", "reflectionanswer", "experiment"]:
        assert editor_client.get(f"/admin/workbook/{model}/").status_code == 404
