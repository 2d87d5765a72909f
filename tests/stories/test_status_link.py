"""The contributor's signed status link: see the status, withdraw, ask for erasure."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from stories.models import Submission
from tests import page_checks
from tests.factories import make_case, make_submission
from tests.form_pages import link_texts, parse

pytestmark = pytest.mark.django_db


def status_url(submission) -> str:
    return f"/innostu/kerro/tila/{submission.status_token()}/"


def test_the_link_shows_the_status_and_what_was_sent(client, submission):
    response = client.get(status_url(submission))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tila: Vastaanotettu" in page
    assert "Luemme sen ja otamme sinuun yhteyttä" in page
    assert submission.title in page
    assert "Kävelimme palaverit ulkona kuukauden ajan." in page
    assert "Dialogi" in page
    assert page_checks.kept_out_of_search_engines(parse(page))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        (Submission.Status.NEW, "Tila: Vastaanotettu"),
        (Submission.Status.IN_REVIEW, "Tila: Käsittelyssä"),
        (Submission.Status.CHANGES_REQUESTED, "Tila: Muutoksia pyydetty"),
        (Submission.Status.RETURNED, "Tila: Muokattu kertomus vastaanotettu"),
        (Submission.Status.PUBLISHED, "Tila: Julkaistu"),
        (Submission.Status.DECLINED, "Tila: Ei julkaista"),
        (Submission.Status.WITHDRAWN, "Tila: Peruttu"),
        (Submission.Status.SPAM, "Tila: Vastaanotettu"),  # spam is not announced
    ],
)
def test_every_status_is_explained_in_plain_words(client, status, shown):
    submission = make_submission(status=status)

    assert shown in client.get(status_url(submission)).content.decode()


def test_a_published_story_links_to_the_published_case(client):
    case = make_case(title="Julkaistu juttu kävelypalavereista")
    submission = make_submission(status=Submission.Status.PUBLISHED, case=case)

    page = client.get(status_url(submission)).content.decode()

    assert link_texts(page)[case.get_absolute_url()] == (
        "Lue julkaistu juttu: Julkaistu juttu kävelypalavereista"
    )


def test_a_case_scheduled_for_later_is_not_linked_before_readers_can_open_it(client):
    later = timezone.now() + timedelta(days=2)
    case = make_case(title="Ajastettu juttu", published_at=later)
    submission = make_submission(status=Submission.Status.PUBLISHED, case=case)

    page = client.get(status_url(submission)).content.decode()

    assert case.get_absolute_url() not in link_texts(page)


@pytest.mark.parametrize(
    "make_token",
    [
        lambda submission: "1:tampered:signature",
        lambda submission: submission.status_token()[:-3] + "abc",
        lambda submission: str(submission.pk),
        lambda submission: submission.status_token().replace(
            submission.status_token().split(":")[0], "Mg"
        ),  # the same signature, another submission's number
    ],
    ids=["made-up", "tampered-signature", "bare-number", "changed-number"],
)
@pytest.mark.parametrize("page", ["", "peru/", "poista/", "muokkaa/"])
def test_a_wrong_or_tampered_link_is_not_found(client, submission, make_token, page):
    make_submission(title="Toinen kertomus")

    response = client.get(f"/innostu/kerro/tila/{make_token(submission)}/{page}")

    assert response.status_code == 404
    assert submission.title not in response.content.decode()


def test_a_link_signed_for_another_purpose_is_not_accepted(client, submission):
    from django.core import signing

    token = signing.Signer(salt="insights.own-comment").sign_object(submission.pk)

    assert client.get(f"/innostu/kerro/tila/{token}/").status_code == 404


def test_the_contributor_can_withdraw_the_story(
    client, submission, django_capture_on_commit_callbacks
):
    confirm = client.get(status_url(submission) + "peru/").content.decode()
    assert "Haluatko perua kertomuksesi" in confirm

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_url(submission) + "peru/")

    assert response.status_code == 302
    assert response["Location"] == status_url(submission)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.WITHDRAWN
    assert submission.withdrawn_at is not None
    page = client.get(status_url(submission)).content.decode()
    assert "Tila: Peruttu" in page
    assert "Peru kertomus" not in page  # nothing left to withdraw
    assert [message.subject for message in mail.outbox] == [
        f"[VALOA] Kertoja perui kertomuksensa: {submission.title}"
    ]


def test_a_published_story_cannot_be_withdrawn_through_the_link(client):
    submission = make_submission(status=Submission.Status.PUBLISHED)

    response = client.post(status_url(submission) + "peru/")

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PUBLISHED


def test_the_contributor_can_ask_for_their_data_to_be_erased(
    client, submission, django_capture_on_commit_callbacks
):
    confirm = client.get(status_url(submission) + "poista/").content.decode()
    assert "Pyydä tietojesi poistamista" in confirm
    assert "säilytettävä" in confirm  # says that some records may have to be kept

    with django_capture_on_commit_callbacks(execute=True):
        client.post(status_url(submission) + "poista/")
        client.post(status_url(submission) + "poista/")  # asked twice, recorded once

    submission.refresh_from_db()
    assert submission.erasure_requested_at is not None
    page = client.get(status_url(submission)).content.decode()
    assert "Pyysit tietojesi poistamista" in page
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["toimitus@example.fi"]
    assert "poistamista" in mail.outbox[0].subject


def test_a_deleted_submission_makes_its_link_not_found(client, submission):
    url = status_url(submission)
    submission.delete()

    assert client.get(url).status_code == 404


def test_the_status_pages_answer_get_and_post_only_where_it_makes_sense(client, submission):
    assert client.post(status_url(submission)).status_code == 405
    assert client.delete(status_url(submission) + "peru/").status_code == 405
