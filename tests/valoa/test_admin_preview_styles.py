"""The admin's preview of an article or a case looks like the site's text, not like the
admin's own headings: its change page loads the stylesheet for the preview box."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.factories import make_case
from tests.form_pages import parse

pytestmark = pytest.mark.django_db


def stylesheets(page: str) -> list[str]:
    return [link["href"] for link in parse(page).find_all("link", rel="stylesheet")]


def test_article_and_case_change_pages_load_the_preview_styles(editor_client, article):
    case = make_case(background="Tausta.")
    admin = "/" + settings.ADMIN_PATH
    for address in (
        f"{admin}insights/article/{article.pk}/change/",
        f"{admin}cases/case/{case.pk}/change/",
    ):
        page = editor_client.get(address).content.decode()
        assert parse(page).find(class_="valoa-preview"), address
        assert "/static/css/admin.css" in stylesheets(page), address


def test_the_stylesheet_styles_the_preview_box():
    assert ".valoa-preview" in Path(finders.find("css/admin.css")).read_text(encoding="utf-8")
