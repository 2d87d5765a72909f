"""The site's mail reaches a real SMTP server as mail clients expect it: both parts, the headers
of a well-behaved sender, and links that are absolute and signed."""

from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.management import call_command

from tests.factories import comment_data
from tests.form_pages import parse
from tests.smtp_server import parts
from tests.subscriptions.helpers import links
from valoa.models import OutboxMessage

pytestmark = pytest.mark.django_db
CONFIRM, UNSUBSCRIBE = "subscriptions.confirm", "subscriptions.unsubscribe"


def test_a_subscriber_mail_arrives_with_both_parts_and_unsubscribe_headers(
    client,
    article,
    smtp_inbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.SITE_URL = "https://valoa.example.fi"
    settings.EMAIL_REPLY_TO = "toimitus@valoa.example.fi"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(article.get_absolute_url(), comment_data(ilmoita="on"))

    [mail] = smtp_inbox.to("maija@example.fi")
    stored = OutboxMessage.objects.get(recipients=["maija@example.fi"])
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert mail["Reply-To"] == "toimitus@valoa.example.fi"
    assert mail["Message-ID"] == stored.headers["Message-ID"]
    assert mail["Message-ID"].endswith("@valoa.example.fi>")
    assert mail["Date"]
    unsubscribe = mail["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("https://valoa.example.fi/tilaa/peru/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stored.sent_at is not None

    text, html = parts(mail)["text/plain"], parts(mail)["text/html"]
    hrefs = [a["href"] for a in parse(html).find_all("a")]
    confirm = [href for href in hrefs if "/tilaa/vahvista/" in href]
    assert len(confirm) == 1 and confirm[0] in links(text)
    assert unsubscribe in hrefs and unsubscribe in links(text)
    for href in hrefs:
        assert urlsplit(href)[:2] == ("https", "valoa.example.fi")
    subscription_pk = int(stored.about.split(":")[1])
    for signed, salt in ((confirm[0], CONFIRM), (unsubscribe, UNSUBSCRIBE)):
        token = signed.rstrip("/").rsplit("/", 1)[1]
        assert signing.loads(token, salt=salt) == subscription_pk
        with pytest.raises(signing.BadSignature):
            signing.loads(token[:-2] + "xx", salt=salt)


def test_an_editors_notification_arrives_as_plain_text_with_the_senders_headers(
    client,
    article,
    smtp_inbox,
    settings,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(article.get_absolute_url(), comment_data())

    [mail] = smtp_inbox.to("toimitus@example.fi")
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert mail["Reply-To"] == settings.EMAIL_REPLY_TO
    assert mail["Message-ID"] and mail["Date"]
    assert set(parts(mail)) == {"text/plain"}
    assert "List-Unsubscribe" not in mail


def test_the_outbox_command_sends_what_waits_through_the_server(
    client,
    article,
    smtp_inbox,
    settings,
):
    # Stored while the server was "down" (nothing ran after the commit).
    client.post(article.get_absolute_url(), comment_data(ilmoita="on"))
    client.post(article.get_absolute_url(), comment_data(email="toinen@example.fi", ilmoita="on"))

    call_command("send_outbox")

    assert len(smtp_inbox.to("maija@example.fi")) == 1
    assert len(smtp_inbox.to("toinen@example.fi")) == 1
    assert len(smtp_inbox.to("toimitus@example.fi")) == 2
    assert OutboxMessage.objects.waiting().count() == 0
