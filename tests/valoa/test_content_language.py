"""Content stays in its own language; pages in another interface language say so."""

import pytest

from tests.factories import make_article, make_case
from tests.form_pages import parse, text

pytestmark = pytest.mark.django_db


def test_finnish_article_on_the_swedish_interface_is_marked_and_labelled(client):
    article = make_article(title="Dialogi hybridityössä", slug="dialogi")

    page = client.get(f"/sv{article.get_absolute_url()}").content.decode()

    assert parse(page).html.get("lang") == "sv"
    assert text(parse(page).find("h1", lang="fi")) == "Dialogi hybridityössä"
    assert "Innehållets språk: Finska." in page


def test_english_interface_names_the_language_in_english(client):
    case = make_case(title="Kokeilu")

    page = client.get(f"/en{case.get_absolute_url()}").content.decode()

    assert "Content language: Finnish." in page
    assert parse(page).find(lang="fi")


def test_no_label_when_content_and_interface_share_a_language(client):
    article = make_article(slug="suomeksi")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Sisällön kieli" not in page
    assert parse(page).h1.get("lang") is None


def test_swedish_article_on_the_finnish_interface_is_marked(client):
    article = make_article(slug="pa-svenska", title="Dialog i hybridarbete", language="sv")

    page = client.get(article.get_absolute_url()).content.decode()

    assert text(parse(page).find("h1", lang="sv")) == "Dialog i hybridarbete"
    assert "Sisällön kieli: ruotsi." in page
