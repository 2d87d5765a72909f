"""From a finished plan, one link opens the Innostu story form filled in with it; the contributor
reviews and sends it, nothing is sent by the link."""

import pytest
from django.core import mail

from stories.models import Submission
from tests.form_pages import parse
from tests.workbook.helpers import field_values, url
from valoa.models import Theme
from workbook.exports import PREFILL_MAX_BYTES
from workbook.models import Experiment

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(solo):
    return Experiment.objects.create(
        round=solo.current_round(),
        focus=Theme.objects.get(slug="dialogi"),
        what="Kävelypalaverit kerran viikossa\nToinen rivi",
        why="Keskustelu avautuu & kaikki pääsevät ääneen.",
        who_does_what="Vetäjä varaa ajan.",
        success_signs="Kaikki puhuvat.",
    )


def share_link(client, workbook) -> str:
    page = client.get(url("summary", workbook)).content.decode()
    found = parse(page).find("a", string="Kerro kokeilustanne muille Innostu-osiossa")
    assert found, "no share link on the summary"
    return found["href"]


def test_the_share_link_opens_the_story_form_filled_in_with_the_plan(client, solo, plan):
    link = share_link(client, solo)
    assert link.startswith("/innostu/kerro/?")

    form = client.get(link)

    page = form.content.decode()
    values = field_values(page)
    assert form.status_code == 200
    assert "Mitään ei ole vielä lähetetty" in page
    assert values["kind"] == ["kokeilu"]
    assert values["title"] == ["Kävelypalaverit kerran viikossa"]
    (story,) = values["story"]
    assert "Mitä kokeilimme?\nKävelypalaverit kerran viikossa\nToinen rivi" in story
    assert "Keskustelu avautuu & kaikki pääsevät ääneen." in story
    assert "Mitä opimme?" in story
    assert values["themes"] == [str(Theme.objects.get(slug="dialogi").pk)]
    for contact in ("name", "email", "organisation"):
        assert values.get(contact, [""]) == [""], contact


def test_opening_the_link_sends_and_stores_nothing(client, solo, plan):
    client.get(share_link(client, solo))

    assert Submission.objects.count() == 0
    assert mail.outbox == []


def test_a_prefilled_form_is_never_kept_in_the_page_cache(client, solo, plan):
    link = share_link(client, solo)

    first, second = client.get(link), client.get(link)

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert client.get("/innostu/kerro/").status_code == 200  # the empty form is cached as before


def test_a_long_plan_is_cut_to_fit_an_address_every_server_accepts(client, solo, plan):
    plan.why = "Äänekäs ja pitkä perustelu. " * 70  # 1,960 characters, most of them encoded
    plan.who_does_what = "Jokainen vuorollaan. " * 90
    plan.save()

    link = share_link(client, solo)

    assert len(link.split("?", 1)[1]) <= PREFILL_MAX_BYTES
    assert "%E2%80%A6" in link  # the cut is marked with an ellipsis
    assert client.get(link).status_code == 200


def test_no_share_link_before_there_is_a_plan(client, solo):
    page = client.get(url("summary", solo)).content.decode()

    assert "Kerro kokeilustanne" not in page


def test_unknown_prefill_values_are_ignored(client):
    page = client.get("/innostu/kerro/?laji=roskaa&teema=ei-ole&otsikko=" + "x" * 300)

    values = field_values(page.content.decode())
    assert page.status_code == 200
    assert values["title"] == ["x" * 200]
    assert "kind" not in values
    assert "themes" not in values
