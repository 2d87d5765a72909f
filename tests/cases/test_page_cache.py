"""Innostu pages are cached for anonymous readers, and an editor's change shows at once."""

import pytest
from django.test import Client

from cases.models import Case
from tests.factories import make_case, theme

pytestmark = pytest.mark.django_db


def test_a_published_or_changed_case_shows_at_once_on_cached_pages(db):
    case = make_case(title="Ensimmäinen versio", themes=["dialogi"])
    for url in ("/", "/innostu/", case.get_absolute_url()):
        Client().get(url)
        assert Client().get(url)["X-Page-Cache"] == "hit"

    case.title = "Korjattu otsikko"
    case.save()
    make_case(title="Juuri julkaistu")

    for url in ("/", "/innostu/", case.get_absolute_url()):
        page = Client().get(url).content.decode()
        assert "Korjattu otsikko" in page, url
    assert "Juuri julkaistu" in Client().get("/innostu/").content.decode()


def test_a_change_of_themes_alone_shows_at_once(db):
    case = make_case(themes=["dialogi"])
    Client().get(case.get_absolute_url())

    case.themes.add(theme("oppiminen-verkostoissa"))

    assert "Oppiminen verkostoissa" in Client().get(case.get_absolute_url()).content.decode()


def test_an_unpublished_case_disappears_at_once(db):
    case = make_case(title="Pian luonnos")
    Client().get("/innostu/")

    case.status = Case.Status.DRAFT
    case.save()

    assert "Pian luonnos" not in Client().get("/innostu/").content.decode()
