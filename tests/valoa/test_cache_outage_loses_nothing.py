"""With the shared cache down (a failing backend, or Redis at a port where nothing listens),
every write still works: the person gets the success answer and exactly one row is stored;
the outage is logged once, not once per request."""

import logging

import pytest
from django.test import Client

from feedback.models import Feedback
from insights.models import Comment
from stories.models import Submission
from subscriptions.models import Subscription
from tests.factories import comment_data, form_data, make_comment, story_data
from tests.subscriptions.helpers import mails_to
from tests.valoa.broken_cache import BROKEN, redis_at_a_closed_port
from tests.workbook.helpers import participate_data
from valoa.moderation import ModerationStatus
from workbook.models import Participant, Statement, Workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["failing backend", "Redis at a closed port"])
def cache_down(request, settings):
    settings.CACHES = BROKEN if request.param == "failing backend" else redis_at_a_closed_port()


def test_a_comment(client, article, cache_down):
    response = client.post(article.get_absolute_url(), comment_data(body="Välimuisti alhaalla"))

    assert response.status_code == 302
    assert Comment.objects.filter(body="Välimuisti alhaalla", article=article).count() == 1
    assert "Välimuisti alhaalla" in client.get(response["Location"]).content.decode()


def test_a_reader_insight(client, cache_down):
    response = client.post("/oivallukset/", comment_data(body="Oivallus ilman välimuistia"))

    assert response.status_code == 302
    assert Comment.objects.filter(body="Oivallus ilman välimuistia").count() == 1


def test_a_story(client, cache_down):
    response = client.post("/innostu/kerro/", story_data(title="Kertomus ilman välimuistia"))

    assert response.status_code == 302
    assert Submission.objects.filter(title="Kertomus ilman välimuistia").count() == 1
    assert "Kiitos" in client.get(response["Location"]).content.decode()


def test_feedback(client, cache_down):
    response = client.post("/palaute/", form_data(message="Palaute ilman välimuistia"))

    assert response.status_code == 302
    assert Feedback.objects.filter(message="Palaute ilman välimuistia").count() == 1
    assert client.get(response["Location"]).status_code == 200


def test_subscribing(client, cache_down):
    response = client.post("/tilaa/", form_data(email="tilaaja@example.fi", sections=["innostu"]))

    assert response.status_code == 302
    assert Subscription.objects.filter(email="tilaaja@example.fi").count() == 1
    assert len(mails_to("tilaaja@example.fi")) == 1  # the request to confirm
    assert client.get(response["Location"]).status_code == 200


def test_starting_a_workbook(client, cache_down):
    response = client.post("/tyokirja/", {"mode": "team", "name": "Välimuistiton tiimi"})

    assert response.status_code == 302
    workbook = Workbook.objects.get(name="Välimuistiton tiimi")
    assert workbook.rounds.count() == 1
    assert client.get(response["Location"]).status_code == 200


def test_a_team_participant_answer(client, cache_down):
    team = Workbook.start(Workbook.Mode.TEAM, "Tiimi")
    statements = list(Statement.objects.active())

    response = client.post(team.participant_url(), participate_data(statements))

    assert response.status_code == 302
    assert Participant.objects.filter(round__workbook=team).count() == 1


def test_an_editor_approving_a_comment(editor_client, article, cache_down):
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Hyväksyttävä")

    response = editor_client.post(
        "/admin/insights/comment/", {"action": "approve", "_selected_action": [comment.pk]}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED
    assert Comment.objects.count() == 1
    assert "Hyväksyttävä" in Client().get(article.get_absolute_url()).content.decode()


def test_the_outage_is_logged_once_not_per_request(client, article, settings, caplog):
    settings.CACHES = BROKEN

    with caplog.at_level(logging.WARNING):
        for number in range(3):
            client.post(article.get_absolute_url(), comment_data(body=f"Kommentti {number}"))
            client.get(article.get_absolute_url())

    assert Comment.objects.count() == 3
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert "Shared cache unavailable (ConnectionError)" in errors[0].getMessage()
