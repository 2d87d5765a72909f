"""A list whose SQL is written once (valoa.content.compiled) gives what its queryset gives:
the same rows in the same order, page by page, counted alike, as time passes and in each
language; and cards name their authors as they are now."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from insights.models import Article, Comment
from tests.factories import make_article, make_author, make_case, make_comment
from valoa.content.compiled import CompiledList
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def published_articles(now):
    return Article.objects.published(now).for_cards()


@pytest.fixture
def clock():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def test_rows_pages_and_count_are_the_querysets(clock):
    for number in range(7):
        make_article(title=f"Julkaistu {number}")
    make_article(title="Luonnos", status=Article.Status.DRAFT)
    make_article(title="Huomenna", published_at=timezone.now() + timedelta(days=1))
    compiled = CompiledList(published_articles)
    expected = list(published_articles(timezone.now()))

    assert [article.pk for article in compiled] == [article.pk for article in expected]
    assert [a.pk for a in compiled[2:5]] == [a.pk for a in expected[2:5]]
    assert [a.pk for a in compiled[5:10]] == [a.pk for a in expected[5:]]
    assert compiled.count() == 7
    # What a card reads comes with the row.
    first = next(iter(compiled))
    assert (first.title, first.slug, first.author_id) == (
        expected[0].title,
        expected[0].slug,
        expected[0].author_id,
    )


def test_the_moment_is_the_current_one_at_each_run(clock):
    make_article(title="Jo julkaistu")
    make_article(title="Ajastettu", published_at=timezone.now() + timedelta(minutes=5))
    compiled = CompiledList(published_articles)
    assert [article.title for article in compiled] == ["Jo julkaistu"]

    clock.shift(timedelta(minutes=5))

    assert {article.title for article in compiled} == {"Jo julkaistu", "Ajastettu"}
    assert compiled.count() == 2


def test_sql_that_depends_on_the_language_is_written_for_each(clock):
    comment = make_comment(body="Oma oivallus.")
    compiled = CompiledList(
        lambda now: Comment.objects.filter(status=ModerationStatus.APPROVED).shown(),
        tuples=True,
        varies_with=translation.get_language,
    )
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            assert compiled[0:1] == list(Comment.objects.filter(pk=comment.pk).shown()), language


def card_bylines(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [byline.get_text(" ", strip=True) for byline in page.select("main .byline")]


def test_cards_name_an_author_as_renamed_at_once(no_page_cache):
    author = make_author(name="Aino Esimerkki")
    make_article(title="Kirjoitus", author=author)
    make_case(title="Esimerkki")
    reader = Client()
    assert any("Aino Esimerkki" in line for line in card_bylines(reader.get(reverse("home"))))

    author.name = "Aino Uusinimi"
    author.save()

    for url in (reverse("home"), reverse("insights:list")):
        lines = card_bylines(reader.get(url))
        assert any("Aino Uusinimi" in line for line in lines), url
        assert not any("Aino Esimerkki" in line for line in lines), url


def test_arguments_are_bound_at_each_run():
    make_article(title="Ensimmäinen", slug="ensimmainen")
    make_article(title="Toinen", slug="toinen")
    by_slug = CompiledList(
        lambda now, slug: Article.objects.published(now).filter(slug=slug), args=(str,)
    )

    assert [article.title for article in by_slug.bind("toinen")] == ["Toinen"]
    assert [article.title for article in by_slug.bind("ensimmainen")] == ["Ensimmäinen"]
    assert list(by_slug.bind("ei-ole")) == []


def test_a_lookup_that_changes_its_argument_is_refused():
    make_article(title="Ensimmäinen")
    containing = CompiledList(
        lambda now, text: Article.objects.published(now).filter(title__contains=text),
        args=(str,),
    )

    with pytest.raises(ValueError, match="argument 0"):
        list(containing.bind("Ensi"))
