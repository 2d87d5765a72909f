"""The demo cases: at least eight, across kinds, sectors and themes, marked as fictional."""

import pytest

from cases import demo
from cases.models import Case, Sector

pytestmark = pytest.mark.django_db


def test_loading_twice_gives_the_same_cases_in_the_same_order(client):
    demo.load()
    first = list(Case.objects.values_list("slug", "published_at"))

    demo.load()

    assert list(Case.objects.values_list("slug", "published_at")) == first
    assert len(first) >= 8


def test_the_demo_covers_every_kind_sector_and_theme():
    demo.load()
    cases = Case.objects.published()

    assert {case.kind for case in cases} == set(Case.Kind.values)
    assert {case.sector for case in cases} == set(Sector.values)
    assert {theme.slug for case in cases for theme in case.themes.all()} == {
        "jaettu-johtajuus",
        "tarkoituksen-ymparille",
        "tyon-tarkastelu-yhdessa",
        "dialogi",
        "oppiminen-arjessa",
        "oppiminen-verkostoissa",
    }


def test_every_demo_case_is_complete_and_says_it_is_fictional(client):
    demo.load()

    for case in Case.objects.all():
        assert case.is_demo
        assert "kuvitteellinen" in case.organisation
        assert len(case.sections()) == 4, case.slug
        page = client.get(case.get_absolute_url()).content.decode()
        assert "Kuvitteellinen esimerkki" in page


def test_the_demo_includes_the_stories_the_issue_asks_for():
    demo.load()
    titles = " ".join(Case.objects.values_list("title", flat=True)).lower()

    assert "poliisi" in titles
    assert "ministeriö" in titles and "hybridityö" in titles
    assert "virheistä oppi" in titles
    assert "verkosto" in titles


def test_an_editors_change_to_a_demo_case_is_overwritten_only_by_the_demo_text():
    demo.load()
    case = Case.objects.get(slug="ministerio-hybridityon-dialogituokiot")
    case.status = Case.Status.DRAFT
    case.save()

    demo.load()

    case.refresh_from_db()
    assert case.status == Case.Status.PUBLISHED
    assert Case.objects.filter(slug=case.slug).count() == 1


def test_some_demo_cases_have_a_drawn_picture_with_a_text_alternative():
    demo.load()
    pictured = Case.objects.exclude(image="")

    assert pictured.count() == len(demo.ILLUSTRATED)
    for case in pictured:
        assert case.image_alt.startswith("Piirroskuva:")
        assert (case.image_width, case.image_small_width) == (1200, 600)

    demo.load()
    assert Case.objects.exclude(image="").count() == len(demo.ILLUSTRATED)
