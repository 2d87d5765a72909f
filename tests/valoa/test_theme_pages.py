"""The six elements as pages: the overview, a page per element, and links to them everywhere."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insights.models import Article
from tests.factories import make_article, make_articles, make_case, make_cases, theme
from workbook.models import ReflectionQuestion, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

SIX = [
    "Jaettu johtajuus",
    "Organisoituminen tarkoituksen ympärille",
    "Työn tarkastelu yhdessä",
    "Dialogi",
    "Oppiminen arjen työssä",
    "Oppiminen verkostoissa",
]


def page(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def section(soup: BeautifulSoup, heading: str):
    found = soup.find("h2", string=heading)
    assert found is not None, heading
    return found.find_parent("section")


def test_overview_lists_the_six_elements_with_descriptions_and_links(client):
    soup = page(client, "/teemat/")

    cards = soup.main.select(".theme-card")
    assert [card.h2.get_text(strip=True) for card in cards] == SIX
    assert cards[3].h2.a["href"] == "/teemat/dialogi/"
    assert "kuunnellaan ja kysytään" in cards[3].p.get_text()


def test_navigation_and_home_page_lead_to_the_themes(client):
    soup = page(client, "/")

    nav = soup.find("nav", attrs={"aria-label": "Päävalikko"})
    assert nav.find("a", string="Teemat")["href"] == "/teemat/"
    entry_points = section(soup, "Kuusi teemaa").select(".theme-card h3 a")
    assert [link.get_text() for link in entry_points] == SIX
    path = section(soup, "Näin käytät VALOAa").find("ol")
    assert [link["href"] for link in path.find_all("a")] == [
        "/innostu/",
        "/tyokirja/",
        "/innostu/kerro/",
    ]


def test_theme_page_explains_the_element_in_the_readers_language(client):
    soup = page(client, "/teemat/dialogi/")
    assert soup.h1.get_text() == "Dialogi"
    meaning = section(soup, "Mitä se tarkoittaa")
    assert "ei kilpailla siitä, kuka on oikeassa" in meaning.get_text()
    practice = section(soup, "Miltä se näyttää arjessa")
    assert "Toisen puheenvuoro kuunnellaan loppuun." in [li.get_text() for li in practice("li")]

    swedish = page(client, "/sv/teemat/dialogi/")
    assert swedish.h1.get_text() == "Dialog"
    assert "vem som har rätt" in section(swedish, "Vad det betyder").get_text()


def test_theme_page_shows_the_workbook_questions_and_statements_in_use(client):
    dialogue = theme("dialogi")
    Statement.objects.create(theme=dialogue, text="Vanha väite", is_active=False)
    ReflectionQuestion.objects.create(theme=dialogue, text="Vanha kysymys?", is_active=False)
    Statement.objects.create(theme=theme("jaettu-johtajuus"), text="Toisen teeman väite")

    soup = page(client, "/teemat/dialogi/")

    questions = [li.get_text() for li in section(soup, "Kysymyksiä tiimille")("li")]
    assert "Miten voisimme kuunnella toisiamme paremmin?" in questions
    assert "Vanha kysymys?" not in questions
    statements = [li.get_text() for li in section(soup, "Näin työkirja mittaa teemaa")("li")]
    assert list(Statement.objects.active().filter(theme=dialogue).values_list("text", flat=True))
    assert statements == list(
        Statement.objects.active().filter(theme=dialogue).values_list("text", flat=True)
    )


def test_theme_page_lists_its_published_content_newest_first_with_a_link_to_all(client):
    now = timezone.now()
    make_article(title="Vanha kirjoitus", published_at=now - timezone.timedelta(days=3)).themes.add(
        theme("dialogi")
    )
    make_case(title="Uusi esimerkki", themes=["dialogi"], published_at=now)
    make_article(title="Luonnos", status=Article.Status.DRAFT).themes.add(theme("dialogi"))
    make_case(title="Toisen teeman esimerkki", themes=["jaettu-johtajuus"])

    soup = page(client, "/teemat/dialogi/")

    content = section(soup, "Esimerkit ja oivallukset")
    titles = [heading.get_text(strip=True) for heading in content("h3")]
    assert titles == ["Uusi esimerkki", "Vanha kirjoitus"]
    link = content.find("a", string="Kaikki esimerkit ja oivallukset teemasta Dialogi")
    assert link["href"] == "/haku/?teema=dialogi"


def test_theme_page_without_content_says_so(client):
    soup = page(client, "/teemat/oppiminen-verkostoissa/")
    content = section(soup, "Esimerkit ja oivallukset")
    assert "ei ole vielä julkaistu" in content.get_text()
    assert content.find("h3") is None


def test_unknown_theme_is_not_found(client):
    assert client.get("/teemat/ei-ole/").status_code == 404


def test_editors_markdown_is_rendered_once_on_save_and_sanitised(client):
    dialogue = theme("dialogi")
    dialogue.meaning = "Kuuntele **loppuun**. <script>alert(1)</script>"
    dialogue.save()

    meaning = section(page(client, "/teemat/dialogi/"), "Mitä se tarkoittaa")
    assert meaning.find("strong").get_text() == "loppuun"
    assert meaning.find("script") is None


def test_theme_chips_link_to_the_theme_pages(client):
    article = make_article(title="Kirjoitus")
    article.themes.add(theme("dialogi"))
    case = make_case(themes=["dialogi"])

    for path in ["/oivallukset/", article.get_absolute_url(), case.get_absolute_url(), "/"]:
        chips = page(client, path).select(".themes a")
        assert "/teemat/dialogi/" in [chip["href"] for chip in chips], path


def test_sitemap_lists_the_theme_pages(client):
    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(location.endswith("/teemat/") for location in locations)
    assert any(location.endswith("/teemat/dialogi/") for location in locations)
    assert any(location.endswith("/en/teemat/dialogi/") for location in locations)


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def add_content(count: int) -> None:
    make_articles(count, ["dialogi"], each=lambda number: {"title": f"Kirjoitus {number}"})
    make_cases(
        count,
        ["dialogi", "jaettu-johtajuus"],
        each=lambda number: {"title": f"Esimerkki {number}"},
    )


def test_theme_pages_make_as_many_queries_with_200_items_as_with_one(client):
    paths = ["/teemat/", "/teemat/dialogi/", "/"]
    add_content(1)
    with_one = [queries(client, path) for path in paths]
    add_content(199)
    assert [queries(client, path) for path in paths] == with_one


def test_editors_write_a_themes_texts_in_three_languages_in_the_admin(client, editor, settings):
    client.force_login(editor)
    dialogue = theme("dialogi")

    page = BeautifulSoup(
        client.get(f"/{settings.ADMIN_PATH}valoa/theme/{dialogue.pk}/change/").content,
        "html.parser",
    )

    for code in ["fi", "sv", "en"]:
        assert page.find("textarea", attrs={"name": f"meaning_{code}"}) is not None, code
        assert page.find("textarea", attrs={"name": f"in_practice_{code}"}) is not None, code
    assert page.find(attrs={"name": "meaning_html_fi"}) is None  # rendered, never typed
