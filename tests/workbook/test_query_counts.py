"""The pages' SQL query counts do not grow with the number of participants."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article
from tests.workbook.helpers import add_participant, url
from valoa.models import Theme
from valoa.web import page_cache
from workbook.models import Level, ReflectionAnswer, ReflectionQuestion

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def level_for(number: int, statements):
    return {
        statement.pk: Level.values[(number + index) % 3]
        for index, statement in enumerate(statements)
    }


def forget_kept_reading() -> None:
    """The reading tips as a process first reads them (the summary keeps them while the lists
    hold, and new figures may name other themes): each count is the larger one."""
    page_cache._kept_for_the_site.clear()


def queries_for(client, address: str) -> int:
    forget_kept_reading()
    with CaptureQueriesContext(connection) as context:
        assert client.get(address).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def reading(db):
    for theme in Theme.objects.all():
        make_article(slug=f"luettavaa-{theme.slug}").themes.add(theme)


@pytest.mark.parametrize(
    "name", ["summary", "assessment", "reflection", "experiment", "overview", "print", "csv"]
)
def test_the_facilitator_pages_make_as_many_queries_for_30_as_for_1(
    client, team, statements, settings, reading, django_assert_max_num_queries, name
):
    settings.WORKBOOK_TEAM_THRESHOLD = 1
    for question in ReflectionQuestion.objects.active():
        ReflectionAnswer.objects.create(round=team.current_round(), question=question, text="Ok")
    add_participant(team, statements, level_for(0, statements))
    client.get(url(name, team))  # the first visit may record that the workbook is in use
    with_one = queries_for(client, url(name, team))

    for number in range(1, 30):
        add_participant(
            team, statements, level_for(number, statements), note=f"muistiinpano {number}"
        )

    forget_kept_reading()
    with django_assert_max_num_queries(with_one):
        response = client.get(url(name, team))
    assert response.status_code == 200
    if name == "summary":
        assert "30 vastaajaa" in response.content.decode()


def test_a_participants_page_makes_as_many_queries_for_30_as_for_3(
    client, team, statements, django_assert_max_num_queries
):
    me = add_participant(team, statements, level_for(0, statements))
    for number in range(1, 3):
        add_participant(team, statements, level_for(number, statements))
    client.get(me.get_absolute_url())
    with_three = queries_for(client, me.get_absolute_url())

    for number in range(3, 30):
        add_participant(team, statements, level_for(number, statements))

    with django_assert_max_num_queries(with_three):
        assert client.get(me.get_absolute_url()).status_code == 200


def test_the_summary_of_a_second_round_does_not_grow_either(
    client, team, statements, django_assert_max_num_queries
):
    for number in range(3):
        add_participant(team, statements, level_for(number, statements))
    team.start_round()
    for number in range(3):
        add_participant(team, statements, level_for(number + 1, statements))
    client.get(url("summary", team))
    with_three = queries_for(client, url("summary", team))

    for number in range(27):
        add_participant(team, statements, level_for(number, statements))

    forget_kept_reading()
    with django_assert_max_num_queries(with_three):
        assert client.get(url("summary", team)).status_code == 200
