"""A heading an editor writes in a body is shown, below the page's own h1."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import make_article, make_case

pytestmark = pytest.mark.django_db


def headings(html: bytes | str) -> list[tuple[str, str]]:
    page = BeautifulSoup(html, "html.parser")
    return [(h.name, h.get_text(strip=True)) for h in page.find_all(["h1", "h2", "h3", "h4"])]


def test_a_top_level_heading_in_an_article_becomes_an_h2_with_its_subheadings_below(client):
    article = make_article(title="Otsikot", body="# Otsikko\n\nTekstiä.\n\n## Alaotsikko\n\nLisää.")
    page = BeautifulSoup(client.get(article.get_absolute_url()).content, "html.parser")
    body = page.find(class_="prose")
    assert headings(str(body)) == [("h2", "Otsikko"), ("h3", "Alaotsikko")]
    assert [h.get_text(strip=True) for h in page.find_all("h1")] == ["Otsikot"]


def test_a_heading_in_a_case_section_sits_under_the_sections_own_h2(client):
    case = make_case(background="# Lähtötilanne\n\nTekstiä.", actions="", learnings="", tips="")
    page = BeautifulSoup(client.get(case.get_absolute_url()).content, "html.parser")
    section = page.find("h2", string="Tausta ja haaste")
    assert section is not None
    assert section.find_next(["h2", "h3"]).name == "h3"
    assert section.find_next(["h2", "h3"]).get_text(strip=True) == "Lähtötilanne"
