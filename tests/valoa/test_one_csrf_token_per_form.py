"""Every form that posts carries its CSRF token once, also when it is shown again with errors."""

import pytest

from tests.factories import story_data
from tests.form_pages import parse
from tests.workbook.helpers import url
from workbook.models import Workbook

pytestmark = pytest.mark.django_db


def tokens_per_form(page: str) -> list[int]:
    forms = parse(page).find_all("form", attrs={"method": "post"})
    return [len(form.find_all("input", attrs={"name": "csrfmiddlewaretoken"})) for form in forms]


def test_each_public_form_has_one_csrf_token(client, article):
    solo = Workbook.start(Workbook.Mode.SOLO, "Asiakaspalvelu")
    team = Workbook.start(Workbook.Mode.TEAM, "Lupapalvelut")
    addresses = [
        article.get_absolute_url(),
        "/oivallukset/",
        "/innostu/kerro/",
        "/tyokirja/",
        url("assessment", solo),
        url("reflection", solo),
        url("experiment", solo),
        team.participant_url(),
    ]
    for address in addresses:
        page = client.get(address).content.decode()
        assert tokens_per_form(page), address
        assert set(tokens_per_form(page)) == {1}, address


def test_a_form_shown_again_with_errors_has_one_csrf_token(client, article):
    comment = client.post(article.get_absolute_url(), {"name": ""}).content.decode()
    story = client.post("/innostu/kerro/", story_data(name="")).content.decode()

    assert tokens_per_form(comment) == [1]
    assert tokens_per_form(story) == [1]
