"""Every form that keeps Django's CSRF protection (the workbook's) carries its
token once, also when it is shown again with errors; login-free public forms carry none (see
test_cached_forms_carry_no_per_reader_token.py)."""

import pytest

from tests.form_pages import parse
from tests.workbook.helpers import url
from workbook.models import Workbook

pytestmark = pytest.mark.django_db


def tokens_per_form(page: str) -> list[int]:
    forms = parse(page).find_all("form", attrs={"method": "post"})
    return [len(form.find_all("input", attrs={"name": "csrfmiddlewaretoken"})) for form in forms]


def test_each_form_behind_a_token_has_one_csrf_token(client):
    solo = Workbook.start(Workbook.Mode.SOLO, "Asiakaspalvelu")
    team = Workbook.start(Workbook.Mode.TEAM, "Lupapalvelut")
    addresses = [
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


def test_a_form_shown_again_with_errors_has_one_csrf_token(client):
    page = client.post("/tyokirja/", {"mode": "", "name": ""}).content.decode()

    assert tokens_per_form(page) == [1, 1]
