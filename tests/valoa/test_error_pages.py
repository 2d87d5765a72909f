"""Every error page says what happened in its heading and title, inside the site's layout."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from tests.form_pages import parse, text

PAGES = {
    "400.html": "Pyyntöä ei voitu käsitellä",
    "403.html": "Ei käyttöoikeutta",
    "403_csrf.html": "Lomake vanheni",
    "403_cross_site.html": "Lomake lähetettiin toiselta sivustolta",
    "404.html": "Sivua ei löytynyt",
    "413.html": "Lähetys oli liian suuri",
    "429.html": "Liian monta viestiä lyhyessä ajassa",
    "503.html": "Palvelu on hetken poissa käytöstä",
    "axes_lockout.html": "Kirjautuminen on estetty hetkeksi",
}


@pytest.mark.parametrize(("template", "heading"), PAGES.items())
def test_the_heading_names_the_error_and_the_title_says_it_too(template, heading):
    request = RequestFactory().get("/jokin-sivu/")
    page = parse(render_to_string(template, {"megabytes": 12, "minutes": 10}, request=request))

    assert [text(h1) for h1 in page.find_all("h1")] == [heading]
    assert text(page.title).startswith(heading.split(" lyhyessä")[0])
    assert page.find("main").find("p")  # a message under the heading
    assert page.find("nav", attrs={"aria-label": "Päävalikko"})
