"""The story form has the same spam protection as comments: honeypot, time trap, rate limit."""

import time

import pytest

from stories.models import Submission
from tests.factories import story_data
from valoa.posting import antispam

pytestmark = pytest.mark.django_db

FORM = "/innostu/kerro/"


def test_a_filled_honeypot_is_refused_with_a_clear_error_and_the_text_kept(client):
    response = client.post(FORM, story_data(kotisivu="http://spam.example"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Älä täytä tätä kenttää" in page
    assert "Kävelimme viikkopalaverit ulkona" in page
    assert Submission.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_and_can_be_sent_again(client, settings):
    settings.FORM_MIN_SECONDS = 3
    data = story_data(aloitettu=antispam.time_trap_token(time.time()))

    page = client.post(FORM, data).content.decode()

    assert "niin nopeasti" in page
    assert Submission.objects.count() == 0
    data["aloitettu"] = antispam.time_trap_token(time.time() - 10)
    assert client.post(FORM, data).status_code == 302
    assert Submission.objects.count() == 1


def test_too_many_stories_from_one_address_get_a_readable_429_that_keeps_the_story(
    client, settings
):
    settings.RATE_LIMIT_POSTS = 2
    for number in range(2):
        assert client.post(FORM, story_data(title=f"Kertomus {number}")).status_code == 302

    response = client.post(FORM, story_data(story="Kolmas kertomus, joka ei saa kadota."))

    assert response.status_code == 429
    page = response.content.decode()
    assert "Liian monta viestiä" in page
    assert "Kolmas kertomus, joka ei saa kadota." in page
    assert Submission.objects.count() == 2
