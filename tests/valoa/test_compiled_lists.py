"""A list whose SQL is written once (valoa.content.compiled) gives what its queryset gives:
the same rows in the same order, page by page, counted alike, as time passes and in each
language; and cards name their authors as they are now."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from insights.models import Article, Comment
from insights.views import READER_INSIGHTS
from tests.factories import make_article, make_author, make_case, make_comment, make_comments
from valoa.content.compiled import CompiledList, together
from valoa.moderation import ModerationStatus
from valoa.web.page_cache import LISTING

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
    # What a card reads comes with the row, converted as the queryset converts it.
    first = next(iter(compiled))
    assert (first.title, first.slug, first.author_id, first.theme_ids, first.published_at) == (
        expected[0].title,
        expected[0].slug,
        expected[0].author_id,
        expected[0].theme_ids,
        expected[0].published_at,
    )
    assert not first._state.adding


def test_lists_run_together_give_each_its_own_rows_in_one_round_trip(
    clock, django_assert_num_queries
):
    for number in range(6):
        chosen = number % 2 == 0
        make_article(title=f"Kirjoitus {number}", featured=chosen, featured_order=9 - number)
    make_comment(body="Oma oivallus.")
    lifted = CompiledList(
        lambda now: published_articles(now).filter(featured=True).order_by("featured_order")
    )
    slug = CompiledList(lambda now, slug: published_articles(now).filter(slug=slug), args=(str,))
    wanted = Article.objects.get(title="Kirjoitus 3").slug
    page = CompiledList(published_articles)[2:4]
    insights = READER_INSIGHTS[0:5]
    # PostgreSQL takes them as one query; SQLite one at a time.
    one_trip = connection.vendor == "postgresql"

    with django_assert_num_queries(1 if one_trip else 5):
        rows = together(lifted, slug.bind(wanted), slug.bind("ei-ole"), page, insights)
        titles = [[article.title for article in part] for part in rows[:4]]

    newest = [article.title for article in published_articles(timezone.now())]
    assert titles == [
        ["Kirjoitus 4", "Kirjoitus 2", "Kirjoitus 0"],
        ["Kirjoitus 3"],
        [],
        newest[2:4],
    ]
    assert insights == list(Comment.objects.filter(body="Oma oivallus.").shown())
    assert rows[4] is insights


def test_joined_rows_and_annotations_come_as_the_querysets(clock):
    author = make_author(name="Aino Esimerkki")
    for number in range(3):
        make_article(title=f"Kirjoitus {number}", author=author)
    make_comments([Article.objects.get(title="Kirjoitus 1")] * 2)

    def build(now):
        return (
            published_articles(now)
            .select_related("author")
            .annotate(comment_count=Count("comments"))
            .order_by("pk")
        )

    compiled = CompiledList(build)

    made = [(a.title, a.author.name, a.comment_count) for a in compiled]
    assert made == [(a.title, a.author.name, a.comment_count) for a in build(timezone.now())]
    assert made[1] == ("Kirjoitus 1", "Aino Esimerkki", 2)


def test_a_list_that_prefetches_is_refused():
    make_article(title="Julkaistu")
    prefetching = CompiledList(lambda now: published_articles(now).prefetch_related("themes"))

    with pytest.raises(ValueError, match="prefetched"):
        list(prefetching)


def test_a_kept_count_follows_every_change_the_lists_show(clock, django_assert_num_queries):
    article = make_article(title="Ensimmäinen")
    compiled = CompiledList(published_articles, count_kept_while=(LISTING,))
    assert compiled.count() == 1
    with django_assert_num_queries(0):
        assert compiled.count() == 1

    make_article(title="Toinen")
    assert compiled.count() == 2
    make_article(title="Ajastettu", published_at=timezone.now() + timedelta(minutes=5))
    assert compiled.count() == 2
    article.status = Article.Status.DRAFT
    article.save()
    assert compiled.count() == 1

    clock.shift(timedelta(minutes=5, seconds=1))  # no save: the scheduled one appears

    assert compiled.count() == 2
    Article.objects.get(title="Toinen").delete()
    assert compiled.count() == 1


def test_a_reader_insight_approved_or_removed_is_counted_at_once():
    make_comment(body="Ensimmäinen oivallus.")
    waiting = make_comment(body="Toinen oivallus.", status=ModerationStatus.PENDING)
    assert READER_INSIGHTS.count() == 1

    waiting.status = ModerationStatus.APPROVED
    waiting.save()
    assert READER_INSIGHTS.count() == 2

    waiting.delete()
    assert READER_INSIGHTS.count() == 1


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
