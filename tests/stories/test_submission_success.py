"""A sent story: redirect to a thank-you page that says what happens next (POST/redirect/GET)."""

import pytest
from django.core import mail

from stories.models import Submission
from tests.factories import story_data
from tests.form_pages import heading, hrefs

pytestmark = pytest.mark.django_db

FORM = "/innostu/kerro/"


def test_success_redirects_to_a_thank_you_page_that_says_what_happens_next(client):
    response = client.post(FORM, story_data())

    assert response.status_code == 302
    assert response["Location"].startswith("/innostu/kerro/kiitos/?tila=")
    page = client.get(response["Location"]).content.decode()
    assert heading(page) == "Kiitos, kertomuksesi on vastaanotettu"
    assert "Kertomuksesi ”Kokeilimme kävelypalavereja” on tallessa." in page
    assert "Mitä seuraavaksi tapahtuu" in page
    assert "Mitään ei julkaista kysymättä sinulta." in page
    submission = Submission.objects.get()
    assert f"/innostu/kerro/tila/{submission.status_token()}/" in hrefs(page)


def test_the_story_is_stored_as_new_with_everything_the_contributor_gave(client):
    client.post(FORM, story_data(phone="+358 40 123 4567", themes=["3", "4"], kind="idea"))

    submission = Submission.objects.get()
    assert submission.status == Submission.Status.NEW
    assert submission.kind == Submission.Kind.IDEA
    assert submission.phone == "+358 40 123 4567"
    assert submission.role == "Tiiminvetäjä"
    assert sorted(theme.slug for theme in submission.themes.all()) == [
        "dialogi",
        "tyon-tarkastelu-yhdessa",
    ]


def test_the_thank_you_page_without_a_valid_link_still_thanks_but_shows_nothing_private(
    client, submission
):
    page = client.get("/innostu/kerro/kiitos/?tila=123:vaarennetty").content.decode()

    assert "Kiitos, kertomuksesi on vastaanotettu" in page
    assert submission.title not in page
    assert "/innostu/kerro/tila/" not in page


def test_posting_the_same_form_twice_stores_one_story_and_sends_one_receipt(
    client, django_capture_on_commit_callbacks
):
    data = story_data(title="Tuplaklikkaus")

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(FORM, data)
        second = client.post(FORM, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Submission.objects.filter(title="Tuplaklikkaus").count() == 1
    assert len([m for m in mail.outbox if m.to == ["maija@example.fi"]]) == 1
