"""No log line ever holds what a person wrote: their name, address, texts, titles, file names.
Every form is sent with distinctive values, while the mail server and the cache are down (so
that the site logs what goes wrong), and the captured log is searched for each value."""

import logging

import pytest
from django.core import mail

from stories.models import Submission
from tests.factories import comment_data, form_data, pdf_bytes, story_data, upload
from tests.valoa.broken_cache import BROKEN
from tests.workbook.helpers import assessment_data
from workbook.models import ReflectionQuestion, Statement, Workbook

pytestmark = pytest.mark.django_db

PERSON = {
    "name": "Zyxwalinen Qorppu",
    "email": "qorppu.zyx@example.fi",
    "phone": "040 999 8877",
    "role": "Rooli-sammakko",
    "organisation": "Organisaatio-pelikaani",
}
TEXTS = {
    "comment": "Kommentti-kvarkki",
    "insight": "Oivallus-neutriino",
    "title": "Otsikko-ksylofoni",
    "story": "Kertomus-gluoni",
    "edited": "Muokattu-muoni",
    "attachment": "Liite-tiikeri",
    "message": "Toimitus-viesti-gnu",
    "workbook": "Tiimi-mursu",
    "reflection": "Pohdinta-laama",
    "experiment": "Kokeilu-alpakka",
    "note": "Muistiinpano-okapi",
    "too long": "Liian-pitka-vompatti",
}


@pytest.fixture
def everything_fails(settings, tmp_path):
    settings.EMAIL_BACKEND = "tests.valoa.broken_mail.BrokenBackend"
    settings.CACHES = BROKEN
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    settings.RATE_LIMIT_POSTS = 1000


def send_every_form(reader, editor, article) -> None:
    """`reader` and `editor` post a form as that person, the commit's mail sent at once."""
    # Comments and readers' insights, one too long with a line break in the name.
    reader(
        article.get_absolute_url(), comment_data(body=TEXTS["comment"], ilmoita="on", **PERSON_C)
    )
    reader("/tilaa/", form_data(email=PERSON["email"], sections=["innostu"]))
    reader("/oivallukset/", comment_data(body=TEXTS["insight"], **PERSON_C))
    reader(
        article.get_absolute_url(),
        comment_data(name=f"{PERSON['name']}\r\nX", email=PERSON["email"], body="x" * 5001),
    )
    # A story with an attachment and a title that cannot go into a header as it is.
    reader(
        "/innostu/kerro/",
        {
            **story_data(**PERSON, title=f"{TEXTS['title']}\r\nBcc: x", story=TEXTS["story"]),
            "attachment": upload(f"{TEXTS['attachment']}.pdf", pdf_bytes()),
        },
    )
    reader("/innostu/kerro/", story_data(**PERSON, title=TEXTS["too long"] * 20))
    submission = Submission.objects.get()
    editor(
        f"/admin/stories/submission/{submission.pk}/pyyda-muutoksia/",
        {"message": TEXTS["message"]},
    )
    status = f"/innostu/kerro/tila/{submission.status_token()}/"
    reader(status + "muokkaa/", story_data(title=TEXTS["title"], story=TEXTS["edited"]))
    reader(status + "poista/", {})
    reader(status + "peru/", {})
    editor("/admin/henkilotiedot/", {"email": PERSON["email"], "action": "export"})
    # The workbook: its name, reflections, the experiment and a team member's notes.
    reader("/tyokirja/", {"mode": "solo", "name": TEXTS["workbook"]})
    solo = Workbook.objects.get(name=TEXTS["workbook"])
    question = ReflectionQuestion.objects.active().first()
    reader(
        f"/tyokirja/{solo.token}/mika-on-tarkeaa/",
        {f"kysymys_{question.pk}": TEXTS["reflection"], "toiminto": "tallenna"},
    )
    reader(f"/tyokirja/{solo.token}/kokeilu/", {"what": TEXTS["experiment"], "toiminto": "x"})
    team = Workbook.start(Workbook.Mode.TEAM, TEXTS["workbook"])
    statements = list(Statement.objects.active())
    notes = {statement.pk: TEXTS["note"] for statement in statements}
    reader(team.participant_url(), assessment_data(statements, notes=notes))
    editor("/admin/henkilotiedot/", {"email": PERSON["email"], "action": "erase", "confirm": "on"})


PERSON_C = {"name": PERSON["name"], "email": PERSON["email"]}


def test_no_value_a_person_sent_reaches_the_log(
    client, editor_client, article, everything_fails, caplog, django_capture_on_commit_callbacks
):
    def poster(person):
        person.raise_request_exception = False

        def post(path, data):
            with django_capture_on_commit_callbacks(execute=True):
                return person.post(path, data)

        return post

    with caplog.at_level(logging.DEBUG):
        send_every_form(poster(client), poster(editor_client), article)

    assert mail.outbox == []  # the mail server was down: something was logged
    assert "failed" in caplog.text
    assert "confirmation request failed" in caplog.text  # subscriptions' mail was tried too
    assert "Shared cache unavailable" in caplog.text
    for value in [*PERSON.values(), *TEXTS.values(), "qorppu"]:
        assert value not in caplog.text, value
