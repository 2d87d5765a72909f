"""The number of SQL queries a page makes does not grow with its comments or articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_articles, make_comment, make_comments

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_comments(article, count):
    """`count` comments on the article, each with a reply."""
    parents = make_comments([article] * count)
    make_comments([article] * count, replying_to=parents)


def test_article_page_queries_do_not_grow_with_comments(
    client, article, django_assert_max_num_queries
):
    add_comments(article, 1)
    with_one = count_queries(client, article.get_absolute_url())
    add_comments(article, 199)

    with django_assert_max_num_queries(with_one):
        client.get(article.get_absolute_url())


def test_insights_list_queries_do_not_grow_with_articles_or_insights(
    client, django_assert_max_num_queries
):
    make_article()
    make_comment(None)
    with_one = count_queries(client, "/oivallukset/")
    make_articles(199)
    make_comments([None] * 199)

    with django_assert_max_num_queries(with_one):
        client.get("/oivallukset/")


def test_home_page_queries_do_not_grow_with_articles(client, django_assert_max_num_queries):
    make_article()
    with_one = count_queries(client, "/")
    make_articles(199)

    with django_assert_max_num_queries(with_one):
        client.get("/")
