"""The site's own wordmark, favicon and share image, the footer and the about page."""

import io
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from valoa.management.commands.make_identity import files
from valoa.models import AboutPage, EditorialMember

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

STATIC_IMG = settings.BASE_DIR / "static" / "img"


def page(client, path: str) -> BeautifulSoup:
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def test_the_committed_wordmark_and_favicon_are_what_the_project_draws():
    drawn = files()
    for name in ["wordmark.svg", "favicon.svg"]:
        assert (STATIC_IMG / name).read_bytes() == drawn[name], name
        ET.fromstring(drawn[name])  # well-formed
    image = Image.open(io.BytesIO(drawn["share.png"]))
    assert image.size == (1200, 630)
    assert Image.open(STATIC_IMG / "share.png").size == (1200, 630)


def test_make_identity_writes_the_files(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    call_command("make_identity", stdout=io.StringIO())
    assert sorted(path.name for path in (tmp_path / "static" / "img").iterdir()) == [
        "favicon.svg",
        "share.png",
        "wordmark.svg",
    ]


def test_every_page_has_the_wordmark_favicon_and_a_share_image(client):
    soup = page(client, "/teemat/")

    logo = soup.find("a", class_="site-name").img
    assert logo["src"].endswith("/img/wordmark.svg") and logo["alt"] == "VALOA"
    assert soup.find("link", rel="icon")["href"].endswith("/img/favicon.svg")
    share = soup.find("meta", property="og:image")["content"]
    assert share.startswith(settings.SITE_URL) and share.endswith("/img/share.png")
    assert soup.find("meta", property="og:image:alt")["content"]


def test_a_case_with_its_own_image_shares_that_instead(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import make_case, png_bytes

    case = make_case(
        image=SimpleUploadedFile("kuva.png", png_bytes(800, 500)), image_alt="Tiimi palaverissa"
    )
    images = page(client, case.get_absolute_url()).find_all("meta", property="og:image")
    assert len(images) == 1 and "share.png" not in images[0]["content"]


def test_footer_names_the_maintainer_and_links_feedback_privacy_accessibility_and_feeds(client):
    footer = page(client, "/").footer
    assert "Sivustoa ylläpitää Valtiokonttori." in footer.get_text()
    links = {link.get_text(): link["href"] for link in footer.find_all("a")}
    assert links["Tietoa VALOAsta"] == "/tietoa/"
    assert links["Anna palautetta"] == "/palaute/"
    assert links["Tietosuoja"] == "/tietosuoja/"
    assert links["Saavutettavuusseloste"] == "/saavutettavuus/"
    assert links["Oivallukset RSS-syötteenä"] == "/oivallukset/syote/rss/"
    assert links["Esimerkit ja kokeilut RSS-syötteenä"] == "/innostu/syote/rss/"

    swedish = {link["href"] for link in page(client, "/sv/").footer.find_all("a")}
    assert "/sv/palaute/" in swedish and "/sv/tietoa/" in swedish


def test_about_page_names_the_controller_and_the_editorial_team(client):
    about = AboutPage.objects.get()
    EditorialMember.objects.create(
        page=about, name="Aino Esimerkki", role="päätoimittaja", organisation="Valtiokonttori"
    )

    soup = page(client, "/tietoa/")

    assert soup.h1.get_text() == "Tietoa VALOAsta"
    assert "julkisen sektorin työyhteisöille" in soup.main.p.get_text()
    controller = soup.find("h2", string="Ylläpitäjä ja rekisterinpitäjä").find_next("p")
    assert "vastaa Valtiokonttori." in controller.get_text()
    team = soup.find("h2", string="Toimitus").find_next("ul")
    assert [li.get_text() for li in team("li")] == ["Aino Esimerkki, päätoimittaja, Valtiokonttori"]
    assert "Statskontoret" in page(client, "/sv/tietoa/").main.get_text()


def test_editors_change_the_about_page_in_the_admin(client, editor):
    about = AboutPage.objects.get()
    client.force_login(editor)
    admin_url = f"/{settings.ADMIN_PATH}valoa/aboutpage/{about.pk}/change/"
    assert client.get(admin_url).status_code == 200
    assert client.get(f"/{settings.ADMIN_PATH}valoa/aboutpage/add/").status_code == 403

    about.body = "Uusi **teksti**."
    about.save()
    client.logout()
    assert page(client, "/tietoa/").main.strong.get_text() == "teksti"


def test_about_page_queries_do_not_grow_with_the_team(client):
    about = AboutPage.objects.get()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/tietoa/").status_code == 200
        return len(captured)

    EditorialMember.objects.create(page=about, name="Yksi", role="toimittaja")
    with_one = queries()
    EditorialMember.objects.bulk_create(
        EditorialMember(page=about, name=f"Jäsen {n}", role="toimittaja") for n in range(199)
    )
    assert queries() == with_one
