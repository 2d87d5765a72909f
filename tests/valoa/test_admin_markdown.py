"""Markdown help beside the admin's text fields, and the live preview's editors-only endpoint."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import make_article, make_case

pytestmark = pytest.mark.django_db
PREVIEW = "/admin/markdown-esikatselu/"


def test_article_body_has_the_syntax_help_and_a_preview_for_scripts(client, editor):
    article = make_article()
    client.force_login(editor)
    page = BeautifulSoup(
        client.get(reverse("admin:insights_article_change", args=[article.pk])).content,
        "html.parser",
    )
    body = page.find("textarea", attrs={"name": "body"})
    field = body.find_parent(class_="markdown-field")
    help_box = field.find("aside")
    assert help_box.h3.get_text(strip=True) == "Muotoiluohje"
    rows = [[c.get_text(strip=True) for c in r.find_all("td")] for r in help_box.tbody("tr")]
    assert ["**lihavoitu**", "lihavoitu teksti"] in rows
    preview = field.find("section", attrs={"data-markdown-preview": True})
    assert preview.has_attr("hidden")  # shown by the script only
    assert preview["data-url"] == PREVIEW and preview["data-for"] == body["id"]
    assert page.find("script", src=lambda src: src and "admin-markdown" in src)
    lead = page.find("textarea", attrs={"name": "lead"})
    assert lead.find_parent(class_="markdown-field") is None


def test_case_sections_preview_their_headings_under_the_section_heading(client, editor):
    case = make_case()
    client.force_login(editor)
    page = BeautifulSoup(
        client.get(reverse("admin:cases_case_change", args=[case.pk])).content, "html.parser"
    )
    boxes = page.find_all("section", attrs={"data-markdown-preview": True})
    assert [box["data-top-heading"] for box in boxes] == ["3", "3", "3", "3"]


def test_editor_gets_the_text_rendered_as_the_site_renders_it(client, editor):
    client.force_login(editor)
    response = client.post(PREVIEW, {"teksti": "# Otsikko\n\n**tärkeä** <script>x</script>"})
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h2.get_text() == "Otsikko"
    assert html.strong.get_text() == "tärkeä"
    assert html.script is None
    assert "no-store" in response["Cache-Control"]

    deeper = client.post(PREVIEW, {"teksti": "# Otsikko", "otsikkotaso": "3"})
    assert BeautifulSoup(deeper.content, "html.parser").h3.get_text() == "Otsikko"


def test_readers_cannot_use_the_preview(client):
    response = client.post(PREVIEW, {"teksti": "# Otsikko"})
    assert response.status_code == 302
    assert BeautifulSoup(response.content, "html.parser").find("h2") is None


def test_the_preview_needs_the_forms_csrf_token(editor):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    assert browser.post(PREVIEW, {"teksti": "x"}).status_code == 403
