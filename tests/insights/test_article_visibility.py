"""Only published articles are public; lists are newest first and paginated."""

import pytest
from django.utils import timezone

from insights.models import Article
from tests.factories import make_article
from tests.form_pages import heading, parse, text

pytestmark = pytest.mark.django_db


def test_draft_answers_404_to_the_public(client):
    draft = make_article(status=Article.Status.DRAFT, title="Keskeneräinen")

    response = client.get(draft.get_absolute_url())

    assert response.status_code == 404
    assert "Keskeneräinen" not in client.get("/oivallukset/").content.decode()
    assert "Keskeneräinen" not in client.get("/").content.decode()


def test_article_scheduled_for_the_future_is_not_yet_public(client):
    future = make_article(published_at=timezone.now() + timezone.timedelta(days=1))

    assert client.get(future.get_absolute_url()).status_code == 404


def test_article_page_shows_title_author_date_themes_and_rendered_body(client, article):
    from valoa.models import Theme

    article.themes.add(Theme.objects.get(slug="dialogi"))
    page = client.get(article.get_absolute_url()).content.decode()

    assert heading(page) == "Dialogi hybridityössä"
    assert "Kirjoittaja" in page
    assert article.published_at.astimezone().strftime("%-d.%-m.%Y") in page
    themes = parse(page).select('li.theme a[href="/teemat/dialogi/"]')
    assert [text(link) for link in themes] == ["Dialogi"]
    assert parse(page).find("strong", string="lihavoituna")


def test_markdown_is_sanitised_when_saved(client):
    article = make_article(body="Hei <script>alert(1)</script> [x](javascript:alert(1))")

    assert parse(article.body_html).find("script") is None
    assert "javascript:" not in article.body_html


def test_list_is_newest_first_and_paginated(client):
    for number in range(12):
        make_article(
            title=f"Kirjoitus {number:02d}",
            published_at=timezone.now() - timezone.timedelta(days=number),
        )

    first = client.get("/oivallukset/").content.decode()
    second = client.get("/oivallukset/?sivu=2").content.decode()

    assert first.index("Kirjoitus 00") < first.index("Kirjoitus 01")
    assert "Kirjoitus 11" not in first and "Kirjoitus 11" in second
    assert "Seuraava sivu" in first


@pytest.mark.parametrize("page", ["-1", "abc", "99999", "viimeinen"])
def test_odd_page_numbers_give_a_page_not_an_error(client, page):
    make_article()

    assert client.get(f"/oivallukset/?sivu={page}").status_code == 200


def test_home_page_shows_latest_insights(client, article):
    page = client.get("/").content.decode()

    assert "Dialogi hybridityössä" in page
