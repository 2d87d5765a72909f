"""A case page suggests three other published cases, those sharing most themes first (of the
newest ones that share a theme), then the newest others."""

import re

import pytest

from cases.models import Case
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def related_titles(client, case) -> list[str]:
    page = client.get(case.get_absolute_url()).content.decode()
    aside = page[page.index('<aside class="related"') :]
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', aside)


def test_cases_sharing_most_themes_come_first(client):
    case = make_case(title="Päätapaus", themes=["dialogi", "jaettu-johtajuus", "oppiminen-arjessa"])
    make_case(title="Ei yhteisiä", themes=["oppiminen-verkostoissa"])  # newest of the others
    make_case(title="Yksi yhteinen", themes=["dialogi"])
    make_case(title="Kolme yhteistä", themes=["dialogi", "jaettu-johtajuus", "oppiminen-arjessa"])
    make_case(title="Kaksi yhteistä", themes=["dialogi", "jaettu-johtajuus"])

    assert related_titles(client, case) == ["Kolme yhteistä", "Kaksi yhteistä", "Yksi yhteinen"]


def test_without_shared_themes_the_newest_other_cases_are_suggested(client):
    case = make_case(title="Päätapaus", themes=["dialogi"])
    make_case(title="Uusin")
    make_case(title="Toiseksi uusin")
    make_case(title="Kolmanneksi uusin")
    make_case(title="Vanhin")

    assert related_titles(client, case) == ["Uusin", "Toiseksi uusin", "Kolmanneksi uusin"]


def test_the_case_itself_and_drafts_are_never_suggested(client):
    case = make_case(title="Päätapaus", themes=["dialogi"])
    make_case(title="Luonnos", themes=["dialogi"], status=Case.Status.DRAFT)
    make_case(title="Julkaistu", themes=["dialogi"])

    assert related_titles(client, case) == ["Julkaistu"]


def test_a_lone_case_has_no_suggestions_section(client):
    case = make_case()

    assert "Lue myös" not in client.get(case.get_absolute_url()).content.decode()


def test_cases_sharing_a_theme_come_first_and_the_newest_others_fill_the_rest(client):
    case = make_case(title="Päätapaus", themes=["dialogi"])
    make_case(title="Uusin muu")
    make_case(title="Toiseksi uusin muu")
    make_case(title="Vanha yhteinen", themes=["dialogi"])
    make_case(title="Vanhin muu")

    assert related_titles(client, case) == ["Vanha yhteinen", "Uusin muu", "Toiseksi uusin muu"]


def test_only_the_newest_cases_sharing_a_theme_are_compared(client, monkeypatch):
    monkeypatch.setattr("cases.models.RELATED_CANDIDATES", 2)
    case = make_case(title="Päätapaus", themes=["dialogi", "jaettu-johtajuus"])
    make_case(title="Uusin muu")
    make_case(title="Toiseksi uusin muu")
    make_case(title="Kolmanneksi uusin muu")
    make_case(title="Uusin yhteinen", themes=["dialogi"])
    make_case(title="Toiseksi uusin yhteinen", themes=["jaettu-johtajuus"])
    make_case(title="Vanha, kaksi yhteistä", themes=["dialogi", "jaettu-johtajuus"])

    assert related_titles(client, case) == [
        "Uusin yhteinen",
        "Toiseksi uusin yhteinen",
        "Uusin muu",
    ]
