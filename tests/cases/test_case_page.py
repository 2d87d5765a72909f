"""A case page: every section, facts, themes linking back to the list; drafts are not found."""

import pytest
from django.utils import timezone
from pytest_django.asserts import assertInHTML

from cases.models import Case, Sector
from tests import page_checks
from tests.factories import make_case
from tests.form_pages import heading, hrefs, parse
from valoa.web import page_cache

pytestmark = pytest.mark.django_db


def test_the_page_shows_every_section_rendered_from_markdown(client):
    case = make_case(
        title="Dialogituokiot hybridityöstä",
        kind=Case.Kind.EXPERIMENT,
        organisation="Esimerkkiministeriö",
        sector=Sector.STATE,
        duration="Kevät 2024",
        lead="Pelisäännöt syntyivät tiimeissä.",
        background="Säännöt herättivät **vastustusta**.",
        actions="1. Kuusi tuokiota\n2. Yksi kysymys kerrallaan",
        learnings="Neljä tuokiota olisi riittänyt.",
        tips="- Erottakaa keskustelu ja päätökset",
    )

    response = client.get(case.get_absolute_url())

    page = response.content.decode()
    assert response.status_code == 200
    assertInHTML("<h1>Dialogituokiot hybridityöstä</h1>", page)
    assert len(parse(page).find_all("h1")) == 1
    assert "Pelisäännöt syntyivät tiimeissä." in page
    for section in ("Tausta ja haaste", "Mitä tehtiin", "Mitä opittiin", "Vinkit muille"):
        assertInHTML(f"<h2>{section}</h2>", page)
    assertInHTML("<strong>vastustusta</strong>", page)
    assertInHTML("<li>Kuusi tuokiota</li>", page)
    assert "Esimerkkiministeriö" in page
    assert "Valtion virasto" in page
    assert "Kevät 2024" in page
    assert page.index("Tausta ja haaste") < page.index("Mitä tehtiin") < page.index("Vinkit muille")


def test_an_empty_section_is_left_out(client):
    case = make_case(tips="")

    assert "Vinkit muille" not in client.get(case.get_absolute_url()).content.decode()


def test_themes_link_to_their_theme_pages(client):
    # A theme's page lists its newest content and links on to the full filtered list.
    case = make_case(themes=["dialogi", "oppiminen-verkostoissa"])

    page = client.get(case.get_absolute_url()).content.decode()

    assertInHTML('<a href="/teemat/dialogi/">Dialogi</a>', page)
    assertInHTML('<a href="/teemat/oppiminen-verkostoissa/">Oppiminen verkostoissa</a>', page)


def test_kind_and_sector_link_to_the_list_filtered_by_them(client):
    case = make_case(kind=Case.Kind.EXPERIMENT, sector=Sector.WELLBEING)

    page = client.get(case.get_absolute_url()).content.decode()

    assert {"/innostu/?laji=kokeilu", "/innostu/?sektori=hyvinvointialue"} <= set(hrefs(page))


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Case.Status.DRAFT},
        {"published_at": timezone.now() + timezone.timedelta(days=1)},
    ],
    ids=["draft", "scheduled"],
)
def test_unpublished_cases_are_not_found(client, fields):
    case = make_case(title="Keskeneräinen", **fields)

    response = client.get(case.get_absolute_url())

    assert response.status_code == 404
    assert "Keskeneräinen" not in response.content.decode()


def test_the_contact_is_shown_only_when_the_editor_allows_it(client):
    hidden = make_case(contact="Maija Esimerkki, 040 123 4567")
    shown = make_case(contact="Ville Esimerkki, 050 765 4321", contact_public=True)

    assert "Maija Esimerkki" not in client.get(hidden.get_absolute_url()).content.decode()
    page = client.get(shown.get_absolute_url()).content.decode()
    assert "Lisätietoja" in page
    assert "Ville Esimerkki" in page


def test_markdown_cannot_inject_scripts(client):
    case = make_case(background="<script>alert('x')</script> [linkki](javascript:alert(1))")

    page = client.get(case.get_absolute_url()).content.decode()

    assert page_checks.inline_scripts(parse(page)) == []
    assert not any(href.startswith("javascript:") for href in hrefs(page))


def test_demo_content_is_marked_as_fictional(client):
    case = make_case(is_demo=True)

    page = client.get(case.get_absolute_url()).content.decode()
    listing = client.get("/innostu/").content.decode()

    assert "Kuvitteellinen esimerkki" in page
    assert "Kuvitteellinen esimerkki" in listing


def test_the_story_form_address_is_not_taken_by_a_case(client):
    response = client.get("/innostu/kerro/")

    assert response.status_code == 200
    assert heading(response.content.decode()) == "Kerro kokemuksesta"


def test_an_editor_cannot_give_a_case_the_story_form_address(db):
    from django.core.exceptions import ValidationError

    case = Case(
        title="Kerro",
        slug="kerro",
        organisation="Org",
        sector=Sector.OTHER,
        lead="Ingressi",
    )
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "varattu" in str(error.value)


def test_the_page_shows_an_edit_and_an_erased_contact_at_once(client, no_page_cache):
    # The case's own part of its page is kept as markup until the case changes ({% card %}).
    case = make_case(learnings="Neljä tuokiota riitti.", contact="Ville, 050 765 4321")
    Case.objects.filter(pk=case.pk).update(contact_public=True)
    case.refresh_from_db()
    assert "Ville, 050 765 4321" in client.get(case.get_absolute_url()).content.decode()

    case.learnings = "Kolme tuokiota riitti."
    case.save()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Kolme tuokiota riitti." in page
    assert "Neljä tuokiota riitti." not in page

    # As the erasure of a contributor's data does it: in bulk, without a save.
    Case.objects.filter(pk=case.pk).update(contact="", contact_public=False)
    page_cache.invalidate()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "050 765 4321" not in page
    assert "Lisätietoja" not in page
