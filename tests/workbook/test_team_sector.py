"""A team may say its sector when it starts, for the aggregate statistics; nobody has to."""

import pytest
from django.urls import reverse

from workbook.models import Workbook

pytestmark = pytest.mark.django_db


def test_a_team_may_choose_its_sector(client):
    client.post(reverse("workbook:start"), {"mode": "team", "name": "", "sektori": "kunta"})

    assert Workbook.objects.get().sector == "kunta"


def test_the_sector_is_optional_and_explained(client):
    page = client.get(reverse("workbook:start")).content.decode()
    response = client.post(reverse("workbook:start"), {"mode": "team", "name": ""})

    assert "Sektori" in page
    assert "vähintään viisi tiimiä" in page
    assert response.status_code == 302
    assert Workbook.objects.get().sector == ""


def test_a_solo_workbook_keeps_no_sector(client):
    client.post(reverse("workbook:start"), {"mode": "solo", "name": "", "sektori": "valtio"})

    assert Workbook.objects.get().sector == ""


def test_an_unknown_sector_gets_a_clear_error(client):
    response = client.post(reverse("workbook:start"), {"mode": "team", "sektori": "x"})

    assert "Valitse sektori annetuista vaihtoehdoista." in response.content.decode()
    assert Workbook.objects.count() == 0
