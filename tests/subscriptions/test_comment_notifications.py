"""A commenter who ticks the box hears, after confirming, that the comment was published and
that someone replied; nothing before confirming, nothing about what an editor turned down."""

from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from insights.models import Comment
from subscriptions.models import Subscription
from tests.factories import comment_data, make_comment
from tests.form_pages import parse
from tests.subscriptions.helpers import mails_to, site_link
from valoa.moderation import ModerationStatus

pytestmark = pytest.mark.django_db
EMAIL = "maija@example.fi"
BOX = "Ilmoita minulle sähköpostilla, kun kommenttini julkaistaan ja kun siihen vastataan"


def post_comment(client, article, capture, **fields):
    with capture(execute=True):
        client.post(article.get_absolute_url(), comment_data(**fields))
    return Comment.objects.get(email=fields.get("email", EMAIL))


def confirm(client, capture):
    path = site_link(mails_to(EMAIL)[0].body, "/tilaa/vahvista/")
    with capture(execute=True):
        return client.post(path)


def test_the_box_is_on_both_forms_and_unticked(client, article):
    for page in (article.get_absolute_url(), "/oivallukset/"):
        box = parse(client.get(page).content.decode()).find("input", {"name": "ilmoita"})
        assert box["type"] == "checkbox"
        assert not box.has_attr("checked")
        label = parse(client.get(page).content.decode()).find("label", {"for": box["id"]})
        assert BOX in label.get_text(" ", strip=True)


def test_unticked_box_sends_the_commenter_nothing(
    client, article, django_capture_on_commit_callbacks
):
    post_comment(client, article, django_capture_on_commit_callbacks)

    assert Subscription.objects.count() == 0
    assert mails_to(EMAIL) == []


def test_ticked_box_asks_to_confirm_first_and_sends_nothing_else_until_then(
    client, article, django_capture_on_commit_callbacks
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    [request] = mails_to(EMAIL)
    assert "/tilaa/vahvista/" in request.body

    with django_capture_on_commit_callbacks(execute=True):
        comment.approve()
        make_comment(article, parent=comment, email="toinen@example.fi")

    assert mails_to(EMAIL) == [request]
    assert Subscription.objects.get().confirmed_at is None


def test_confirmed_commenter_hears_of_the_approval_with_a_link(
    client, article, django_capture_on_commit_callbacks
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    # The link opens a page with a button: opening it alone confirms nothing.
    path = site_link(mails_to(EMAIL)[0].body, "/tilaa/vahvista/")
    assert parse(client.get(path).content.decode()).find("form", action=path).find("button")
    assert Subscription.objects.get().confirmed_at is None
    confirm(client, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        comment.approve()

    published = mails_to(EMAIL)[-1]
    assert len(mails_to(EMAIL)) == 2
    assert site_link(published.body, "/oivallukset/") == comment.get_absolute_url()


def test_approved_before_confirming_is_told_on_confirming(
    client, article, django_capture_on_commit_callbacks
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    comment.approve()

    confirm(client, django_capture_on_commit_callbacks)

    assert site_link(mails_to(EMAIL)[-1].body, "/oivallukset/") == comment.get_absolute_url()


@pytest.mark.parametrize("decision", ["reject", "mark_spam"])
def test_a_turned_down_comment_sends_nothing(
    client, article, django_capture_on_commit_callbacks, decision
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    confirm(client, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        getattr(comment, decision)()

    assert len(mails_to(EMAIL)) == 1  # the confirmation request only


def test_a_spam_comment_does_not_even_ask_to_confirm(
    client, article, django_capture_on_commit_callbacks
):
    post_comment(
        client, article, django_capture_on_commit_callbacks, ilmoita="on", body="Halpaa viagra"
    )

    assert Subscription.objects.count() == 0
    assert mails_to(EMAIL) == []


def test_replies_within_an_hour_come_as_one_digest(
    client, article, django_capture_on_commit_callbacks
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    confirm(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        comment.approve()
        first = make_comment(article, parent=comment, name="Eka", email="a@example.fi")
    assert site_link(mails_to(EMAIL)[-1].body, "/oivallukset/") == first.get_absolute_url()
    before = len(mails_to(EMAIL))

    with django_capture_on_commit_callbacks(execute=True):
        second = make_comment(article, parent=comment, name="Toka", email="b@example.fi")
        third = make_comment(article, parent=comment, status=ModerationStatus.PENDING)
        make_comment(article, parent=comment, status=ModerationStatus.REJECTED)
        third.approve()
        call_command("send_reply_notifications")
    assert len(mails_to(EMAIL)) == before  # within the hour: held back

    Subscription.objects.update(replies_sent_at=timezone.now() - timedelta(hours=1, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reply_notifications")
        call_command("send_reply_notifications")

    digest = mails_to(EMAIL)[before:]
    assert len(digest) == 1
    assert second.get_absolute_url() in digest[0].body
    assert third.get_absolute_url() in digest[0].body
    assert first.get_absolute_url() not in digest[0].body
    assert digest[0].body.count("/oivallukset/") == 2


def test_unsubscribe_by_the_link_and_its_button(
    client, article, django_capture_on_commit_callbacks
):
    comment = post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    confirm(client, django_capture_on_commit_callbacks)
    path = site_link(mails_to(EMAIL)[0].body, "/tilaa/peru/")

    page = parse(client.get(path).content.decode())
    assert Subscription.objects.count() == 1  # a GET (a link scanner) changes nothing
    form = page.find("form", action=path)
    assert form.find("button").get_text(strip=True) == "Peru tilaus"
    client.post(form["action"])

    assert Subscription.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        comment.approve()
    assert not any("/oivallukset/" in mail.body for mail in mails_to(EMAIL))


def test_one_click_unsubscribe_by_the_mail_clients_post(
    client, article, django_capture_on_commit_callbacks
):
    post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    message = mails_to(EMAIL)[0]
    url = message.headers["List-Unsubscribe"].strip("<>")
    assert message.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # A mail client has no CSRF token: the signed address is enough.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("http://127.0.0.1:8000"), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert Subscription.objects.count() == 0


def test_a_forged_or_expired_link_does_nothing(
    client, article, django_capture_on_commit_callbacks, settings
):
    post_comment(client, article, django_capture_on_commit_callbacks, ilmoita="on")
    subscription = Subscription.objects.get()
    forged = signing.dumps(subscription.pk, salt="another")
    assert client.post(f"/tilaa/vahvista/{forged}/").status_code == 404
    assert client.post(f"/tilaa/peru/{forged}/").status_code == 404

    path = site_link(mails_to(EMAIL)[0].body, "/tilaa/vahvista/")
    week_later = timezone.now() + timedelta(days=7, minutes=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: week_later.timestamp())
        assert client.post(path).status_code == 404

    assert Subscription.objects.get().confirmed_at is None


def test_a_commenter_on_the_swedish_pages_gets_swedish_mail(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/sv{article.get_absolute_url()}", comment_data(ilmoita="on"))
    [request] = mails_to(EMAIL)
    assert request.subject == "Bekräfta din prenumeration – VALOA"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(site_link(request.body, "/sv/tilaa/vahvista/"))
        Comment.objects.get().approve()

    published = mails_to(EMAIL)[-1]
    assert published.subject == "Din kommentar har publicerats – VALOA"
    assert f"/sv/oivallukset/{article.slug}/#kommentti-" in published.body
    assert "/sv/tilaa/peru/" in published.headers["List-Unsubscribe"]
