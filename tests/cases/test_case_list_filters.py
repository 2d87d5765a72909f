"""The case list: filters by kind, theme and sector, alone and combined, with a count."""

import pytest
from pytest_django.asserts import assertInHTML

from cases.models import Case, Sector
from tests import page_checks
from tests.factories import make_case
from tests.form_pages import hrefs, label, parse, text
from valoa.models import Theme

pytestmark = pytest.mark.django_db

LIST = "/innostu/"


@pytest.fixture
def cases():
    return {
        "police": make_case(
            title="Poliisin purkukäytäntö",
            kind=Case.Kind.CASE,
            sector=Sector.STATE,
            themes=["jaettu-johtajuus", "oppiminen-arjessa"],
        ),
        "ministry": make_case(
            title="Ministeriön dialogituokiot",
            kind=Case.Kind.EXPERIMENT,
            sector=Sector.STATE,
            themes=["dialogi"],
        ),
        "library": make_case(
            title="Kirjaston asiakastiimit",
            kind=Case.Kind.EXPERIMENT,
            sector=Sector.MUNICIPALITY,
            themes=["dialogi", "tarkoituksen-ymparille"],
        ),
        "home_care": make_case(
            title="Kotihoidon virhevartti",
            kind=Case.Kind.CASE,
            sector=Sector.WELLBEING,
            themes=["oppiminen-arjessa"],
        ),
    }


def titles_on(client, query: str) -> set[str]:
    page = client.get(LIST + query).content.decode()
    return {title for title in TITLES if title in page}


TITLES = {
    "Poliisin purkukäytäntö",
    "Ministeriön dialogituokiot",
    "Kirjaston asiakastiimit",
    "Kotihoidon virhevartti",
}


def test_without_filters_every_published_case_is_listed_with_the_count(client, cases):
    response = client.get(LIST)

    page = response.content.decode()
    assert response.status_code == 200
    assert "4 esimerkkiä tai kokeilua" in page
    assert titles_on(client, "") == TITLES


def test_filter_by_kind(client, cases):
    assert titles_on(client, "?laji=kokeilu") == {
        "Ministeriön dialogituokiot",
        "Kirjaston asiakastiimit",
    }
    assert titles_on(client, "?laji=esimerkki") == {
        "Poliisin purkukäytäntö",
        "Kotihoidon virhevartti",
    }


def test_filter_by_theme(client, cases):
    assert titles_on(client, "?teema=dialogi") == {
        "Ministeriön dialogituokiot",
        "Kirjaston asiakastiimit",
    }


def test_filter_by_sector(client, cases):
    assert titles_on(client, "?sektori=valtio") == {
        "Poliisin purkukäytäntö",
        "Ministeriön dialogituokiot",
    }
    assert titles_on(client, "?sektori=hyvinvointialue") == {"Kotihoidon virhevartti"}


def test_filters_combine(client, cases):
    assert titles_on(client, "?laji=kokeilu&teema=dialogi&sektori=valtio") == {
        "Ministeriön dialogituokiot"
    }
    assert titles_on(client, "?laji=esimerkki&teema=oppiminen-arjessa") == {
        "Poliisin purkukäytäntö",
        "Kotihoidon virhevartti",
    }


def test_the_count_and_the_active_filters_are_shown_in_words(client, cases):
    page = client.get(LIST + "?laji=kokeilu&teema=dialogi").content.decode()

    assert "Rajauksilla löytyi 2 esimerkkiä tai kokeilua" in page
    assertInHTML("<strong>Kokeilu</strong>", page)
    assertInHTML("<strong>Dialogi</strong>", page)
    # Removing one filter keeps the other.
    assert {"/innostu/?laji=kokeilu", "/innostu/?teema=dialogi"} <= set(hrefs(page))


def test_one_match_is_counted_in_the_singular(client, cases):
    page = client.get(LIST + "?sektori=kunta").content.decode()

    assert "Rajauksilla löytyi 1 esimerkki tai kokeilu" in page


def test_the_filter_form_works_without_javascript_and_keeps_the_choices(client, cases):
    page = client.get(LIST + "?laji=kokeilu&teema=dialogi").content.decode()

    form = parse(page).find("form", action="/innostu/")
    assert form["method"] == "get"
    assert label(form, "rajaus-laji") == "Laji"
    assert form.find(id="rajaus-laji").find("option", selected=True)["value"] == "kokeilu"
    assert form.find(id="rajaus-teema").find("option", selected=True)["value"] == "dialogi"
    assert text(form.find("button", type="submit")) == "Näytä"


def test_an_unknown_filter_value_is_ignored_and_the_others_apply(client, cases):
    response = client.get(LIST + "?teema=ei-ole&laji=kokeilu")

    assert response.status_code == 200
    assert titles_on(client, "?teema=ei-ole&laji=kokeilu") == {
        "Ministeriön dialogituokiot",
        "Kirjaston asiakastiimit",
    }


def test_no_match_shows_a_helpful_empty_state(client, cases):
    page = client.get(LIST + "?laji=kokeilu&sektori=hyvinvointialue").content.decode()

    assert "Rajauksilla löytyi 0 esimerkkiä tai kokeilua" in page
    assert "Näillä rajauksilla ei löytynyt yhtään esimerkkiä tai kokeilua" in page
    assert "näytä kaikki esimerkit ja kokeilut" in page
    assert "/innostu/kerro/" in hrefs(page)


def test_an_empty_site_says_that_nothing_is_published_yet(client, db):
    page = client.get(LIST).content.decode()

    assert "Esimerkkejä ja kokeiluja ei ole vielä julkaistu." in page
    assertInHTML('<a href="/tyokirja/">työkirjan</a>', page)


def test_drafts_and_future_cases_are_not_listed(client, db):
    from django.utils import timezone

    make_case(title="Julkaistu tapaus")
    make_case(title="Luonnostapaus", status=Case.Status.DRAFT)
    make_case(
        title="Tulevan viikon tapaus", published_at=timezone.now() + timezone.timedelta(days=7)
    )

    page = client.get(LIST).content.decode()

    assert "Julkaistu tapaus" in page
    assert "Luonnostapaus" not in page
    assert "Tulevan viikon tapaus" not in page
    assert "1 esimerkki tai kokeilu" in page


@pytest.mark.parametrize(
    "query",
    [
        {"teema": "\x00"},
        {"laji": "<script>alert(1)</script>"},
        {"sektori": "x" * 5000},
        {"teema": ["dialogi", "ei-ole"]},
        {"sivu": "\x00", "laji": "kokeilu"},
        {"teema": "' OR 1=1 --"},
    ],
)
def test_odd_filter_values_give_the_list_not_an_error(client, cases, query):
    response = client.get(LIST, query)

    assert response.status_code == 200
    assert page_checks.inline_scripts(parse(response.content.decode())) == []


def test_the_filters_show_what_was_asked_for_and_the_themes_names_as_they_are_now(client, cases):
    """The filter fields' markup is reused by what it shows (cases.forms.CaseFilterForm.shown)."""

    def selected(url: str) -> dict[str, str]:
        form = parse(client.get(url).content).find("form", class_="case-filters")
        return {
            select["name"]: text(select.find("option", selected=True) or select.option)
            for select in form.find_all("select")
        }

    assert selected(LIST)["teema"] == "Kaikki teemat"
    assert selected(LIST + "?teema=dialogi&laji=kokeilu")["teema"] == "Dialogi"
    assert selected(LIST + "?teema=dialogi&laji=kokeilu")["laji"] == "Kokeilu"
    assert selected(LIST + "?teema=dialogi")["laji"] == "Kaikki lajit"

    renamed = Theme.objects.get(slug="dialogi")
    renamed.name = "Keskustelu"
    renamed.save()

    assert selected(LIST + "?teema=dialogi&laji=kokeilu")["teema"] == "Keskustelu"
