"""The privacy notice says what the team threshold protects against, what it cannot, and which
cookie answering sets."""

import pytest
from django.urls import reverse

from tests.form_pages import parse

pytestmark = pytest.mark.django_db


def test_the_notice_explains_the_threshold_and_its_limits(client, settings):
    settings.WORKBOOK_TEAM_THRESHOLD = 4

    page = client.get(reverse("privacy")).content.decode()

    assert parse(page).find(id="tyokirja")
    assert "vähintään 4 on vastannut kaikkiin väitteisiin" in page
    assert "vertaamalla tuloksia ennen ja jälkeen" in page
    assert "Raja ei suojaa keksityiltä vastauksilta" in page
    assert "vähintään viisi tiimiä" in page


def test_the_notice_names_the_cookie_set_when_a_participant_answers(client):
    from workbook.views import PARTICIPANT_COOKIE, PARTICIPANT_COOKIE_DAYS

    page = client.get(reverse("privacy")).content.decode()

    assert f"välttämätön eväste ”{PARTICIPANT_COOKIE}”" in page
    assert f"{PARTICIPANT_COOKIE_DAYS} päivän kuluttua" in page
