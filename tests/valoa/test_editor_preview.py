"""Editors open a draft article or case as readers will see it; nobody else can."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_case

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture(params=["article", "case"])
def draft(request):
    if request.param == "article":
        return make_article(title="Luonnos artikkelista", status=Article.Status.DRAFT)
    return make_case(title="Luonnos esimerkistä", status=Case.Status.DRAFT)


def test_editor_sees_the_draft_as_readers_will_with_a_notice(client, editor, draft):
    client.force_login(editor)
    response = client.get(draft.get_preview_url())
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text(strip=True) == draft.title
    notice = page.find(id="esikatselu-otsikko").find_parent()
    assert "Tätä ei ole vielä julkaistu" in notice.get_text()
    back = notice.find("a", string="Takaisin muokkaamaan")["href"]
    assert back == change_url(draft)
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"


def test_the_preview_is_never_cached_nor_indexed(client, editor, draft):
    client.force_login(editor)
    response = client.get(draft.get_preview_url())
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store", "no-cache"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Page-Cache" not in response


def test_anonymous_reader_gets_not_found_even_after_an_editor_looked(client, editor, draft):
    client.force_login(editor)
    client.get(draft.get_preview_url())
    client.logout()
    client.cookies.clear()
    for _ in range(2):  # the second time would come from the page cache
        assert client.get(draft.get_preview_url()).status_code == 404


def test_staff_without_the_change_permission_gets_not_found(
    client, staff_without_permission, draft
):
    client.force_login(staff_without_permission)
    assert client.get(draft.get_preview_url()).status_code == 404


def test_published_content_previews_with_its_own_notice(client, editor):
    article = make_article(title="Julkaistu jo")
    client.force_login(editor)
    page = BeautifulSoup(client.get(article.get_preview_url()).content, "html.parser")
    notice = page.find(id="esikatselu-otsikko").find_parent()
    assert "Näin sivu näkyy lukijoille" in notice.get_text()


def test_change_form_offers_the_preview_button(client, editor, draft):
    client.force_login(editor)
    page = BeautifulSoup(client.get(change_url(draft)).content, "html.parser")
    link = page.find("a", string="Näytä lopputulos")
    assert link["href"] == draft.get_preview_url()
