"""When the search index or the Finnish analyser fails, a reader's comment is still stored,
once, and the reader gets the usual answer; the log says what to do, without the text."""

import pytest
from django.db import DatabaseError

from insights.models import Comment
from tests.factories import comment_data, make_article
from tests.valoa.search_page import titles
from valoa.moderation import ModerationStatus
from valoa.search import analysis, index

pytestmark = pytest.mark.django_db

BODY = "Kotihoidon tiimi aloitti kävelykokoukset."


def post_and_approve(client, article, editor) -> Comment:
    response = client.post(article.get_absolute_url(), comment_data(body=BODY))
    assert response.status_code == 302
    [comment] = Comment.objects.filter(body=BODY)
    comment.approve(by=editor)
    return comment


def test_a_comment_is_stored_once_when_the_index_refuses_it(client, editor, monkeypatch, caplog):
    article = make_article(title="Palaverit")

    def refuse(*args, **kwargs):
        raise DatabaseError("the index is not there")

    monkeypatch.setattr(index, "_store_fts", refuse)
    monkeypatch.setattr(index, "_store_vectors", refuse)
    comment = post_and_approve(client, article, editor)

    assert comment.status == ModerationStatus.APPROVED
    assert Comment.objects.filter(body=BODY).count() == 1
    assert "rebuild_search_index" in caplog.text
    assert "Kotihoidon" not in caplog.text and "maija" not in caplog.text


def test_when_the_analyser_fails_words_are_found_as_written(client, editor, monkeypatch, caplog):
    article = make_article(title="Palaverit")

    def broken():
        raise RuntimeError("no dictionary")

    analysis.finnish.cache_clear()
    analysis._word_tokens.cache_clear()
    analysis.Term._of.cache_clear()
    monkeypatch.setattr(analysis, "voikko", broken)
    post_and_approve(client, article, editor)

    assert Comment.objects.filter(body=BODY).count() == 1
    assert titles(client, "kävelykokoukset") == ["Palaverit"]
    assert titles(client, "kävelykokous") == []  # no base forms without the analyser
    assert "Voikko could not analyse a word" in caplog.text
    assert "kävely" not in caplog.text.lower()
    monkeypatch.undo()
    assert titles(client, "kotihoito") == []  # indexed as written until saved again
