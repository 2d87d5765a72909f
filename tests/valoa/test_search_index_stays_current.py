"""The search index follows the content: edits, approvals, rejections and deletions show in the
next search; rows inserted in bulk are found after `rebuild_search_index`. On SQLite (FTS5) and
PostgreSQL (the stored vector) alike."""

import io

import pytest
from django.core.management import call_command
from django.db import connection

from cases.models import Case
from insights.models import Article
from tests.factories import make_article, make_author, make_case, make_comment
from tests.valoa.search_page import titles
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db


def test_an_edit_is_found_by_its_new_words_only(client):
    article = make_article(title="Vanha otsikko")
    article.title = "Kävelykokous"
    article.save()

    assert titles(client, "kävelykokouksesta") == ["Kävelykokous"]
    assert titles(client, "vanha") == []


def test_an_approved_comment_finds_its_article_and_a_rejected_one_no_longer(client, editor):
    article = make_article(title="Palaverit")
    comment = make_comment(article, status=ModerationStatus.PENDING, body="Metsäretkellä opimme.")
    assert titles(client, "metsäretki") == []

    comment.approve(by=editor)
    assert titles(client, "metsäretki") == ["Palaverit"]

    comment.reject(by=editor)
    assert titles(client, "metsäretki") == []


def test_an_edited_comment_is_found_by_its_new_words(client):
    article = make_article(title="Palaverit")
    comment = make_comment(article, body="Metsäretki.")
    comment.body = "Kävelykokous."
    comment.save(update_fields=["body"])

    assert titles(client, "metsäretki") == []
    assert titles(client, "kävelykokous") == ["Palaverit"]


def index_rows(table: str) -> int:
    """Rows of the index: of the SQLite FTS5 table, or vectors in the PostgreSQL table."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"SELECT COUNT(*) FROM {table}_fts")
        else:
            cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE search_vector IS NOT NULL")
        return cursor.fetchone()[0]


def test_deleting_removes_from_the_index(client):
    article = make_article(title="Kävelykokous")
    make_comment(article, body="Kävelykokous.")
    case = make_case(title="Kävelykokous kunnassa")
    counts = [index_rows(t) for t in ("insights_article", "insights_comment", "cases_case")]

    article.delete()  # and its comment with it
    Case.objects.filter(pk=case.pk).delete()

    after = [index_rows(t) for t in ("insights_article", "insights_comment", "cases_case")]
    assert [before - now for before, now in zip(counts, after, strict=True)] == [1, 1, 1]
    assert titles(client, "kävelykokous") == []


def test_rows_inserted_in_bulk_are_found_after_rebuilding_the_index(client):
    author = make_author()
    Article.objects.bulk_create(
        [
            Article(
                title=f"Joukkotuonti {number}",
                slug=f"joukkotuonti-{number}",
                lead="Ingressi.",
                body="Kotihoidon tiimi.",
                author=author,
                status=Article.Status.PUBLISHED,
            )
            for number in range(3)
        ]
    )
    make_case(title="Kotihoito")
    assert titles(client, "joukkotuonnista") == []

    output = io.StringIO()
    call_command("rebuild_search_index", stdout=output)

    assert len(titles(client, "joukkotuonnista")) == 3
    assert len(titles(client, "kotihoitotiimi")) == 3
    assert "insights.Article 3, insights.Comment 0, cases.Case 1" in output.getvalue()
