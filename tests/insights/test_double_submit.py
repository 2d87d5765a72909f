"""The same form posted twice (a double click, a retry after a timeout) stores one comment."""

import pytest
from django.core import mail

from insights.models import Comment
from tests.factories import comment_data

pytestmark = pytest.mark.django_db


def test_posting_the_same_form_twice_stores_one_comment_and_sends_one_mail(
    client, article, django_capture_on_commit_callbacks
):
    data = comment_data(body="Tuplaklikkaus")

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(article.get_absolute_url(), data)
        second = client.post(article.get_absolute_url(), data)

    assert first.status_code == second.status_code == 302
    assert first["Location"].split("?")[0] == second["Location"].split("?")[0]
    assert Comment.objects.filter(body="Tuplaklikkaus").count() == 1
    assert len(mail.outbox) == 1


def test_two_showings_of_the_form_store_two_comments(client, article):
    client.post(article.get_absolute_url(), comment_data(body="Ensimmäinen"))
    client.post(article.get_absolute_url(), comment_data(body="Toinen"))

    assert Comment.objects.count() == 2
