"""Spam is stopped without third parties: honeypot, time trap, links, words, rate limit."""

import time

import pytest

from insights.models import Comment
from tests.factories import comment_data
from valoa.moderation import ModerationStatus
from valoa.posting import antispam

pytestmark = pytest.mark.django_db


def test_filled_honeypot_is_refused_with_a_clear_error(client, article):
    response = client.post(article.get_absolute_url(), comment_data(kotisivu="http://spam.example"))

    assert response.status_code == 200
    assert "Älä täytä tätä kenttää" in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_form_sent_too_fast_is_refused_and_can_be_sent_again(client, article, settings):
    settings.FORM_MIN_SECONDS = 3
    data = comment_data(aloitettu=antispam.time_trap_token(time.time()))

    response = client.post(article.get_absolute_url(), data)

    page = response.content.decode()
    assert "niin nopeasti" in page
    assert data["body"] in page
    assert Comment.objects.count() == 0

    data["aloitettu"] = antispam.time_trap_token(time.time() - 10)
    response = client.post(article.get_absolute_url(), data)
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_forged_time_trap_is_refused(client, article):
    response = client.post(article.get_absolute_url(), comment_data(aloitettu="12345"))

    assert "tarkiste puuttui tai oli virheellinen" in response.content.decode()
    assert Comment.objects.count() == 0


def test_too_many_links_are_held_as_spam_not_shown(client, article, settings):
    settings.SPAM_MAX_LINKS = 2
    body = "Katso https://a.example https://b.example https://c.example"

    response = client.post(article.get_absolute_url(), comment_data(body=body))

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == ModerationStatus.SPAM
    assert "linkkejä" in comment.held_reason
    assert "c.example" not in client.get(article.get_absolute_url()).content.decode()


def test_a_blocked_word_is_held_as_spam(client, article, settings):
    settings.SPAM_BLOCKED_WORDS = ["kasino"]

    client.post(article.get_absolute_url(), comment_data(body="Paras KASINO bonus"))

    assert Comment.objects.get().status == ModerationStatus.SPAM


def test_the_sixth_comment_in_ten_minutes_gets_a_readable_429_that_keeps_the_text(
    client, article, settings
):
    settings.RATE_LIMIT_POSTS = 5
    for number in range(5):
        response = client.post(article.get_absolute_url(), comment_data(body=f"Viesti {number}"))
        assert response.status_code == 302

    response = client.post(article.get_absolute_url(), comment_data(body="Kuudes viesti"))

    assert response.status_code == 429
    page = response.content.decode()
    assert "Liian monta viestiä" in page
    assert "Kuudes viesti" in page  # given back so that it is not lost
    assert response["Retry-After"] == "600"
    assert Comment.objects.count() == 5


def test_the_rate_limit_is_per_address(client, article, settings):
    settings.RATE_LIMIT_POSTS = 1
    url = article.get_absolute_url()

    assert client.post(url, comment_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post(url, comment_data(), REMOTE_ADDR="10.0.0.2").status_code == 302
    assert client.post(url, comment_data(), REMOTE_ADDR="10.0.0.1").status_code == 429


def test_forwarded_address_is_trusted_only_behind_a_proxy(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")

    settings.BEHIND_PROXY = False
    assert antispam.client_address(request) == "10.0.0.9"
    settings.BEHIND_PROXY = True
    assert antispam.client_address(request) == "5.6.7.8"


def test_known_email_is_not_approved_automatically_by_default(client, article):
    Comment.objects.create(
        article=article, name="M", email="maija@example.fi", body="x", status="approved"
    )

    client.post(article.get_absolute_url(), comment_data(body="Toinen kommentti"))

    assert Comment.objects.get(body="Toinen kommentti").status == ModerationStatus.PENDING


def test_known_email_is_approved_automatically_when_the_setting_says_so(client, article, settings):
    settings.COMMENTS_AUTO_APPROVE_KNOWN_EMAILS = True
    Comment.objects.create(
        article=article, name="M", email="maija@example.fi", body="x", status="approved"
    )

    client.post(article.get_absolute_url(), comment_data(body="Toinen kommentti"))

    assert Comment.objects.get(body="Toinen kommentti").status == ModerationStatus.APPROVED
