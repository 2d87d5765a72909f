"""The summary recommends published reading for the themes where the team is weakest."""

import pytest
import time_machine
from bs4 import BeautifulSoup, Tag
from django.test import Client
from django.utils import timezone

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_case
from tests.form_pages import parse, text
from tests.workbook.helpers import assessment_data, themes_under, url
from valoa.models import Theme
from workbook import recommendations
from workbook.models import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(db):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    made = {}
    for slug in ("dialogi", "jaettu-johtajuus", "oppiminen-arjessa"):
        article = make_article(title=f"Kirjoitus teemasta {slug}", slug=f"kirjoitus-{slug}")
        article.themes.add(themes[slug])
        made[slug] = article
    draft = make_article(title="Luonnos dialogista", status=Article.Status.DRAFT)
    draft.themes.add(themes["dialogi"])
    future = make_article(
        title="Tuleva dialogikirjoitus", published_at=timezone.now() + timezone.timedelta(days=1)
    )
    future.themes.add(themes["dialogi"])
    return made


def answer_with_weak(client, workbook, statements, weak_slug):
    levels = {
        statement.pk: Level.NOT_YET if statement.theme.slug == weak_slug else Level.WELL
        for statement in statements
    }
    client.post(url("assessment", workbook), assessment_data(statements, levels))


def recommended_section(client, workbook) -> Tag:
    page = client.get(url("summary", workbook)).content.decode()
    return parse(page).find("section", class_="recommendations")


@pytest.mark.parametrize("weak", ["dialogi", "jaettu-johtajuus"])
def test_recommendations_follow_the_weakest_theme(client, solo, statements, articles, weak):
    answer_with_weak(client, solo, statements, weak)

    section = recommended_section(client, solo)

    link = section.find("a", string=articles[weak].title)
    assert link["href"].endswith(articles[weak].get_absolute_url())  # written out in full
    for slug, article in articles.items():
        if slug != weak:
            assert article.title not in text(section)


def test_the_weakest_and_strongest_themes_are_named(client, solo, statements, articles):
    answer_with_weak(client, solo, statements, "dialogi")

    page = client.get(url("summary", solo)).content.decode()

    strongest = themes_under(page, "Vahvimmillanne olette")
    weakest = themes_under(page, "Eniten kehitettävää on")
    assert ("/teemat/dialogi/", "Dialogi (1,0)") in weakest
    assert not any("Dialogi" in item for _, item in strongest)
    assert ("/teemat/jaettu-johtajuus/", "Jaettu johtajuus (3,0)") in strongest


def test_unpublished_articles_are_never_recommended(client, solo, statements, articles):
    answer_with_weak(client, solo, statements, "dialogi")

    section = recommended_section(client, solo)

    assert "Luonnos dialogista" not in text(section)
    assert "Tuleva dialogikirjoitus" not in text(section)


def test_several_equally_weak_themes_all_get_reading(client, solo, statements, articles):
    levels = {
        statement.pk: Level.NOT_YET
        if statement.theme.slug in {"dialogi", "oppiminen-arjessa"}
        else Level.WELL
        for statement in statements
    }
    client.post(url("assessment", solo), assessment_data(statements, levels))

    section = recommended_section(client, solo)

    assert articles["dialogi"].title in text(section)
    assert articles["oppiminen-arjessa"].title in text(section)
    assert articles["jaettu-johtajuus"].title not in text(section)


def test_without_answers_there_are_no_recommendations(client, solo, articles):
    section = recommended_section(client, solo)

    assert "Lukuvinkit näkyvät, kun vaiheen 1 tulokset ovat valmiina." in text(section)
    for article in articles.values():
        assert article.title not in text(section)


def test_a_team_below_the_threshold_gets_no_recommendations(client, team, articles):
    section = recommended_section(client, team)

    assert "Lukuvinkit näkyvät" in text(section)


def test_recommendations_are_limited_to_a_few(db):
    theme = Theme.objects.get(slug="dialogi")
    for number in range(5):
        make_article(slug=f"dialogi-{number}").themes.add(theme)

    assert len(recommendations.recommended_articles([theme])) == recommendations.PER_KIND


def test_an_article_with_two_weak_themes_is_recommended_once(db):
    themes = list(Theme.objects.filter(slug__in=["dialogi", "oppiminen-arjessa"]))
    article = make_article(slug="kaksi-teemaa")
    article.themes.add(*themes)

    found = recommendations.recommended_articles(themes)

    assert [item.url for item in found] == [article.get_absolute_url()]


def test_published_cases_of_the_weakest_theme_are_recommended(client, solo, statements):
    wanted = make_case(themes=["dialogi"], title="Dialogi kunnan tiimissä")
    make_case(themes=["jaettu-johtajuus"], title="Johtajuus jaettuna")
    make_case(themes=["dialogi"], title="Julkaisematon dialogi", status=Case.Status.DRAFT)
    answer_with_weak(client, solo, statements, "dialogi")

    section = recommended_section(client, solo)

    assert section.find("a", string=wanted.title)["href"].endswith(wanted.get_absolute_url())
    assert "Johtajuus jaettuna" not in text(section)
    assert "Julkaisematon dialogi" not in text(section)


def test_recommended_links_are_full_addresses_that_still_work_on_paper(
    client, solo, statements, articles
):
    answer_with_weak(client, solo, statements, "dialogi")
    page = BeautifulSoup(client.get(url("summary", solo)).content, "html.parser")

    links = [link["href"] for link in page.select(".recommendation-list a")]

    path = articles["dialogi"].get_absolute_url()
    assert len(links) == 1
    assert links[0].startswith(("http://", "https://")) and links[0].endswith(path)


# The recommendations are kept by the process between summaries: what changed shows at once.
@pytest.mark.usefixtures("no_page_cache")
def test_a_newly_published_or_withdrawn_document_shows_at_once(client, solo, statements, articles):
    answer_with_weak(client, solo, statements, "dialogi")
    assert articles["dialogi"].title in text(recommended_section(client, solo))

    new = make_article(title="Uusi dialogikirjoitus", slug="uusi-dialogikirjoitus")
    new.themes.add(Theme.objects.get(slug="dialogi"))
    assert "Uusi dialogikirjoitus" in text(recommended_section(client, solo))

    articles["dialogi"].status = Article.Status.DRAFT
    articles["dialogi"].save()
    assert articles["dialogi"].title not in text(recommended_section(client, solo))


@pytest.mark.usefixtures("no_page_cache")
def test_a_theme_given_to_a_document_shows_at_once(client, solo, statements, articles):
    answer_with_weak(client, solo, statements, "dialogi")
    other = articles["jaettu-johtajuus"]
    assert other.title not in text(recommended_section(client, solo))

    other.themes.add(Theme.objects.get(slug="dialogi"))

    assert other.title in text(recommended_section(client, solo))


@pytest.mark.usefixtures("no_page_cache")
def test_a_document_published_for_later_is_recommended_from_its_time(
    client, solo, statements, articles
):
    answer_with_weak(client, solo, statements, "dialogi")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert "Tuleva dialogikirjoitus" not in text(recommended_section(client, solo))

        clock.shift(timezone.timedelta(days=1, seconds=1))

        assert "Tuleva dialogikirjoitus" in text(recommended_section(client, solo))


@pytest.mark.usefixtures("no_page_cache")
def test_without_the_shared_cache_a_withdrawn_document_is_gone_once_trust_runs_out(
    client, solo, statements, articles, cache_down, settings
):
    # A process trusts what it read for PAGE_CACHE_LOCAL_MS; without the cache, no longer.
    settings.PAGE_CACHE_LOCAL_MS = 0
    answer_with_weak(client, solo, statements, "dialogi")
    assert articles["dialogi"].title in text(recommended_section(client, solo))

    Article.objects.filter(pk=articles["dialogi"].pk).update(status=Article.Status.DRAFT)

    assert articles["dialogi"].title not in text(recommended_section(client, solo))


def test_a_withdrawn_document_leaves_the_cached_summary_at_once(client, solo, statements, articles):
    answer_with_weak(client, solo, statements, "dialogi")
    reader = Client()  # no session: the page cache serves the summary
    recommended_section(reader, solo)
    assert reader.get(url("summary", solo))["X-Page-Cache"] == "hit"

    articles["dialogi"].status = Article.Status.DRAFT
    articles["dialogi"].save()

    assert articles["dialogi"].title not in text(recommended_section(reader, solo))
